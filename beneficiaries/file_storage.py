"""What the apps need to know about where files live: the private storage, and which errors mean "storage
unreachable" (S3 down, a wrong endpoint, a full disk) so an upload answers with a form error, never a 500."""

from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import storages
from django.utils.translation import gettext_lazy as _

# BotoCoreError covers "could not connect" and timeouts; ClientError an S3 refusal (missing bucket, denied).
STORAGE_ERRORS = (BotoCoreError, ClientError, OSError)

STORAGE_UNREACHABLE_MESSAGE = _(
    "The file could not be stored because the file storage is not reachable just now. Nothing was saved; "
    "please try again in a few minutes."
)


def private_storage():
    """`storages["private"]`: a callable, so a model's FileField follows the settings (and tests' overrides)."""
    return storages["private"]
