"""Recording failed jobs, from Celery's `task_failure` signal (sent once a job has used up its retries)."""

from __future__ import annotations

import logging

from celery.signals import task_failure

from .models import FailedJob

logger = logging.getLogger(__name__)

ERROR_MAX_CHARS = 2000


def failed_job_record(
    *, task_name: str, task_id: str, args, kwargs, error: BaseException, traceback: str, retries: int
) -> FailedJob:
    arguments = {"args": list(args or []), "kwargs": dict(kwargs or {})}
    message = f"{type(error).__name__}: {error}"[:ERROR_MAX_CHARS]
    return FailedJob.objects.create(
        task_name=task_name,
        task_id=task_id or "",
        arguments=arguments,
        error=message,
        traceback=traceback,
        retries=retries,
    )


def _on_task_failure(sender=None, task_id=None, exception=None, args=None, kwargs=None, einfo=None, **extra):
    try:
        failed_job_record(
            task_name=getattr(sender, "name", str(sender)),
            task_id=task_id,
            args=args,
            kwargs=kwargs,
            error=exception,
            traceback=str(einfo or ""),
            retries=getattr(getattr(sender, "request", None), "retries", 0) or 0,
        )
    except Exception:
        # Recording must never take the worker down; the failure is still in the worker's log.
        logger.exception("Could not record the failure of job %s", task_id)


def failed_job_recording_connect() -> None:
    task_failure.connect(_on_task_failure, dispatch_uid="shop_failed_job_record", weak=False)
