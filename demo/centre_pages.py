"""The demo's centre pages (az, ru, en), the curated home page and an edit waiting in the editorial workflow.

Everything is looked up first and only made when missing, so a second run changes nothing an editor did.
"""

from django.db.models import Q
from wagtail.models import Locale, Workflow, WorkflowPage

from beneficiaries.models import Centre
from cms.models import (
    CentreIndexPage,
    CentrePage,
    HomeFeaturedProduct,
    HomeFeaturedStory,
    HomePage,
    MakerStoryPage,
)
from shop.models import Product, ProductStatus

from .centres_data import CENTRE_PAGES, CLOSED, INDEX, PENDING_EDIT, SATURDAY, SUNDAY, WEEKDAYS

WORKFLOW = "Editorial review"  # made by cms/migrations/0006
FEATURED_PRODUCTS = 4
FEATURED_STORIES = 2


def _hours(code: str, saturday: str) -> list[tuple[str, dict[str, str]]]:
    rows = [("hours", {"days": WEEKDAYS[code], "hours": "10:00–18:00"})]
    rows.append(("hours", {"days": SATURDAY[code], "hours": saturday or CLOSED[code]}))
    rows.append(("hours", {"days": SUNDAY[code], "hours": CLOSED[code]}))
    return rows


def centre_pages_ensure(homes: dict[str, HomePage], centres: dict[str, Centre]) -> int:
    """An "Our centres" index under each language's home page, with a page per centre; returns how many were made."""
    created = 0
    for code, home in homes.items():
        index = CentreIndexPage.objects.child_of(home).first()
        if index is None:
            index = CentreIndexPage(slug="centres", **INDEX[code])
            home.add_child(instance=index)
            index.save_revision().publish()
            created += 1
        for slug, data in CENTRE_PAGES.items():
            centre = centres[slug]
            if CentrePage.objects.filter(centre=centre, locale=home.locale).exists():
                continue
            page = CentrePage(
                slug=slug,
                centre=centre,
                phone=data["phone"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                opening_hours=_hours(code, data["saturday"]),
                **data[code],
            )
            index.add_child(instance=page)
            page.save_revision().publish()
            created += 1
    return created


def home_curation_ensure(homes: dict[str, HomePage]) -> None:
    """Editors' picks on each home page: products from different crafts, with photos, and two stories."""
    picks, crafts = [], set()
    available = Product.objects.filter(status=ProductStatus.PUBLISHED, photos__isnull=False)
    for product in available.filter(Q(stock__gt=0) | Q(made_to_order=True)).distinct().order_by("slug"):
        if product.craft_id not in crafts:
            picks.append(product)
            crafts.add(product.craft_id)
        if len(picks) == FEATURED_PRODUCTS:
            break
    consented = MakerStoryPage.objects.live().story_consented().order_by("path")
    for home in homes.values():
        # A story is written in one language: each home page features stories in its own.
        stories = list(consented.filter(locale=home.locale)[:FEATURED_STORIES])
        if not home.featured_product_choices.exists():
            for order, product in enumerate(picks):
                HomeFeaturedProduct.objects.create(page=home, product=product, sort_order=order)
        if not home.featured_story_choices.exists():
            for order, story in enumerate(stories):
                HomeFeaturedStory.objects.create(page=home, story=story, sort_order=order)


def workflow_ensure(homes: dict[str, HomePage], *, editor) -> None:
    """Each home page tree under "Editorial review" (home pages the loader re-made have none yet), and one edit
    the demo editor submitted, waiting for the moderator."""
    workflow = Workflow.objects.filter(name=WORKFLOW, active=True).first()
    if workflow is None:
        return
    for home in homes.values():
        WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    page = CentrePage.objects.filter(
        centre__slug=PENDING_EDIT["centre"], locale__language_code=PENDING_EDIT["language"]
    ).first()
    if page is None or page.workflow_states.exists():
        return
    page.intro = PENDING_EDIT["intro"]
    page.save_revision(user=editor)
    workflow.start(page, editor)


def homes_by_language() -> dict[str, HomePage]:
    return {
        home.locale.language_code: home
        for home in HomePage.objects.filter(locale__in=Locale.objects.all()).select_related("locale")
    }
