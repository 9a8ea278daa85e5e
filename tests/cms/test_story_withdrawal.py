"""Withdrawing consent erases a story everywhere it was copied: the page in every language, its revisions, the
search index, its pictures' renditions and files (local media and S3). Afterwards a full `dumpdata`, the media
folder and the search index hold neither the real name, the story text nor the photo's bytes; the consent
ledger keeps the maker's internal id only."""

import io
import os

from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Revision
from wagtail.search.models import IndexEntry

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_withdraw
from cms.models import MakerStoryPage
from tests.cms.stories import story_body, story_publish

REAL_NAME_TEXT = "Aynur Qasımzadə"
STORY_TEXT = "Hər səhər dəzgahın arxasına oturur"


def _story_with_real_name_and_photo(maker_factory, image_factory, language="az"):
    maker = maker_factory(
        public_display_name="Ay",
        consents=[
            ConsentRecord.Scope.NAME,
            ConsentRecord.Scope.STORY,
            ConsentRecord.Scope.PHOTO,
            ConsentRecord.Scope.REAL_NAME,
        ],
    )
    photo = image_factory(title="Portrait at the loom")
    body = story_body(
        text=f"<p>{REAL_NAME_TEXT}. {STORY_TEXT}.</p>", image=photo, image_alt="Ay at the loom", shows_maker=True
    )
    story = story_publish([maker], title="At the loom", body=body, uses_real_name=True, language=language)
    return maker, story, photo


def _media_files(root) -> dict[str, bytes]:
    found = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                found[path] = handle.read()
    return found


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def _index_text() -> str:
    # SQLite keeps the text, PostgreSQL lower-cased lexemes ('qasımzadə':10): compare single lower-case words.
    return " ".join(f"{entry.title} {entry.body}" for entry in IndexEntry.objects.all()).lower()


INDEXED_WORDS = ("qasımzadə", "dəzgahın", "loom")


def test_withdrawal_leaves_the_real_name_story_and_photo_nowhere(
    client, settings, maker_factory, image_factory, django_capture_on_commit_callbacks
):
    maker, story, photo = _story_with_real_name_and_photo(maker_factory, image_factory)
    # A translation and a newer draft: both are copies of the text.
    translation = story.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.save_revision().publish()
    story.summary = f"{REAL_NAME_TEXT} weaves"
    story.save_revision()
    rendition = photo.get_rendition("width-800|format-webp")
    with open(os.path.join(settings.MEDIA_ROOT, rendition.file.name), "rb") as handle:
        rendition_bytes = handle.read()
    with open(os.path.join(settings.MEDIA_ROOT, photo.file.name), "rb") as handle:
        photo_bytes = handle.read()
    url = story.url
    # Before: every place this test looks does hold the story, so the checks below can fail.
    assert client.get(url).status_code == 200
    assert REAL_NAME_TEXT in _dump()
    assert all(word in _index_text() for word in INDEXED_WORDS)
    assert photo_bytes in _media_files(settings.MEDIA_ROOT).values()

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(maker=maker, scope=ConsentRecord.Scope.STORY)

    assert client.get(url).status_code == 404
    assert not MakerStoryPage.objects.exists()  # the translation went too
    assert not Revision.page_revisions.filter(object_id__in=[str(story.pk), str(translation.pk)]).exists()
    dump = _dump()
    for secret in (REAL_NAME_TEXT, STORY_TEXT, "At the loom", "Ay at the loom"):
        assert secret not in dump
    assert not [word for word in INDEXED_WORDS if word in _index_text()]
    files = _media_files(settings.MEDIA_ROOT).values()
    assert photo_bytes not in files and rendition_bytes not in files
    assert not get_image_model().objects.filter(pk=photo.pk).exists()
    # The consent ledger keeps that consents were given and withdrawn, by internal id only.
    ledger = ConsentRecord.objects.filter(maker_id=maker.pk)
    assert ledger.count() == 4
    assert ledger.get(scope=ConsentRecord.Scope.STORY).withdrawn_at is not None
    assert '"model": "beneficiaries.consentrecord"' in dump


def test_withdrawing_photo_consent_deletes_the_story_pictures_and_renditions_on_s3(
    client, s3_storage, maker_factory, image_factory, django_capture_on_commit_callbacks
):
    from tests.conftest import S3_TEST_BUCKET

    maker, story, photo = _story_with_real_name_and_photo(maker_factory, image_factory)
    photo.get_rendition("width-800|format-webp")
    keys = {obj["Key"] for obj in s3_storage.list_objects_v2(Bucket=S3_TEST_BUCKET).get("Contents", [])}
    assert any(key.startswith("original_images/") for key in keys)
    assert any(key.startswith("images/") for key in keys)

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(maker=maker, scope=ConsentRecord.Scope.PHOTO)

    left = {obj["Key"] for obj in s3_storage.list_objects_v2(Bucket=S3_TEST_BUCKET).get("Contents", [])}
    assert not left & keys  # the original and every rendition are gone from the bucket
    page = client.get(story.url)
    assert page.status_code == 200  # the story stays, without the picture
    assert "<figure" not in page.content.decode()


def test_withdrawing_real_name_consent_erases_only_stories_that_give_it(client, maker_factory, image_factory):
    maker, story, _photo = _story_with_real_name_and_photo(maker_factory, image_factory)
    other = story_publish([maker], title="Without the real name")

    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.REAL_NAME)

    assert not MakerStoryPage.objects.filter(pk=story.pk).exists()
    assert client.get(other.url).status_code == 200


def test_a_product_photo_in_an_erased_story_stays_on_the_product(client, maker_factory, product_factory):
    maker = maker_factory(consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.STORY, ConsentRecord.Scope.PHOTO])
    product = product_factory(makers=[(maker, 100)], centre=maker.centre, photos=1)
    image = product.photos.get().image
    story_publish([maker], title="Bowls", body=story_body(image=image, image_alt="A bowl", shows_maker=True))

    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.STORY)

    assert get_image_model().objects.filter(pk=image.pk).exists()
