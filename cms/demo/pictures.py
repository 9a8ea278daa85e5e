"""Product photos for the demo shop, drawn with Pillow so nothing is copied from anywhere.

Each picture is a simple still life of the item on a table or a flat lay, in colours chosen from the product,
so a product's photos (different views: whole item, close-up, another angle, other light) differ from each
other and from other products. Drawn at twice the size and reduced, which gives smooth edges cheaply.
"""

import io
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw

PHOTO_SIZE = 800
FLOOR = 0.8  # where objects standing on the table touch it
SUPERSAMPLE = 2


@dataclass(frozen=True)
class Colour:
    az: str
    en: str
    rgb: tuple[int, int, int]


PALETTE: tuple[Colour, ...] = (
    Colour("terrakota", "terracotta", (184, 92, 56)),
    Colour("kobalt mavisi", "cobalt blue", (38, 76, 150)),
    Colour("firuzəyi", "turquoise", (38, 150, 150)),
    Colour("oxra", "ochre", (204, 148, 52)),
    Colour("nar qırmızısı", "pomegranate red", (160, 30, 48)),
    Colour("zeytun yaşılı", "olive green", (110, 122, 54)),
    Colour("zəfərani", "saffron", (232, 170, 40)),
    Colour("qoz qəhvəyisi", "walnut brown", (110, 72, 44)),
    Colour("indiqo", "indigo", (52, 50, 110)),
    Colour("çəhrayı", "rose", (206, 112, 130)),
    Colour("zümrüd yaşılı", "emerald green", (24, 118, 84)),
    Colour("bənövşəyi", "violet", (112, 62, 120)),
    Colour("krem", "cream", (236, 222, 190)),
    Colour("kömür rəngi", "charcoal", (58, 58, 62)),
)

# (alt text in Azerbaijani, in English) for photo 1..4 of a product; the drawing follows the same order.
VIEWS: tuple[tuple[str, str], ...] = (
    ("ümumi görünüş", "full view"),
    ("yaxından detal", "close-up detail"),
    ("başqa bucaqdan", "from another angle"),
    ("fərqli işıqda", "in different light"),
)

_WALLS = ((240, 234, 224), (228, 231, 234), (242, 230, 214), (226, 232, 222), (236, 226, 230))
_TABLES = ((168, 128, 92), (214, 200, 178), (128, 134, 140), (190, 160, 120), (226, 216, 200))


def colour_by_name(name_en: str) -> Colour:
    return next(colour for colour in PALETTE if colour.en == name_en)


def shade(rgb: tuple[int, int, int], factor: float) -> tuple[int, int, int]:
    """Darker below 1, lighter above 1 (mixed towards white so colours do not clip harshly)."""
    if factor <= 1:
        return tuple(max(0, int(c * factor)) for c in rgb)
    return tuple(min(255, int(c + (255 - c) * (factor - 1))) for c in rgb)


def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Canvas:
    """Drawing in unit coordinates (0..1 across the photo); `zoom` and the offsets give the different views."""

    def __init__(self, size: int, *, zoom: float = 1.0, dx: float = 0.0, dy: float = 0.0):
        self.size = size
        self.zoom, self.dx, self.dy = zoom, dx, dy
        self.image = Image.new("RGB", (size, size))
        self.draw = ImageDraw.Draw(self.image)
        self.table = (150, 130, 110)

    def p(self, x: float, y: float) -> tuple[float, float]:
        return (
            ((x - 0.5) * self.zoom + 0.5 + self.dx) * self.size,
            ((y - 0.5) * self.zoom + 0.5 + self.dy) * self.size,
        )

    def s(self, value: float) -> int:
        return max(1, round(value * self.zoom * self.size))

    def poly(self, points, fill, outline=None, width: float = 0.0) -> None:
        self.draw.polygon([self.p(x, y) for x, y in points], fill=fill)
        if outline is not None and width:
            self.line([*points, points[0]], outline, width)

    def line(self, points, fill, width: float) -> None:
        self.draw.line([self.p(x, y) for x, y in points], fill=fill, width=self.s(width), joint="curve")

    def ellipse(self, cx, cy, rx, ry, fill=None, outline=None, width: float = 0.0) -> None:
        x0, y0 = self.p(cx - rx, cy - ry)
        x1, y1 = self.p(cx + rx, cy + ry)
        self.draw.ellipse((x0, y0, x1, y1), fill=fill, outline=outline, width=self.s(width) if width else 0)

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, width: float = 0.0) -> None:
        a, b = self.p(x0, y0)
        c, d = self.p(x1, y1)
        self.draw.rectangle((a, b, c, d), fill=fill, outline=outline, width=self.s(width) if width else 0)

    def shadow(self, cx: float, rx: float, ry: float = 0.035) -> None:
        """The soft shadow an object casts on the table, slightly to the right of it."""
        self.ellipse(cx + 0.02, FLOOR, rx, ry, fill=shade(self.table, 0.78))

    def backdrop(self, wall, table, horizon: float) -> None:
        """A wall and a table edge; drawn without zoom so the background always fills the photo."""
        self.table = table
        edge = int(self.size * horizon)
        self.draw.rectangle((0, 0, self.size, edge), fill=wall)
        for band in range(6):  # a soft vertical fall-off of the light on the wall
            y0 = int(edge * band / 6)
            self.draw.rectangle((0, y0, self.size, int(edge * (band + 1) / 6)), fill=shade(wall, 1 - band * 0.012))
        self.draw.rectangle((0, edge, self.size, self.size), fill=table)
        self.draw.rectangle((0, edge, self.size, edge + max(2, self.size // 200)), fill=shade(table, 0.8))


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
    from .drawings import DRAWERS

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
