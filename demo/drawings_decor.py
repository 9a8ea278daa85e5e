"""Drawings of paintings, jewellery and souvenirs, and the buta and pomegranate motifs other drawings share."""

import math

from .canvas import Canvas, mix, shade


def buta(c: Canvas, cx, cy, size, fill, inner) -> None:
    """The paisley (buta) motif: a teardrop whose tip bends to one side."""
    pts = []
    for i in range(40):
        t = 2 * math.pi * i / 40
        x, y = math.sin(t) * math.sin(t / 2) ** 2, -math.cos(t)
        x += 0.5 * ((1 - y) / 2) ** 3  # bend the tip
        pts.append((cx + x * size * 0.8, cy - y * size))
    c.poly(pts, fill=fill)
    c.ellipse(cx, cy + size * 0.35, size * 0.3, size * 0.3, fill=inner)


def painting(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """A framed canvas on the wall: mountains, the sea, pomegranates, or an abstract composition."""
    frame = shade(accents[2], 0.6) if base.random() < 0.5 else (176, 140, 70)
    c.rect(0.14, 0.08, 0.86, 0.66, fill=frame)
    x0, y0, x1, y1 = 0.18, 0.12, 0.82, 0.62
    sky = shade(main, 1.55) if shape != "abstract" else shade(main, 1.3)
    for k in range(8):
        c.rect(x0, y0 + (y1 - y0) * k / 8, x1, y0 + (y1 - y0) * (k + 1) / 8, fill=shade(sky, 1 - 0.03 * k))
    if shape == "abstract":
        for _ in range(7):
            x, y = base.uniform(x0 + 0.06, x1 - 0.06), base.uniform(y0 + 0.06, y1 - 0.06)
            r = base.uniform(0.03, 0.09)
            colour = base.choice(accents + [main])
            if base.random() < 0.5:
                c.ellipse(x, y, r, r, fill=colour)
            else:
                c.rect(x - r, y - r * 0.6, x + r, y + r * 0.6, fill=colour)
        return
    if shape == "still_life":
        c.rect(x0, y0 + 0.32, x1, y1, fill=shade(accents[0], 0.8))
        for k, x in enumerate((0.36, 0.52, 0.66)):
            c.ellipse(x, 0.42, 0.07, 0.065, fill=(170 - 20 * k, 30, 44))
            c.poly([(x - 0.02, 0.36), (x, 0.33), (x + 0.02, 0.36)], fill=(120, 24, 36))
        return
    c.ellipse(base.uniform(0.3, 0.7), y0 + 0.1, 0.04, 0.04, fill=(250, 224, 150))
    if shape == "sea":
        c.rect(x0, y0 + 0.28, x1, y1, fill=shade(main, 0.8))
        for k in range(6):
            y = y0 + 0.31 + k * 0.03
            c.line([(x0 + 0.02 + i * 0.08, y + 0.006 * (i % 2)) for i in range(9)], shade(main, 1.3), 0.004)
        return
    ridge = [(x0, y1 - 0.12)]
    for i in range(1, 7):
        ridge.append((x0 + (x1 - x0) * i / 7, y0 + base.uniform(0.12, 0.3)))
    ridge.append((x1, y1 - 0.14))
    c.poly([*ridge, (x1, y1), (x0, y1)], fill=shade(accents[1], 0.7))
    c.poly([(x0, y1 - 0.08), (x1, y1 - 0.1), (x1, y1), (x0, y1)], fill=shade(accents[0], 0.9))


def jewellery(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """Beads, drops and rings on a cloth."""
    c.rect(-1, 0.3, 2, 2, fill=shade(accents[2], 0.45))  # the cloth reaches the edges in every view
    metal = (206, 174, 96) if base.random() < 0.6 else (196, 198, 204)
    if shape in ("necklace", "bracelet"):
        count = 23 if shape == "necklace" else 16
        for k in range(count):
            a = math.pi * (0.08 + 0.84 * k / (count - 1)) if shape == "necklace" else 2 * math.pi * k / count
            x = 0.5 - 0.32 * math.cos(a)
            y = 0.42 + (0.3 * math.sin(a) if shape == "necklace" else 0.14 * math.sin(a) + 0.2)
            colour = main if k % 3 else accents[0]
            c.ellipse(x, y, 0.024, 0.024, fill=colour)
            c.ellipse(x - 0.007, y - 0.008, 0.006, 0.006, fill=shade(colour, 1.5))
        if shape == "necklace":
            c.ellipse(0.5, 0.8, 0.045, 0.06, fill=metal)
            c.ellipse(0.5, 0.8, 0.028, 0.04, fill=accents[1])
        return
    if shape == "earrings":
        for x in (0.37, 0.63):
            c.line([(x, 0.4), (x + 0.03, 0.36), (x + 0.05, 0.42)], metal, 0.008)
            c.poly([(x, 0.44), (x + 0.06, 0.58), (x, 0.66), (x - 0.06, 0.58)], fill=main)
            c.ellipse(x, 0.58, 0.02, 0.02, fill=accents[0])
        return
    if shape == "brooch":
        for k in range(7):
            a = 2 * math.pi * k / 7
            c.ellipse(0.5 + 0.09 * math.cos(a), 0.6 + 0.09 * math.sin(a), 0.06, 0.06, fill=main)
        c.ellipse(0.5, 0.6, 0.05, 0.05, fill=metal)
        return
    c.ellipse(0.5, 0.62, 0.16, 0.08, outline=metal, width=0.025)  # ring
    c.ellipse(0.5, 0.53, 0.045, 0.04, fill=main)
    c.ellipse(0.49, 0.52, 0.012, 0.01, fill=shade(main, 1.6))


def souvenir(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """Pomegranates, buta keyrings, little Maiden Towers and fridge magnets."""
    if shape == "tower":
        c.shadow(0.5, 0.16)
        c.poly([(0.4, 0.8), (0.42, 0.32), (0.5, 0.28), (0.58, 0.32), (0.6, 0.8)], fill=main)
        c.poly([(0.58, 0.8), (0.585, 0.45), (0.66, 0.5), (0.66, 0.8)], fill=shade(main, 0.85))
        for k in range(5):
            c.line([(0.41, 0.38 + k * 0.09), (0.59, 0.38 + k * 0.09)], shade(main, 0.8), 0.004)
        c.ellipse(0.5, 0.45, 0.015, 0.025, fill=shade(main, 0.5))
        return
    if shape == "keyring":
        c.ellipse(0.5, 0.3, 0.05, 0.05, outline=(190, 190, 196), width=0.012)
        c.line([(0.5, 0.35), (0.5, 0.42)], (190, 190, 196), 0.008)
        buta(c, 0.5, 0.6, 0.16, main, accents[0])
        return
    if shape == "magnet":
        c.rect(0.3, 0.42, 0.7, 0.78, fill=shade(accents[2], 1.5))
        c.rect(0.3, 0.42, 0.7, 0.78, outline=main, width=0.02)
        _pomegranate(c, 0.5, 0.6, 0.1, main)
        return
    c.shadow(0.5, 0.22)
    _pomegranate(c, 0.5, 0.6, 0.19, main)
    c.ellipse(0.77, 0.74, 0.06, 0.05, fill=shade(main, 0.8))


def _pomegranate(c: Canvas, cx, cy, r, colour) -> None:
    c.poly(
        [
            (cx - r * 0.3, cy - r * 0.85),
            (cx - r * 0.2, cy - r * 1.25),
            (cx, cy - r * 0.95),
            (cx + r * 0.2, cy - r * 1.25),
            (cx + r * 0.3, cy - r * 0.85),
        ],
        fill=shade(colour, 0.7),
    )
    c.ellipse(cx, cy, r, r * 0.95, fill=colour)
    c.ellipse(cx - r * 0.35, cy - r * 0.35, r * 0.22, r * 0.18, fill=mix(colour, (255, 255, 255), 0.45))
    c.poly(
        [(cx + r * 0.3, cy - r * 0.95), (cx + r * 0.9, cy - r * 1.3), (cx + r * 0.6, cy - r * 0.85)], fill=(70, 120, 50)
    )
