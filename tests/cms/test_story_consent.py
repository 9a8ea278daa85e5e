"""A maker's story is public only with story consent; withdrawal erases the story, revisions included."""

from django.urls import reverse
from wagtail.models import Revision

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_withdraw
from cms.models import MakerStoryIndexPage, MakerStoryPage


def publish_story(maker, slug="aysels-story") -> MakerStoryPage:
    index = MakerStoryIndexPage.objects.get(locale__language_code="az")
    story = MakerStoryPage(
        title="Aysel and the wheel", slug=slug, maker=maker, summary="Clay every morning.", body="<p>Her story.</p>"
    )
    index.add_child(instance=story)
    story.save_revision().publish()
    return story


def test_story_is_served_only_while_story_consent_is_active(client, maker_factory):
    with_consent = publish_story(maker_factory(consents=["name", "story"]), slug="with-consent")
    without_consent = publish_story(maker_factory(consents=["name"]), slug="without-consent")

    assert client.get(with_consent.url).status_code == 200
    assert client.get(without_consent.url).status_code == 404
    home = client.get("/az/")
    assert with_consent.url.encode() in home.content  # the consented story is on the home page
    assert without_consent.url.encode() not in home.content


def test_withdrawing_story_consent_erases_the_story_and_its_revisions(client, maker_factory):
    maker = maker_factory(consents=["name", "story"])
    story = publish_story(maker)
    url = story.url

    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.STORY)

    assert not MakerStoryPage.objects.filter(maker=maker).exists()
    assert not Revision.page_revisions.filter(object_id=str(story.pk)).exists()
    assert client.get(url).status_code == 404
    assert client.get(reverse("shop:catalogue")).status_code == 200
