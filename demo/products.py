"""What the n-th demo product is: a pure function of (seed, n), so reruns and larger runs agree on the first ones.

Nothing here touches the database; `builder` turns these specs into rows.
"""

import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils.text import slugify

from shop.models import ProductStatus

from .catalogue_data import CENTRES, CRAFTS, MADE_IN, CraftData, Text
from .items_data import ITEMS, TITLE_COMMA_CRAFTS, Item
from .pictures import PALETTE, Colour, colour_by_name
from .styles_data import STYLES, Style

# Shares of a product's makers; each tuple adds up to exactly 100.
SPLITS: dict[int, tuple[tuple[Decimal, ...], ...]] = {
    1: ((Decimal("100"),),),
    2: ((Decimal("50"), Decimal("50")), (Decimal("60"), Decimal("40")), (Decimal("70"), Decimal("30"))),
    3: (
        (Decimal("33.33"), Decimal("33.33"), Decimal("33.34")),
        (Decimal("40"), Decimal("30"), Decimal("30")),
        (Decimal("50"), Decimal("25"), Decimal("25")),
    ),
}
STATUSES = (
    (ProductStatus.PUBLISHED, 85),
    (ProductStatus.IN_REVIEW, 6),
    (ProductStatus.DRAFT, 5),
    (ProductStatus.ARCHIVED, 4),
)
QEPIK_ENDINGS = ("00", "50", "90", "00", "40", "50", "75")


@dataclass(frozen=True)
class ProductSpec:
    index: int
    slug: str
    craft: str
    centre: str
    shape: str
    colour: Colour
    title: Text
    description: Text
    materials: Text
    care: Text
    dimensions: str
    price: Decimal
    stock: int
    made_to_order: bool
    lead_time_days: int | None
    status: str
    shares: tuple[Decimal, ...]
    photo_count: int
    translated: bool
    maker_seed: int  # picks the makers once the centre's makers are known


def capitalise_az(text: str) -> str:
    """Upper-case the first letter the Azerbaijani way (i -> İ), which str.capitalize() gets wrong."""
    if not text:
        return text
    first = "İ" if text[0] == "i" else text[0].upper()
    return first + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _combos(craft: CraftData, seed: int) -> list[tuple[Item, Style]]:
    styles = STYLES[craft.slug]
    combos = [
        (item, style) for item in ITEMS[craft.slug] for style in styles if not item.styles or style.key in item.styles
    ]
    random.Random(f"{seed}:{craft.slug}").shuffle(combos)  # noqa: S311 - demo data
    return combos


def _title(craft: CraftData, item: Item, style: Style) -> Text:
    if craft.slug in TITLE_COMMA_CRAFTS:
        return Text(
            f"{item.name.az}, {style.words.az}",
            f"{item.name.en}, {style.words.en}",
            f"{item.name.ru}, {style.words.ru}",
        )
    return Text(
        capitalise_az(f"{style.words.az} {item.name.az}"),
        _upper_first(f"{style.words.en} {item.name.en}"),
        f"{item.name.ru} {style.words.ru}",
    )


def _price(rng: random.Random, low: float, high: float) -> Decimal:
    whole = int(rng.uniform(low, high))
    price = Decimal(f"{whole}.{rng.choice(QEPIK_ENDINGS)}")
    return max(price, Decimal("8.50"))


def product_spec(*, index: int, seed: int) -> ProductSpec:
    craft = CRAFTS[index % len(CRAFTS)]
    combos = _combos(craft, seed)
    item, style = combos[(index // len(CRAFTS)) % len(combos)]
    rng = random.Random(f"{seed}:product:{index}")  # noqa: S311 - demo data
    centre = rng.choices(CENTRES, weights=[c.weight for c in CENTRES])[0]
    title = _title(craft, item, style)
    intro, detail = rng.choice(craft.intros), rng.choice(craft.details)
    made_in = Text(
        *(getattr(MADE_IN, lang).format(located=getattr(centre.located, lang)) for lang in ("az", "en", "ru"))
    )
    description = Text(
        *(" ".join(getattr(part, lang) for part in (intro, detail, made_in)) for lang in ("az", "en", "ru"))
    )
    values = {name: rng.randint(low, high) for name, (low, high) in zip("abc", item.ranges, strict=False)}
    made_to_order = rng.random() < craft.made_to_order_share
    maker_count = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
    colour_name = style.colour or rng.choice(craft.colours)
    return ProductSpec(
        index=index,
        slug=f"{slugify(title.en)[:140]}-{index + 1:03d}",
        craft=craft.slug,
        centre=centre.slug,
        shape=item.shape,
        colour=colour_by_name(colour_name) if colour_name else rng.choice(PALETTE),
        title=title,
        description=description,
        materials=style.materials or item.materials,
        care=craft.care,
        dimensions=item.dimensions.format(**values),
        price=_price(rng, *item.price),
        stock=0 if made_to_order else rng.choice((0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10, 12)),
        made_to_order=made_to_order,
        lead_time_days=rng.randint(*craft.lead_days) if made_to_order else None,
        status=rng.choices([s for s, _ in STATUSES], weights=[w for _, w in STATUSES])[0],
        shares=rng.choice(SPLITS[maker_count]),
        photo_count=rng.choices((1, 2, 3, 4), weights=(15, 35, 35, 15))[0],
        translated=rng.random() < 0.9,
        maker_seed=rng.randrange(1 << 30),
    )
