"""Every rendition a public page shows, made when a photo is stored, never while a buyer waits for a page.

Making a rendition means downloading the original (from S3 in production), resizing and encoding it: seconds
for a large photo. Doing that in a public request would make the first visitor after an upload wait, and
several gunicorn processes would race to make the same one. So an image save schedules
`image_renditions_prepare` for after its transaction commits, and the public templates only ever find ready
renditions.

`PUBLIC_RENDITION_SPECS` is the one list of what the public templates ask for (their `{% srcset_image %}` and
`{% image %}` tags, and the product JSON-LD in `seo`), written out as Wagtail expands them;
`tests/storage/test_renditions.py` reads the templates and fails when one asks for a spec missing here.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.images import get_image_model

logger = logging.getLogger(__name__)

# The photo search engines see in the product's JSON-LD (a JPEG: not every crawler reads WebP).
PRODUCT_JSONLD_SPEC = "width-1200|format-jpeg"
# The picture a shared link shows (og:image): 1200x630 is what the big link cards crop to; JPEG for every reader.
OPEN_GRAPH_SPEC = "fill-1200x630|format-jpeg"

# The product card (catalogue/product_card.html), the only picture of a grid of cards: catalogue, maker and
# related-items grids prefetch just these (selectors.with_card_data).
CARD_SPECS: tuple[str, ...] = ("fill-320x240|format-webp", "fill-640x480|format-webp")

# Where each spec is used, so a template change shows which line to change here.
PUBLIC_RENDITION_SPECS: dict[str, tuple[str, ...]] = {
    "product card (catalogue/product_card.html)": CARD_SPECS,
    "product gallery (product_detail.html), story page (cms/maker_story_page.html)": (
        "width-480|format-webp",
        "width-800|format-webp",
        "width-1200|format-webp",
    ),
    # Opened from the main photo (the zoom dialog), or straight away without JavaScript.
    "product gallery's larger photo (product_detail.html)": ("width-1600|format-webp",),
    "product JSON-LD (catalogue/seo.py)": (PRODUCT_JSONLD_SPEC,),
    "shared-link card, og:image (cms/templatetags/site_tags.py)": (OPEN_GRAPH_SPEC,),
    "cart line (cart/cart.html)": ("fill-96x96",),
    "maker portrait (maker_detail.html), gallery thumbnail (product_detail.html)": (
        "fill-240x240|format-webp",
        "fill-480x480|format-webp",
    ),
    "story card (cms/story_card.html)": ("fill-400x300|format-webp", "fill-800x600|format-webp"),
    "home hero (cms/home_page.html)": (
        "fill-640x480|format-webp",
        "fill-960x720|format-webp",
        "fill-1280x960|format-webp",
    ),
}
ALL_PUBLIC_SPECS: tuple[str, ...] = tuple(
    dict.fromkeys(spec for specs in PUBLIC_RENDITION_SPECS.values() for spec in specs)
)


def image_renditions_prepare(*, image_id: int) -> int:
    """Make every public rendition of the image that does not exist yet; return how many were made.

    Takes only an id and does nothing twice, so a background job (or a retry) can call it at any time; an
    image deleted meanwhile is simply skipped.
    """
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    before = image.renditions.count()
    image.get_renditions(*ALL_PUBLIC_SPECS)
    return image.renditions.count() - before


def _image_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and "file" not in update_fields):
        return  # fixtures, or a save that did not touch the picture (e.g. Wagtail storing the file hash)
    # After commit: the job must see the saved row and file. `robust`: the image is saved either way; a
    # failure here only means the renditions are made on the next save or by `prepare_renditions`.
    transaction.on_commit(partial(image_renditions_prepare, image_id=instance.pk), robust=True)


def connect_rendition_preparation() -> None:
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="prepare_public_renditions")
