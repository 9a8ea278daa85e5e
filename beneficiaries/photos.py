"""Uploaded photos: checked before they are accepted, then stored with every byte of metadata stripped.

Makers' photos are taken on instructors' phones; their GPS tags would reveal where a vulnerable person
lives. We re-encode the pixels only, after applying the EXIF orientation so nothing appears rotated, under a
random file name (an upload's own name can carry a person's name).

`photo_check` refuses, with a message naming the limit, anything that is not a whole JPEG, PNG or WebP
within the size and pixel limits: the header is read first and the pixels are decoded only when the header
promises a picture within the limit, so a decompression bomb never reaches memory.
"""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}
_FORMATS_KEPT = {**ACCEPTED_FORMATS, "GIF": "PNG"}
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_SIXTEEN_BIT = {"I", "I;16", "I;16L", "I;16B", "I;16N"}
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, PILImage.DecompressionBombError)


def max_upload_bytes() -> int:
    return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE


def max_pixels() -> int:
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def _read(upload) -> bytes:
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read()
    if hasattr(upload, "seek"):
        upload.seek(0)
    return data


def photo_check(upload) -> None:
    """Raise ValidationError unless `upload` (a file-like object) is a whole JPEG, PNG or WebP within limits."""
    size = getattr(upload, "size", None)
    if size is not None and size > max_upload_bytes():
        raise ValidationError(
            _("This photo is %(size)s; a photo can be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_upload_bytes())},
            code="file_too_large",
        )
    data = _read(upload)
    if len(data) > max_upload_bytes():
        raise ValidationError(
            _("This photo is too big; a photo can be at most %(limit)s.")
            % {"limit": filesizeformat(max_upload_bytes())},
            code="file_too_large",
        )
    megapixels = max_pixels() // 1_000_000
    try:
        with PILImage.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            if kind not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("Only JPEG, PNG and WebP photos can be uploaded; this file is %(kind)s.")
                    % {"kind": kind or _("of an unknown kind")},
                    code="invalid_image_known_format",
                )
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            if width * height * frames > max_pixels():
                raise ValidationError(
                    _("This photo is %(width)s × %(height)s pixels; a photo can have at most %(limit)s megapixels.")
                    % {"width": width, "height": height, "limit": megapixels},
                    code="file_too_many_pixels",
                )
            image.load()  # every byte decoded: a truncated file or a header that lies fails here
    except PILImage.DecompressionBombError as error:
        raise ValidationError(
            _("This photo has more pixels than its size allows; a photo can have at most %(limit)s megapixels.")
            % {"limit": megapixels},
            code="file_too_many_pixels",
        ) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            _("Only JPEG, PNG and WebP photos can be uploaded; this file is not a picture."), code="invalid_image"
        ) from error
    except _DECODE_ERRORS as error:
        raise ValidationError(
            _("This photo is damaged or incomplete (perhaps it did not finish uploading); please upload it again."),
            code="invalid_image",
        ) from error


def _to_srgb(image: PILImage.Image, icc: bytes | None) -> PILImage.Image:
    """Colours as the camera meant them once the ICC profile is gone: convert to sRGB while we still have it."""
    if not icc or image.mode not in ("RGB", "RGBA", "CMYK"):
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        target = ImageCms.createProfile("sRGB")
        return ImageCms.profileToProfile(image, source, target, outputMode="RGBA" if image.mode == "RGBA" else "RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


def _displayable(image: PILImage.Image, icc: bytes | None) -> PILImage.Image:
    """Pixels in a mode every browser shows the same way, looking as the original did."""
    if image.mode in _SIXTEEN_BIT:
        # 16-bit grey: keep the top 8 bits. A plain convert clips every value above 255 to white.
        wide = image if image.mode == "I" else image.convert("I")
        return wide.point(lambda value: value * (1 / 256)).convert("L")
    image = _to_srgb(image, icc)
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if image.mode in ("P", "PA", "1") and (image.mode == "PA" or "transparency" in image.info):
        return image.convert("RGBA")
    return image.convert("RGB")


def strip_metadata(data: bytes) -> tuple[bytes, str, tuple[int, int]]:
    """Return (clean bytes, Pillow format, (width, height)) with no metadata left in the file."""
    with PILImage.open(io.BytesIO(data)) as source:
        fmt = _FORMATS_KEPT.get(source.format or "", "JPEG")
        icc = source.info.get("icc_profile")
        upright = _displayable(ImageOps.exif_transpose(source), icc)
        if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        # A new image built from raw pixels carries no `info`, so no EXIF/XMP/ICC/comment can leak through.
        pixels = PILImage.frombytes(upright.mode, upright.size, upright.tobytes())
        out = io.BytesIO()
        save_kwargs = {"quality": 90, "optimize": True} if fmt in ("JPEG", "WEBP") else {}
        pixels.save(out, format=fmt, **save_kwargs)
        return out.getvalue(), fmt, pixels.size


def _strip_on_save(sender, instance, **kwargs) -> None:
    photo_strip_in_place(instance)


def photo_strip_in_place(instance) -> None:
    """Replace a not-yet-stored image file on `instance` by its metadata-free copy under a random name."""
    field_file = instance.file
    if not field_file or getattr(field_file, "_committed", True):
        return  # already stored (and so already stripped): nothing new to clean
    field_file.seek(0)
    clean, fmt, (width, height) = strip_metadata(field_file.read())
    # A random name: the uploaded file's own name may carry a maker's name.
    instance.file = ContentFile(clean, name=f"{uuid.uuid4().hex}.{_EXTENSIONS.get(fmt, 'jpg')}")
    instance.width, instance.height = width, height
    if hasattr(instance, "file_size"):
        instance.file_size = len(clean)
    if hasattr(instance, "_set_file_hash"):
        instance._set_file_hash()


def connect_metadata_stripping() -> None:
    from wagtail.images import get_image_model

    pre_save.connect(_strip_on_save, sender=get_image_model(), dispatch_uid="strip_photo_metadata")
