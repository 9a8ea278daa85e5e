"""Reads about Wagtail pages that templates and other cms code use."""

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import maker_has_consent

from .models import MakerStoryPage


def maker_story(maker, *, language: str) -> MakerStoryPage | None:
    """The maker's live story in `language` (else in any language), only while their story consent lasts."""
    consented = getattr(maker, "story_consent", None)
    if consented is None:
        consented = maker_has_consent(maker, ConsentRecord.Scope.STORY)
    if not consented:
        return None
    live = MakerStoryPage.objects.live().public().filter(maker=maker).order_by("-first_published_at")
    return live.filter(locale__language_code=language).first() or live.first()
