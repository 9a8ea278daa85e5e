"""A shop for the phone-layout and gallery browser tests: titles as long as the demo's, photos of real sizes.

Shared by test_phone_layout.py and test_product_gallery.py; screenshots go to test-artifacts/phone/ (gitignored)
so a person can look at what the browser drew.
"""

import io
from decimal import Decimal
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image

from beneficiaries.models import ConsentRecord
from shop.models import ProductPhoto

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "phone"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}

# An Azerbaijani title as long as the demo's longest: the cart once overflowed with such titles.
LONG_TITLE = "Göy şirli böyük saxsı küpə, əl ilə naxışlanmış və yandırılmış"


def photo_file(*, width: int, height: int, colour: tuple[int, int, int]) -> ImageFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="JPEG", quality=70)
    return ImageFile(io.BytesIO(buffer.getvalue()), name=f"photo-{width}.jpg")


def build_shop(*, centre_factory, craft_factory, maker_factory, product_factory, image_factory) -> dict:
    """A jug with three photos (1600, 700 and 1200 px wide: a large and a small original) and a rug."""
    centre = centre_factory(name="Bakı Mərkəzi", slug="baku", city="Bakı")
    pottery = craft_factory(name="Saxsı", slug="pottery")
    maker = maker_factory(public_display_name="Aysel", slug="aysel", centre=centre, consents=[ConsentRecord.Scope.NAME])
    jug = product_factory(
        title=LONG_TITLE, slug="jug", craft=pottery, centre=centre, price=Decimal("1250.00"), makers=[(maker, 100)]
    )
    sizes_and_colours = [((1600, 1200), (160, 70, 40)), ((700, 525), (40, 90, 160)), ((1200, 900), (40, 140, 60))]
    for index, ((width, height), colour) in enumerate(sizes_and_colours):
        image = image_factory(file=photo_file(width=width, height=height, colour=colour))
        ProductPhoto.objects.create(product=jug, image=image, alt_text=f"Küpə, view {index + 1}", sort_order=index)
    rug = product_factory(title="Xalça", slug="rug", craft=pottery, centre=centre, photos=1, makers=[(maker, 100)])
    return {"jug": jug, "rug": rug}


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def has_no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def scroll_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")
