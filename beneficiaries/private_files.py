"""Files that must never be public: scanned, signed consent forms and payout receipts.

They live on `storages["private"]` (a private S3 bucket or prefix; `var/private/` locally, outside MEDIA_ROOT,
so no URL reaches them). Staff open one only through `private_views.private_file_link`, which checks who may
see it and hands out a link that works for `PRIVATE_LINK_SECONDS`: on S3 a presigned URL, locally a
Django-signed URL for the same user, served by `private_views.private_file_serve`.

Who may see what:
- a consent scan: admins, and the instructors and centre leads of the maker's centre (not editors, not
  finance: it names a vulnerable person and their guardian);
- a payout receipt: admins and the Finance group.

A scan is accepted only when its content is a whole PDF, JPEG or PNG within `PRIVATE_FILE_MAX_BYTES`; a JPEG
or PNG is re-encoded without metadata exactly as photos are (a phone's GPS tag would say where a maker lives).
"""

import io
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_delete
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from .admin_scoping import FINANCE
from .file_storage import private_storage
from .models import CentreMembership, ConsentRecord
from .photos import strip_metadata

PRIVATE_FILE_MAX_BYTES = 10 * 1024 * 1024
_IMAGE_FORMATS = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png"}
_CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
_LINK_SALT = "beneficiaries.private_files.link"


@dataclass(frozen=True)
class CheckedFile:
    content: bytes
    extension: str


def private_file_check(upload) -> CheckedFile:
    """The upload's bytes, cleaned, if it is a whole PDF, JPEG or PNG within the size limit; else ValidationError."""
    limit = filesizeformat(PRIVATE_FILE_MAX_BYTES)
    if getattr(upload, "size", 0) > PRIVATE_FILE_MAX_BYTES:
        raise ValidationError(
            _("This file is %(size)s; a scan can be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": limit},
            code="file_too_large",
        )
    upload.seek(0)
    data = upload.read(PRIVATE_FILE_MAX_BYTES + 1)
    if len(data) > PRIVATE_FILE_MAX_BYTES:
        raise ValidationError(_("This file is too big; a scan can be at most %(limit)s.") % {"limit": limit})
    if data.startswith(b"%PDF-"):
        # A PDF ends with %%EOF (possibly followed by a newline); a cut-off upload does not.
        if b"%%EOF" not in data[-1024:]:
            raise ValidationError(
                _("This PDF is damaged or incomplete (perhaps it did not finish uploading); please upload it again."),
                code="invalid_pdf",
            )
        return CheckedFile(data, "pdf")
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            if kind not in _IMAGE_FORMATS:
                raise ValidationError(
                    _("Only a PDF, JPEG or PNG scan can be uploaded; this file is %(kind)s.") % {"kind": kind},
                    code="invalid_kind",
                )
            if image.width * image.height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:
                raise ValidationError(_("This scan has too many pixels; please scan it at a lower resolution."))
            image.load()
    except UnidentifiedImageError as error:
        raise ValidationError(
            _("Only a PDF, JPEG or PNG scan can be uploaded; this file is none of these."), code="invalid_kind"
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError, PILImage.DecompressionBombError) as error:
        raise ValidationError(
            _("This picture is damaged or incomplete (perhaps it did not finish uploading); please upload it again."),
            code="invalid_image",
        ) from error
    clean, _fmt, _size = strip_metadata(data)
    return CheckedFile(clean, _IMAGE_FORMATS[kind])


def private_file_name(folder: str, extension: str) -> str:
    """A random name: an upload's own name may carry a maker's or a guardian's name."""
    return f"{folder}/{uuid.uuid4().hex}.{extension}"


def content_type_for(name: str) -> str:
    return _CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


# --- who may see ---


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def can_see_consent_scan(user, consent: ConsentRecord) -> bool:
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    return CentreMembership.objects.filter(user=user, centre_id=consent.maker.centre_id).exists()


def can_see_payout_receipts(user) -> bool:
    return _active(user) and (user.is_superuser or user.groups.filter(name=FINANCE).exists())


# --- short-lived links ---


def _is_s3(storage) -> bool:
    return hasattr(storage, "bucket_name")


def private_file_link(name: str, *, user) -> str:
    """A URL to the private file `name` that works for `PRIVATE_LINK_SECONDS` (call only after checking access)."""
    storage = private_storage()
    if _is_s3(storage):
        return storage.url(name, expire=settings.PRIVATE_LINK_SECONDS)
    token = signing.dumps({"name": name, "user": user.pk}, salt=_LINK_SALT, compress=True)
    return reverse("beneficiaries_private:serve", args=[token])


class LinkExpired(Exception):
    pass


def private_file_name_from_token(token: str, *, user) -> str:
    """The file a local link names, if it was made for `user` and is still fresh. Raises LinkExpired or
    signing.BadSignature."""
    try:
        data = signing.loads(token, salt=_LINK_SALT, max_age=settings.PRIVATE_LINK_SECONDS)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    if not _active(user) or data.get("user") != user.pk:
        raise signing.BadSignature("link made for another user")
    return data["name"]


def _consent_deleted(sender, instance, **kwargs) -> None:
    """A maker's records go when the maker is deleted; their scans must not linger on the storage."""
    if instance.scan:
        name = instance.scan.name
        transaction.on_commit(lambda: private_storage().delete(name), robust=True)


def connect_private_file_cleanup() -> None:
    post_delete.connect(_consent_deleted, sender=ConsentRecord, dispatch_uid="delete_consent_scan")
