"""The drawing surface the demo pictures are made on: unit coordinates, colour helpers, a table and a wall.

Shared by `pictures` (which composes a photo) and `drawings` (which draws each craft's item), so neither
has to import the other's half.
"""

from PIL import Image, ImageDraw

FLOOR = 0.8  # where objects standing on the table touch it


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
