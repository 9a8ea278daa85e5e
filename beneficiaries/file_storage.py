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


def public_media_bucket_policy(bucket: str) -> dict:
    """The S3 bucket policy public media needs (README "Deploying"): anyone may read photo originals (their
    metadata stripped at upload) and renditions; nothing else, so the private prefix stays private."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicPhotos",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [f"arn:aws:s3:::{bucket}/original_images/*", f"arn:aws:s3:::{bucket}/images/*"],
            }
        ],
    }
