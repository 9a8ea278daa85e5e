"""What a story needs from each of its makers' consents, and which of those consents are missing.

A story needs story consent from every maker it is about; real-name consent when it declares it gives a real
name; photo consent when a picture in it is marked as showing a maker. The messages name the maker (by the
display name the admin knows them by) and the missing consent, for the editor who tries to publish.
"""

from django.utils.translation import gettext as _

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import active_consent_pairs

from .story_blocks import story_pictures


def _needed(*, uses_real_name: bool, body) -> dict[str, str]:
    needed = {ConsentRecord.Scope.STORY: _("the story text")}
    if uses_real_name:
        needed[ConsentRecord.Scope.REAL_NAME] = _("their real name")
    if any(picture["shows_maker"] and picture["image_id"] for picture in story_pictures(body)):
        needed[ConsentRecord.Scope.PHOTO] = _("a face photo")
    return needed


def consent_problems(*, makers, uses_real_name: bool, body) -> list[str]:
    """One message per missing consent; empty when the story may be public."""
    makers = list(makers)
    if not makers:
        return [_("Cannot publish: choose at least one maker this story is about.")]
    needed = _needed(uses_real_name=uses_real_name, body=body)
    active = active_consent_pairs((maker.pk for maker in makers), needed)
    return [
        _("Cannot publish: %(maker)s has no recorded consent for %(what)s.")
        % {"maker": maker.public_display_name, "what": what}
        for maker in makers
        for scope, what in needed.items()
        if (maker.pk, scope) not in active
    ]


def story_consent_problems(page) -> list[str]:
    """`consent_problems` of a saved, previewed or revision copy of a story (its makers may be in memory only)."""
    makers = [link.maker for link in page.story_makers.all() if link.maker_id]
    return consent_problems(makers=makers, uses_real_name=page.uses_real_name, body=page.body)
