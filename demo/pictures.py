"""Product photos for the demo shop, drawn with Pillow so nothing is copied from anywhere.

Each picture is a simple still life of the item on a table or a flat lay, in colours chosen from the product,
so a product's photos (different views: whole item, close-up, another angle, other light) differ from each
other and from other products. Drawn at twice the size and reduced, which gives smooth edges cheaply.
"""

import io
import random
from dataclasses import dataclass

from .canvas import Canvas, shade
from .drawings import DRAWERS

PHOTO_SIZE = 800
SUPERSAMPLE = 2


@dataclass(frozen=True)
class Colour:
    az: str
    en: str
    rgb: tuple[int, int, int]
    ru: str = ""


PALETTE: tuple[Colour, ...] = (
    Colour("terrakota", "terracotta", (184, 92, 56), "терракотовый"),
    Colour("kobalt mavisi", "cobalt blue", (38, 76, 150), "кобальтовый синий"),
    Colour("firuzəyi", "turquoise", (38, 150, 150), "бирюзовый"),
    Colour("oxra", "ochre", (204, 148, 52), "охра"),
    Colour("nar qırmızısı", "pomegranate red", (160, 30, 48), "гранатово-красный"),
    Colour("zeytun yaşılı", "olive green", (110, 122, 54), "оливковый"),
    Colour("zəfərani", "saffron", (232, 170, 40), "шафрановый"),
    Colour("qoz qəhvəyisi", "walnut brown", (110, 72, 44), "ореховый"),
    Colour("indiqo", "indigo", (52, 50, 110), "индиго"),
    Colour("çəhrayı", "rose", (206, 112, 130), "розовый"),
    Colour("zümrüd yaşılı", "emerald green", (24, 118, 84), "изумрудный"),
    Colour("bənövşəyi", "violet", (112, 62, 120), "фиолетовый"),
    Colour("krem", "cream", (236, 222, 190), "кремовый"),
    Colour("kömür rəngi", "charcoal", (58, 58, 62), "угольно-серый"),
)

# (alt text in Azerbaijani, English, Russian) for photo 1..4 of a product; the drawing follows the same order.
VIEWS: tuple[tuple[str, str, str], ...] = (  # az, en, ru
    ("ümumi görünüş", "full view", "общий вид"),
    ("yaxından detal", "close-up detail", "деталь крупным планом"),
    ("başqa bucaqdan", "from another angle", "с другого ракурса"),
    ("fərqli işıqda", "in different light", "при другом освещении"),
)

_WALLS = ((240, 234, 224), (228, 231, 234), (242, 230, 214), (226, 232, 222), (236, 226, 230))
_TABLES = ((168, 128, 92), (214, 200, 178), (128, 134, 140), (190, 160, 120), (226, 216, 200))


def colour_by_name(name_en: str) -> Colour:
    return next(colour for colour in PALETTE if colour.en == name_en)


@dataclass(frozen=True)
class PhotoSpec:
    """Everything that decides one picture; two specs that differ in any field give different pictures."""

    craft: str
    shape: str
    seed: str
    view: int
    colour: Colour


def render_photo(spec: PhotoSpec, *, size: int = PHOTO_SIZE) -> bytes:
    """Draw one photo and return it as a baseline JPEG (no metadata is ever written)."""
    rng = random.Random(f"{spec.seed}:{spec.view}")  # noqa: S311 - pictures, not secrets
    base = random.Random(spec.seed)  # noqa: S311 - shared by all views so they show the same item
    views = ((1.0, 0.0, 0.0), (1.6, 0.0, -0.1), (0.88, 0.07, 0.02), (1.0, -0.05, 0.0))
    zoom, dx, dy = views[spec.view % len(views)]
    canvas = Canvas(size * SUPERSAMPLE, zoom=zoom, dx=dx, dy=dy)
    light = (1.0, 1.0, 0.97, 1.08)[spec.view % 4]
    wall = shade(_WALLS[(base.randrange(len(_WALLS)) + spec.view) % len(_WALLS)], light)
    table = shade(_TABLES[(base.randrange(len(_TABLES)) + spec.view) % len(_TABLES)], light)
    canvas.backdrop(wall, table, horizon=0.62 + 0.04 * (spec.view % 2))
    main = shade(spec.colour.rgb, light)
    accents = [shade(colour.rgb, light) for colour in base.sample(PALETTE, 3)]
    DRAWERS[spec.craft](canvas, base=base, rng=rng, shape=spec.shape, main=main, accents=accents)
    image = canvas.image.reduce(SUPERSAMPLE)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=86)
    return out.getvalue()


def render_portrait(seed: str, *, size: int = 480) -> bytes:
    """An illustrated portrait placeholder for makers who consented to a photo: shoulders and a head."""
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets
    canvas = Canvas(size * SUPERSAMPLE)
    bg = rng.choice(PALETTE).rgb
    canvas.rect(0, 0, 1, 1, fill=shade(bg, 1.55))
    cloth = rng.choice(PALETTE).rgb
    skin = rng.choice(((224, 184, 150), (198, 150, 112), (170, 122, 90), (236, 200, 170)))
    hair = rng.choice(((40, 30, 26), (80, 52, 34), (120, 90, 60), (30, 30, 30)))
    canvas.ellipse(0.5, 1.02, 0.36, 0.3, fill=cloth)
    canvas.rect(0.44, 0.56, 0.56, 0.74, fill=shade(skin, 0.92))
    canvas.ellipse(0.5, 0.36, 0.19, 0.2, fill=hair)
    canvas.ellipse(0.5, 0.44, 0.15, 0.18, fill=skin)
    image = canvas.image.reduce(SUPERSAMPLE)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=86)
    return out.getvalue()
