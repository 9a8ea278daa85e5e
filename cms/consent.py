"""Erase what a story published about a maker when the consent it relied on is withdrawn (not just hide it).

Runs inside the withdrawal's transaction (`beneficiaries.services.consent_withdraw` sends `consent_withdrawn`):
- story or real-name consent: every story about the maker (in every language, draft-only links included)
  is deleted with its revisions, workflow states and comments (Wagtail's generic relations cascade), its search
  index entries (Wagtail's delete signal) and its references; the audit log keeps that an id was erased and
  nothing of the text, since its labels repeat the title.
  Pictures in it marked "shows a maker" go with it, unless a product or a maker's portrait still uses them (their
  own consent rules apply there).
- photo consent: every picture marked "shows a maker" in any version of the maker's stories is deleted; Wagtail
  then deletes its renditions and, once the transaction commits, the files on the storage in use (local media or
  S3). The story stays, and its picture blocks render as nothing.
"""

import json
import logging

from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import maker_photo_ids
from shop.catalogue.selectors import product_image_ids

logger = logging.getLogger(__name__)


def _linked_in_content(content: dict, maker_id: int) -> bool:
    return any(link.get("maker") == maker_id for link in content.get("story_makers") or [])


def _stories_about(maker_id: int):
    """Every story page (all languages) linked to the maker in its current row or in any revision."""
    from .models import MakerStoryPage

    ids = set(MakerStoryPage.objects.filter(story_makers__maker_id=maker_id).values_list("pk", flat=True))
    for revision in Revision.page_revisions.filter(
        content_type__app_label="cms", content_type__model="makerstorypage"
    ).only("object_id", "content"):
        if _linked_in_content(revision.content, maker_id):
            ids.add(int(revision.object_id))
    keys = MakerStoryPage.objects.filter(pk__in=ids).values("translation_key")
    return MakerStoryPage.objects.filter(Q(pk__in=ids) | Q(translation_key__in=keys))


def _story_erase(page) -> None:
    page_id = page.pk
    page.delete()
    PageLogEntry.objects.filter(page_id=page_id).update(label=f"erased story #{page_id}", data={})


def _picture_ids_showing_makers(stream_data) -> set[int]:
    if isinstance(stream_data, str):  # revisions keep a StreamField as its JSON text
        stream_data = json.loads(stream_data or "[]")
    ids = set()
    for block in stream_data or []:
        if block.get("type") == "image":
            items = [block.get("value") or {}]
        elif block.get("type") == "gallery":
            items = [item.get("value", item) for item in (block.get("value") or {}).get("images") or []]
        else:
            continue
        ids.update(item["image"] for item in items if item.get("shows_maker") and item.get("image"))
    return ids


def _pictures_of_makers(stories) -> set[int]:
    ids = set()
    for story in stories:
        ids |= _picture_ids_showing_makers(story.body.get_prep_value())
        for revision in story.revisions.only("content"):
            ids |= _picture_ids_showing_makers(revision.content.get("body"))
    return ids


def _images_erase(ids) -> int:
    # One by one, so Wagtail's delete signals remove each rendition and, after commit, each file.
    images = list(get_image_model().objects.filter(pk__in=ids))
    for image in images:
        image.delete()
    return len(images)


def erase_stories_on_withdrawal(sender, *, maker, scope, **kwargs) -> None:
    from .models import MakerStoryPage

    stories = list(_stories_about(maker.pk))
    if scope == ConsentRecord.Scope.STORY:
        erased = stories
    elif scope == ConsentRecord.Scope.REAL_NAME:
        erased = [story for story in stories if story.uses_real_name]
    elif scope == ConsentRecord.Scope.PHOTO:
        count = _images_erase(_pictures_of_makers(stories))
        logger.info("maker %s: photo consent withdrawn, %s story pictures erased", maker.pk, count)
        return
    else:
        return
    pictures = _pictures_of_makers(erased)
    pictures -= product_image_ids(pictures) | maker_photo_ids(pictures)
    for story in erased:
        _story_erase(story)
    still_shown = _pictures_of_makers(MakerStoryPage.objects.all())
    count = _images_erase(pictures - still_shown)
    logger.info("maker %s: %s withdrawn, %s stories, %s pictures erased", maker.pk, scope, len(erased), count)
