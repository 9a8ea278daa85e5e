"""The Celery app: `celery -A config worker -B` runs the background jobs (e-mails, statements, reconciliation).

Settings come from Django's settings with the `CELERY_` prefix (see `config/settings/base.py`); tasks live in
each domain's own `tasks` module and take ids, never model instances, so a job reads the rows as they are
when it runs.
"""

import os
from pathlib import Path

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
# The apps keep their tasks beside the services they call, one level down in their domains.
app.autodiscover_tasks(["shop.orders", "beneficiaries.ledger"])


@app.on_after_configure.connect
def _filesystem_broker_folders(sender, **kwargs) -> None:
    """kombu's filesystem transport expects its folders to exist, on the sending side as much as the worker's."""
    if not str(sender.conf.broker_url).startswith("filesystem://"):
        return
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "control_folder", "processed_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)
