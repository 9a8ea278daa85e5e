"""Erase a maker's published story when their story consent is withdrawn (not just hide it)."""

from beneficiaries.models import ConsentRecord


def erase_stories_on_withdrawal(sender, *, maker, scope, **kwargs) -> None:
    if scope != ConsentRecord.Scope.STORY:
        return
    from .models import MakerStoryPage

    # Deleting the pages also deletes their revisions, so no copy of the story stays in the database.
    for page in MakerStoryPage.objects.filter(maker=maker):
        page.delete()
