"""A maker story is public only within its makers' consent; publishing beyond it is refused with a message
naming the maker and the missing consent, in the editor, the workflow and scheduled publishing alike."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import PageLogEntry

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_record
from cms.models import MakerStoryPage
from cms.story_consent import story_consent_problems
from tests.cms.stories import story_body, story_build, story_publish

NAME, STORY, PHOTO, REAL_NAME = (
    ConsentRecord.Scope.NAME,
    ConsentRecord.Scope.STORY,
    ConsentRecord.Scope.PHOTO,
    ConsentRecord.Scope.REAL_NAME,
)


@pytest.fixture(autouse=True)
def english():
    """Refusals are worded in the language active where publishing happens; these tests read them in English
    (a request to an /az/ page still answers in Azerbaijani)."""
    with translation.override("en"):
        yield


def test_story_is_served_only_while_story_consent_is_active(client, maker_factory):
    with_consent = story_publish([maker_factory(consents=[NAME, STORY])], title="With consent")
    without_consent = story_publish([maker_factory(consents=[NAME])], title="Without consent")

    assert client.get(with_consent.url).status_code == 200
    without_consent.refresh_from_db()
    assert not without_consent.live  # refused at publish time
    home = client.get("/az/").content.decode()
    assert with_consent.url in home
    assert "Without consent" not in home


def test_a_group_story_is_served_only_while_every_maker_consents(client, maker_factory):
    aysel = maker_factory(public_display_name="Aysel", consents=[NAME, STORY])
    nigar = maker_factory(public_display_name="Nigar", consents=[STORY])  # no name consent: not named
    story = story_publish([aysel, nigar], title="Our workshop")

    page = client.get(story.url).content.decode()
    assert ">Aysel</a>" in page
    assert "Nigar" not in page
    assert "adının çəkilməməsini istəyən usta" in page  # "a maker who prefers not to be named"

    ConsentRecord.objects.filter(maker=nigar, scope=STORY).update(withdrawn_at=timezone.now())
    assert client.get(story.url).status_code == 404
    assert "Our workshop" not in client.get("/az/stories/").content.decode()


def test_publishing_names_the_maker_and_each_missing_consent(maker_factory, image_factory):
    aynur = maker_factory(public_display_name="Aynur", consents=[NAME, STORY])
    body = story_body(image=image_factory(), image_alt="Aynur at the loom", shows_maker=True)
    story = story_build([aynur], title="Aynur's loom", body=body, uses_real_name=True)

    assert story_consent_problems(story) == [
        "Cannot publish: Aynur has no recorded consent for their real name.",
        "Cannot publish: Aynur has no recorded consent for a face photo.",
    ]
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    refusal = PageLogEntry.objects.get(page=story, action="cms.story_publish_refused")
    assert "Aynur has no recorded consent for a face photo" in " ".join(refusal.data["problems"])

    consent_record(maker=aynur, scope=PHOTO)
    consent_record(maker=aynur, scope=REAL_NAME)
    story.get_latest_revision().publish()
    story.refresh_from_db()
    assert story.live


def test_a_picture_of_work_only_needs_no_photo_consent(maker_factory, image_factory):
    maker = maker_factory(consents=[NAME, STORY])
    body = story_body(image=image_factory(), image_alt="A blue bowl", shows_maker=False)
    assert story_publish([maker], title="Blue bowl", body=body).live


def test_scheduled_story_does_not_go_live_after_consent_was_withdrawn(client, maker_factory):
    from beneficiaries.services import consent_withdraw

    maker = maker_factory(public_display_name="Leyla", consents=[NAME, STORY, PHOTO])
    story = story_build([maker], title="Leyla's story")
    story.go_live_at = timezone.now() + timedelta(hours=1)
    revision = story.save_revision()
    revision.publish()  # scheduled, not live yet
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None

    # Withdrawing a photo consent keeps the story (it has no picture of the maker); the name consent too.
    consent_withdraw(maker=maker, scope=NAME)
    ConsentRecord.objects.filter(maker=maker, scope=STORY).update(withdrawn_at=timezone.now())
    MakerStoryPage.objects.filter(pk=story.pk).update(go_live_at=timezone.now() - timedelta(minutes=1))
    revision.__class__.objects.filter(pk=revision.pk).update(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")

    story.refresh_from_db()
    assert not story.live
    assert not story.revisions.filter(approved_go_live_at__isnull=False).exists()  # not retried every minute
    refusal = PageLogEntry.objects.get(page=story, action="cms.story_publish_refused")
    assert refusal.data["problems"] == ["Cannot publish: Leyla has no recorded consent for the story text."]
    assert client.get("/az/stories/leylas-story/").status_code == 404
