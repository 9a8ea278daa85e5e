"""Every uploaded photo loses its metadata (GPS first of all) before it is stored, on disk or on S3."""

import io

from django.core.files.images import ImageFile
from django.http import HttpRequest
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.conftest import S3_TEST_BUCKET

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def phone_photo(size=(120, 80)) -> bytes:
    """A JPEG like a phone takes: camera make, GPS position, and 'rotate 90°' orientation."""
    image = PILImage.new("RGB", size, (200, 120, 60))
    exif = image.getexif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = 6
    exif[GPS_IFD] = {1: "N", 2: (40.0, 22.0, 30.0), 3: "E", 4: (49.0, 52.0, 10.0)}
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"taken at home")
    return buffer.getvalue()


def assert_clean(data: bytes) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(data))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info and "comment" not in image.info and "xmp" not in image.info
    assert b"PhoneMaker" not in data and b"taken at home" not in data
    return image


def test_the_phone_photo_really_carries_gps():
    image = PILImage.open(io.BytesIO(phone_photo()))
    assert image.getexif().get_ifd(GPS_IFD)  # guards the tests below against a fixture without metadata


def test_photo_saved_to_local_media_has_no_metadata_and_stays_upright(db):
    photo = get_image_model().objects.create(title="Bowl", file=ImageFile(io.BytesIO(phone_photo()), name="bowl.jpg"))
    with photo.file.open("rb") as stored:
        image = assert_clean(stored.read())
    # Orientation 6 means the camera was turned: the stored pixels are rotated so nothing looks sideways.
    assert image.size == (80, 120)
    assert (photo.width, photo.height) == (80, 120)


def test_photo_uploaded_to_s3_has_no_metadata(db, s3_storage):
    photo = get_image_model().objects.create(title="Rug", file=ImageFile(io.BytesIO(phone_photo()), name="rug.jpg"))
    body = s3_storage.get_object(Bucket=S3_TEST_BUCKET, Key=photo.file.name)["Body"].read()
    assert_clean(body)
    assert photo.file_size == len(body)


def test_photo_uploaded_through_the_admin_has_no_metadata(db, client, user_factory):
    user_factory(username="editor-upload", is_superuser=True, is_staff=True)
    client.login(request=HttpRequest(), username="editor-upload", password="pass-word-123")
    response = client.post(
        "/admin/images/add/",
        {"title": "Vase", "file": ImageFile(io.BytesIO(phone_photo()), name="vase.jpg"), "tags": ""},
    )
    assert response.status_code == 302, response.content[:500]
    photo = get_image_model().objects.get(title="Vase")
    with photo.file.open("rb") as stored:
        assert_clean(stored.read())
