"""One drawing function per craft: simple shapes that read as the item at a glance.

Every function takes the canvas, two random generators (`base` is shared by all views of a product so they show
the same item; `rng` belongs to one view) and the item's colours, and draws in unit coordinates.
"""

import math

from .canvas import FLOOR, Canvas, shade
from .drawings_decor import buta, jewellery, painting, souvenir

# Half-width along the height (0 = top, 1 = bottom) of turned and thrown shapes.
PROFILES = {
    "vase": ((0, 0.16), (0.06, 0.15), (0.2, 0.08), (0.3, 0.09), (0.55, 0.27), (0.8, 0.25), (1, 0.14)),
    "jug": ((0, 0.12), (0.1, 0.1), (0.25, 0.12), (0.55, 0.25), (0.85, 0.22), (1, 0.15)),
    "pot": ((0, 0.13), (0.08, 0.12), (0.15, 0.16), (0.45, 0.3), (0.8, 0.26), (1, 0.17)),
    "bowl": ((0, 0.34), (0.1, 0.33), (0.5, 0.27), (0.85, 0.17), (1, 0.13)),
    "cup": ((0, 0.17), (0.5, 0.16), (0.9, 0.14), (1, 0.12)),
    "lamp": ((0, 0.05), (0.1, 0.08), (0.3, 0.2), (0.6, 0.28), (0.85, 0.26), (1, 0.2)),
}
HEIGHTS = {"vase": 0.56, "jug": 0.5, "pot": 0.44, "bowl": 0.24, "cup": 0.26, "lamp": 0.46}


def _width(profile, t: float) -> float:
    for (t0, w0), (t1, w1) in zip(profile, profile[1:], strict=False):
        if t <= t1:
            k = (t - t0) / (t1 - t0) if t1 > t0 else 0
            return w0 + (w1 - w0) * (1 - math.cos(math.pi * k)) / 2  # eased, so the silhouette is smooth
    return profile[-1][1]


def _band(profile, cx, top, height, t0, t1, scale=1.0):
    steps = [t0 + (t1 - t0) * i / 8 for i in range(9)]
    left = [(cx - _width(profile, t) * scale, top + t * height) for t in steps]
    right = [(cx + _width(profile, t) * scale, top + t * height) for t in reversed(steps)]
    return left + right


