# Loaded with Django so that `transaction.on_commit(task.delay)` in any process uses this configured app.
from .celery import app as celery_app

__all__ = ["celery_app"]
