"""Existing stories keep everything: the single maker becomes the story's first linked maker, the photo and its
alt text the first image block, the rich text a text block. Every revision is rewritten the same way, so
reverting to an old version or comparing versions keeps working. Reversible: the first linked maker, the first
image and the text blocks go back into the old fields."""

import json
import uuid

from django.db import migrations


def _blocks(*, body: str, image_id, image_alt: str) -> list[dict]:
    blocks = []
    if image_id:
        # An old story picture was a product photo or a portrait chosen for this maker: it shows them, so it keeps
        # needing their photo consent.
        value = {"image": image_id, "alt": image_alt or "", "caption": "", "shows_maker": True}
        blocks.append({"type": "image", "value": value, "id": str(uuid.uuid4())})
    if body:
        blocks.append({"type": "paragraph", "value": body, "id": str(uuid.uuid4())})
    return blocks


def _revisions(apps, page):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="cms", model="makerstorypage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type, object_id=str(page.pk))


def forwards(apps, schema_editor):
    MakerStoryPage = apps.get_model("cms", "MakerStoryPage")
    MakerStoryMaker = apps.get_model("cms", "MakerStoryMaker")
    for page in MakerStoryPage.objects.all():
        if page.maker_id and not MakerStoryMaker.objects.filter(page=page).exists():
            MakerStoryMaker.objects.create(page=page, maker_id=page.maker_id, sort_order=0)
        page.story_blocks = _blocks(body=page.body, image_id=page.image_id, image_alt=page.image_alt)
        page.save(update_fields=["story_blocks"])
        for revision in _revisions(apps, page):
            content = revision.content
            if "story_makers" in content:
                continue
            maker_id = content.pop("maker", None)
            content["story_makers"] = (
                [{"pk": None, "page": page.pk, "sort_order": 0, "maker": maker_id}] if maker_id else []
            )
            content["uses_real_name"] = False
            content["body"] = json.dumps(
                _blocks(
                    body=content.get("body") or "",
                    image_id=content.pop("image", None),
                    image_alt=content.pop("image_alt", ""),
                )
            )
            revision.content = content
            revision.save(update_fields=["content"])


def _old_fields(stream) -> tuple[str, object, str]:
    body, image_id, image_alt = [], None, ""
    for block in stream or []:
        if block["type"] in ("paragraph",):
            body.append(block["value"])
        elif block["type"] == "heading":
            body.append(f"<h2>{block['value']}</h2>")
        elif block["type"] == "image" and image_id is None:
            image_id, image_alt = block["value"].get("image"), block["value"].get("alt", "")
    return "".join(body), image_id, image_alt


def backwards(apps, schema_editor):
    MakerStoryPage = apps.get_model("cms", "MakerStoryPage")
    MakerStoryMaker = apps.get_model("cms", "MakerStoryMaker")
    for page in MakerStoryPage.objects.all():
        first = MakerStoryMaker.objects.filter(page=page).order_by("sort_order", "pk").first()
        page.maker_id = first.maker_id if first else None
        raw = page.story_blocks.raw_data if hasattr(page.story_blocks, "raw_data") else page.story_blocks
        page.body, page.image_id, page.image_alt = _old_fields(list(raw or []))
        page.save(update_fields=["maker", "body", "image", "image_alt"])
        for revision in _revisions(apps, page):
            content = revision.content
            links = content.pop("story_makers", None) or []
            content.pop("uses_real_name", None)
            content["maker"] = links[0]["maker"] if links else None
            stream = content.get("body")
            stream = json.loads(stream) if isinstance(stream, str) and stream.startswith("[") else []
            content["body"], content["image"], content["image_alt"] = _old_fields(stream)
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_story_makers_and_blocks"), ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]

    operations = [migrations.RunPython(forwards, backwards)]