def thrown(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """Pottery and ceramic hollow ware seen from the side, with glaze bands and dots."""
    profile = PROFILES.get(shape, PROFILES["vase"])
    height = HEIGHTS.get(shape, 0.5) * base.uniform(0.92, 1.08)
    cx, top = 0.5, FLOOR - height
    c.shadow(cx, _width(profile, 1) + 0.08)
    if shape in ("jug", "cup"):
        hx = cx + _width(profile, 0.45) - 0.01
        arc = [(hx + 0.1 * math.sin(a / 10 * math.pi), top + height * (0.2 + 0.5 * a / 10)) for a in range(11)]
        c.line(arc, shade(main, 0.85), 0.028)
    c.poly(_band(profile, cx, top, height, 0, 1), fill=main)
    c.poly(_band(profile, cx, top, height, 0, 1, scale=0.45), fill=shade(main, 1.12))
    c.poly([(x - 0.06, y) for x, y in _band(profile, cx, top, height, 0.02, 0.98, scale=0.22)], fill=shade(main, 1.25))
    bands = base.sample([(0.12, 0.16), (0.32, 0.38), (0.5, 0.55), (0.68, 0.74), (0.84, 0.87)], 2)
    for index, (t0, t1) in enumerate(sorted(bands)):
        colour = accents[index % len(accents)]
        c.poly(_band(profile, cx, top, height, t0, t1), fill=colour)
        if base.random() < 0.6:
            tm, w = (t0 + t1) / 2, _width(profile, (t0 + t1) / 2)
            for k in range(-3, 4):
                c.ellipse(cx + k * w / 4.2, top + tm * height + (t1 - t0) * height * 0.9, 0.008, 0.008, fill=colour)
    c.ellipse(cx, top, _width(profile, 0), 0.018, fill=shade(main, 0.55))
    if rng.random() < 0.5:  # a small second piece beside the first, as in a shop photo
        c.ellipse(0.84, FLOOR - 0.04, 0.07, 0.045, fill=accents[-1])


def plate(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """Plates, bowls and tiles seen from above at an angle: rims, rosettes and stars."""
    cx, cy, squash = 0.5, 0.62, 0.62
    if shape == "tile":
        size = 0.3
        c.poly(
            [
                (cx - size, cy - size * squash),
                (cx + size, cy - size * squash),
                (cx + size, cy + size * squash),
                (cx - size, cy + size * squash),
            ],
            fill=shade(main, 1.5),
        )
        for turn in (0, math.pi / 4):
            pts = [
                (
                    cx + size * 0.8 * math.cos(turn + k * math.pi / 2),
                    cy + size * 0.8 * squash * math.sin(turn + k * math.pi / 2),
                )
                for k in range(4)
            ]
            c.poly(pts, fill=main)
            inner = [(cx + (x - cx) * 0.55, cy + (y - cy) * 0.55) for x, y in pts]
            c.poly(inner, fill=accents[0])
        c.ellipse(cx, cy, size * 0.18, size * 0.18 * squash, fill=accents[1])
        return
    r = 0.38 if shape != "bowl" else 0.32
    c.shadow(cx, r + 0.02, 0.06)
    c.ellipse(cx, cy, r, r * squash, fill=shade(main, 1.45))
    c.ellipse(cx, cy, r, r * squash, outline=main, width=0.03)
    c.ellipse(cx, cy, r * 0.82, r * 0.82 * squash, outline=accents[0], width=0.012)
    petals = base.choice((6, 8, 10, 12))
    for k in range(petals):
        a = 2 * math.pi * k / petals
        tip = (cx + r * 0.7 * math.cos(a), cy + r * 0.7 * squash * math.sin(a))
        side1 = (cx + r * 0.32 * math.cos(a + 0.3), cy + r * 0.32 * squash * math.sin(a + 0.3))
        side2 = (cx + r * 0.32 * math.cos(a - 0.3), cy + r * 0.32 * squash * math.sin(a - 0.3))
        c.poly([(cx, cy), side1, tip, side2], fill=accents[k % 2] if petals % 2 == 0 else main)
    c.ellipse(cx, cy, r * 0.18, r * 0.18 * squash, fill=main)


def carpet(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """A flat-lay rug: borders, guard stripes, stacked medallions (or kilim stripes), and fringes."""
    x0, x1 = (0.3, 0.7) if shape == "runner" else (0.14, 0.86)
    y0, y1 = 0.07, 0.93
    c.rect(-1, -1, 2, 2, fill=c.table)  # a floor that fills the photo whatever the view
    for x in range(int(x0 * 100), int(x1 * 100), 2):
        c.line([(x / 100, y0 - 0.035), (x / 100, y1 + 0.035)], (236, 228, 210), 0.003)
    c.rect(x0, y0, x1, y1, fill=accents[0])
    c.rect(x0 + 0.02, y0 + 0.02, x1 - 0.02, y1 - 0.02, fill=shade(accents[1], 0.9))
    c.rect(x0 + 0.05, y0 + 0.05, x1 - 0.05, y1 - 0.05, fill=main)
    for k in range(int((y1 - y0) / 0.04)):  # small diamonds along the side borders
        y = y0 + 0.04 + k * 0.04
        for x in (x0 + 0.035, x1 - 0.035):
            c.poly([(x, y - 0.012), (x + 0.01, y), (x, y + 0.012), (x - 0.01, y)], fill=(240, 232, 214))
    inner_x0, inner_x1, inner_y0, inner_y1 = x0 + 0.07, x1 - 0.07, y0 + 0.07, y1 - 0.07
    if shape == "kilim":
        rows = base.choice((7, 9, 11))
        step = (inner_y1 - inner_y0) / rows
        for r in range(rows):
            ya = inner_y0 + r * step
            colour = accents[r % 3] if r % 2 else shade(main, 1.2)
            teeth = 8
            width = (inner_x1 - inner_x0) / teeth
            for t in range(teeth):
                xa = inner_x0 + t * width
                c.poly([(xa, ya + step), (xa + width / 2, ya + step * 0.15), (xa + width, ya + step)], fill=colour)
        return
    count = 1 if shape == "mat" else base.choice((2, 3))
    span = (inner_y1 - inner_y0) / count
    half_w = (inner_x1 - inner_x0) / 2
    for m in range(count):
        my = inner_y0 + span * (m + 0.5)
        for level, colour in enumerate((accents[1], (238, 228, 206), accents[2], main)):
            w, h = half_w * (0.85 - level * 0.2), span * (0.45 - level * 0.1)
            cx = (inner_x0 + inner_x1) / 2
            c.poly([(cx, my - h), (cx + w, my), (cx, my + h), (cx - w, my)], fill=colour)
    for gx in (inner_x0 + 0.04, inner_x1 - 0.04):  # corner güls
        for gy in (inner_y0 + 0.04, inner_y1 - 0.04):
            c.poly(
                [(gx + 0.025 * math.cos(k * math.pi / 4), gy + 0.025 * math.sin(k * math.pi / 4)) for k in range(8)],
                fill=accents[2],
            )


def wood(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """Carved wood: boards, boxes, spoons and backgammon boards with chip-carved triangles and rosettes."""
    dark, light = shade(main, 0.7), shade(main, 1.18)
    if shape == "nard":
        c.shadow(0.5, 0.42, 0.05)
        c.rect(0.1, 0.36, 0.9, 0.8, fill=dark)
        c.rect(0.12, 0.38, 0.49, 0.78, fill=light)
        c.rect(0.51, 0.38, 0.88, 0.78, fill=light)
        for half in (0.12, 0.51):
            for k in range(6):
                x = half + k * 0.0617
                colour = accents[0] if k % 2 else dark
                c.poly([(x, 0.38), (x + 0.0617, 0.38), (x + 0.031, 0.55)], fill=colour)
                c.poly([(x, 0.78), (x + 0.0617, 0.78), (x + 0.031, 0.61)], fill=dark if k % 2 else accents[0])
        return
    if shape == "spoon":
        c.shadow(0.5, 0.3, 0.03)
        c.poly([(0.2, 0.74), (0.62, 0.69), (0.62, 0.72), (0.2, 0.77)], fill=main)
        c.ellipse(0.72, 0.7, 0.12, 0.06, fill=main)
        c.ellipse(0.72, 0.7, 0.09, 0.042, fill=dark)
        c.ellipse(0.28, 0.755, 0.03, 0.018, fill=accents[0])
        return
    if shape == "box":
        c.shadow(0.5, 0.34, 0.05)
        c.poly([(0.2, 0.5), (0.32, 0.4), (0.86, 0.4), (0.74, 0.5)], fill=light)
        c.poly([(0.74, 0.5), (0.86, 0.4), (0.86, 0.68), (0.74, 0.8)], fill=dark)
        x0, y0, x1, y1 = 0.2, 0.5, 0.74, 0.8
    else:  # board or frame: an upright panel leaning on the wall
        c.shadow(0.5, 0.36, 0.04)
        x0, y0, x1, y1 = 0.2, 0.22, 0.8, 0.8
    c.rect(x0, y0, x1, y1, fill=main)
    for k in range(9):  # grain
        y = y0 + (y1 - y0) * (k + 0.5) / 9
        wave = [(x0 + (x1 - x0) * i / 8, y + 0.006 * math.sin(i + k + base.random())) for i in range(9)]
        c.line(wave, shade(main, 0.88), 0.003)
    n = 10
    for edge_y, flip in ((y0 + 0.015, 1), (y1 - 0.015, -1)):
        for k in range(n):
            xa = x0 + 0.02 + k * (x1 - x0 - 0.04) / n
            xb = xa + (x1 - x0 - 0.04) / n
            c.poly([(xa, edge_y), (xb, edge_y), ((xa + xb) / 2, edge_y + flip * 0.04)], fill=dark)
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, min(x1 - x0, y1 - y0) * 0.3
    petals = base.choice((6, 8, 12))
    for k in range(petals):
        a = 2 * math.pi * k / petals
        c.poly(
            [
                (cx, cy),
                (cx + r * math.cos(a - 0.25), cy + r * math.sin(a - 0.25)),
                (cx + r * math.cos(a + 0.25), cy + r * math.sin(a + 0.25)),
            ],
            fill=dark if k % 2 else light,
        )
    c.ellipse(cx, cy, r * 0.2, r * 0.2, fill=accents[0] if rng.random() < 0.3 else dark)


def textile(c: Canvas, *, base, rng, shape, main, accents) -> None:
    """Sewn things: patchwork cushions, bags with a buta appliqué, striped scarves and dolls."""
    stitch = (246, 240, 226)
    if shape == "doll":
        c.shadow(0.5, 0.16)
        c.poly([(0.5, 0.36), (0.66, 0.8), (0.34, 0.8)], fill=main)
        for k in range(4):
            c.line([(0.38 + k * 0.01, 0.7 - k * 0.06), (0.62 - k * 0.01, 0.7 - k * 0.06)], accents[k % 3], 0.012)
        c.ellipse(0.5, 0.3, 0.065, 0.07, fill=(232, 196, 164))
        c.poly([(0.42, 0.27), (0.5, 0.2), (0.58, 0.27), (0.6, 0.42), (0.4, 0.42)], fill=accents[0])
        c.ellipse(0.5, 0.31, 0.05, 0.055, fill=(232, 196, 164))
        return
    if shape == "scarf":
        c.poly([(0.18, 0.3), (0.82, 0.24), (0.86, 0.8), (0.14, 0.84)], fill=main)
        for k in range(1, 7):
            t = k / 7
            c.line(
                [(0.18 + 0.64 * t - 0.04 * t, 0.3 - 0.06 * t), (0.14 + 0.72 * t, 0.84 - 0.04 * t)],
                accents[k % 3],
                0.018,
            )
        for k in range(30):
            x = 0.14 + 0.72 * k / 29
            c.line([(x, 0.84 - 0.04 * k / 29), (x - 0.005, 0.9 - 0.04 * k / 29)], shade(main, 0.8), 0.004)
        return
    if shape == "bag":
        c.shadow(0.5, 0.3)
        handle = [(0.38 + 0.24 * i / 10, 0.36 - 0.16 * math.sin(math.pi * i / 10)) for i in range(11)]
        c.line(handle, shade(main, 0.7), 0.022)
        c.poly([(0.26, 0.36), (0.74, 0.36), (0.8, 0.8), (0.2, 0.8)], fill=main)
        buta(c, 0.5, 0.6, 0.1, accents[0], accents[1])
        c.line([(0.27, 0.4), (0.73, 0.4)], stitch, 0.004)
        return
    c.shadow(0.5, 0.36)  # cushion: 3 x 3 patchwork with stitched seams
    x0, y0, x1, y1 = 0.18, 0.36, 0.82, 0.8
    c.poly([(x0, y0), (x1, y0), (x1 + 0.02, y1), (x0 - 0.02, y1)], fill=main)
    cw, ch = (x1 - x0) / 3, (y1 - y0) / 3
    for i in range(3):
        for j in range(3):
            if (i + j) % 2:
                c.rect(
                    x0 + i * cw + 0.01,
                    y0 + j * ch + 0.01,
                    x0 + (i + 1) * cw - 0.01,
                    y0 + (j + 1) * ch - 0.01,
                    fill=accents[(i + 2 * j) % 3],
                )
    for k in range(1, 3):
        for d in range(0, 40, 2):
            c.line(
                [(x0 + k * cw, y0 + d / 40 * (y1 - y0)), (x0 + k * cw, y0 + (d + 1) / 40 * (y1 - y0))], stitch, 0.003
            )
            c.line(
                [(x0 + d / 40 * (x1 - x0), y0 + k * ch), (x0 + (d + 1) / 40 * (x1 - x0), y0 + k * ch)], stitch, 0.003
            )


DRAWERS = {
    "pottery": thrown,
    "ceramics": lambda c, *, shape, **kw: (thrown if shape in ("cup", "lamp") else plate)(c, shape=shape, **kw),
    "carpets-and-rugs": carpet,
    "wood-carving": wood,
    "sewing-and-textiles": textile,
    "painting": painting,
    "jewellery": jewellery,
    "souvenirs": souvenir,
}
