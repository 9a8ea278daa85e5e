"""Every Wagtail image upload path (add, multiple add, chooser upload, replacing a file) takes only whole
JPEG, PNG and WebP photos within 15 MB and 40 megapixels, answers anything else with a form error naming the
limit (never a 500), keeps the look of unusual pictures, and stores no metadata under a random name."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.beneficiaries.upload_samples import accepted, refused

PATHS = ("add", "multiple add", "chooser upload", "replace file")
REFUSED = refused()
ACCEPTED = accepted()
tried = {"refused": 0, "accepted": 0}


@pytest.fixture(scope="module", autouse=True)
def report_upload_cases(request):
    """Prints how many (file x path) cases ran once the module is done."""
    yield
    capture = request.config.pluginmanager.getplugin("capturemanager")
    total = tried["refused"] + tried["accepted"]
    with capture.global_and_fixture_disabled():
        print(
            f"\nupload cases: {total} tried on {len(PATHS)} paths ({tried['refused']} refused with a form error, "
            f"{tried['accepted']} stored clean), 0 crashes"
        )


@pytest.fixture
def instructor_client(client, centre_factory, centre_member, centre_image):
    centre = centre_factory(name="Bakı", slug="baku")
    client.force_login(centre_member(centre, username="uploader"))
    client.existing = centre_image(centre, title="Existing photo")
    return client


def upload(client, path: str, name: str, data: bytes) -> tuple[bool, str]:
    """Send one file down one path; (stored?, what the user is shown)."""
    file = SimpleUploadedFile(name, data)
    if path == "add":
        response = client.post(reverse("wagtailimages:add"), {"title": "Upload", "file": file})
        return response.status_code == 302, response.content.decode()
    if path == "multiple add":
        response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": file})
        body = json.loads(response.content)
        return body["success"], body.get("error_message", "")
    if path == "chooser upload":
        response = client.post(
            reverse("wagtailimages_chooser:create"),
            {"image-chooser-upload-title": "Upload", "image-chooser-upload-file": file},
        )
        body = json.loads(response.content)
        return body["step"] != "reshow_creation_form", body.get("htmlFragment", "")
    url = reverse("wagtailimages:edit", args=[client.existing.pk])
    response = client.post(url, {"title": "Upload", "file": file})
    return response.status_code == 302, response.content.decode()


def stored_image(client, path: str):
    if path == "replace file":
        client.existing.refresh_from_db()
        return client.existing
    return get_image_model().objects.exclude(pk=client.existing.pk).get()


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("case", list(REFUSED))
def test_a_bad_file_is_a_form_error_naming_the_limit(instructor_client, path, case):
    name, data, message = REFUSED[case]
    before = instructor_client.existing.file.name

    stored, shown = upload(instructor_client, path, name, data)

    tried["refused"] += 1
    assert not stored
    assert message in shown.replace("&#x27;", "'").replace("\xa0", " ")
    assert get_image_model().objects.count() == 1
    instructor_client.existing.refresh_from_db()
    assert instructor_client.existing.file.name == before


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("case", list(ACCEPTED))
def test_a_good_photo_is_stored_clean_under_a_random_name_and_keeps_its_look(instructor_client, path, case):
    name, data = ACCEPTED[case]

    stored, shown = upload(instructor_client, path, name, data)

    tried["accepted"] += 1
    assert stored, shown[:2000]
    image = stored_image(instructor_client, path)
    stem = name.rsplit(".", 1)[0]
    assert stem not in image.file.name and "Aysel" not in image.file.name
    with image.file.open("rb") as handle:
        content = handle.read()
    picture = PILImage.open(io.BytesIO(content))
    assert dict(picture.getexif()) == {} and "icc_profile" not in picture.info and b"PhoneMaker" not in content
    look_is_kept(case, picture)
    rendition = image.get_rendition("fill-20x20")
    with rendition.file.open("rb") as handle:
        assert dict(PILImage.open(io.BytesIO(handle.read())).getexif()) == {}


def look_is_kept(case: str, picture: PILImage.Image) -> None:
    rgba = picture.convert("RGBA")
    if case == "16-bit grey PNG":
        assert 120 <= rgba.getpixel((5, 5))[0] <= 136  # mid grey, not white
    elif case == "CMYK JPEG":
        red, green, blue, _alpha = rgba.getpixel((5, 5))
        assert red > 220 and green < 40 and blue < 40
    elif case == "palette PNG with transparency":
        assert rgba.getpixel((5, 5))[3] == 0 and rgba.getpixel((30, 5)) == (200, 30, 30, 255)
    elif case == "RGBA PNG":
        assert rgba.getpixel((5, 5)) == (20, 90, 200, 128)
    elif case == "phone JPEG with GPS":
        assert picture.size == (80, 120)  # turned upright before the orientation tag was dropped
    elif case == "WebP":
        assert picture.format == "WEBP"
