"""Strip every byte of metadata (EXIF with GPS, XMP, IPTC, comments) from uploaded photos.

Makers' photos are taken on instructors' phones; their GPS tags would reveal where a vulnerable person
lives. We re-encode the pixels only, after applying the EXIF orientation so nothing appears rotated.
"""

import io

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from PIL import Image as PILImage
from PIL import ImageOps

_FORMATS_KEPT = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG", "MPO": "JPEG"}


def strip_metadata(data: bytes) -> tuple[bytes, str, tuple[int, int]]:
    """Return (clean bytes, Pillow format, (width, height)) with no metadata left in the file."""
    with PILImage.open(io.BytesIO(data)) as source:
        fmt = _FORMATS_KEPT.get(source.format or "", "JPEG")
        upright = ImageOps.exif_transpose(source)
        if upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert("RGBA")
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        # A new image built from raw pixels carries no `info`, so no EXIF/XMP/ICC/comment can leak through.
        pixels = PILImage.frombytes(upright.mode, upright.size, upright.tobytes())
        out = io.BytesIO()
        save_kwargs = {"quality": 90, "optimize": True} if fmt == "JPEG" else {}
        pixels.save(out, format=fmt, **save_kwargs)
        return out.getvalue(), fmt, pixels.size


def _strip_on_save(sender, instance, **kwargs) -> None:
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return  # already stored (and so already stripped): nothing new to clean
    field_file.seek(0)
    clean, _fmt, (width, height) = strip_metadata(field_file.read())
    name = field_file.name
    instance.file = ContentFile(clean, name=name.rsplit("/", 1)[-1])
    instance.width, instance.height = width, height
    if hasattr(instance, "file_size"):
        instance.file_size = len(clean)
    if hasattr(instance, "_set_file_hash"):
        instance._set_file_hash()


def connect_metadata_stripping() -> None:
    from wagtail.images import get_image_model

    pre_save.connect(_strip_on_save, sender=get_image_model(), dispatch_uid="strip_photo_metadata")
