"""A background job that failed after its retries: what staff need to see it and act on it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedJob(models.Model):
    task_name = models.CharField(_("job"), max_length=200)
    task_id = models.CharField(_("job id"), max_length=100)
    arguments = models.JSONField(_("arguments"), default=dict)
    error = models.TextField(_("error"))
    traceback = models.TextField(_("traceback"), blank=True)
    retries = models.PositiveIntegerField(_("retries"), default=0)
    failed_at = models.DateTimeField(_("failed at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-failed_at", "-id"]
        verbose_name = _("failed job")
        verbose_name_plural = _("failed jobs")

    def __str__(self) -> str:
        return f"{self.task_name} [{self.task_id}]"
