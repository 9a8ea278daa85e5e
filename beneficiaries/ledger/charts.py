"""Bar charts as plain data for an inline SVG template: accessible, no JavaScript, no chart library."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format

WIDTH, HEIGHT, PAD = 640, 240, 32


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: Decimal


def month_bars(series: list[tuple[date, Decimal, Decimal]]) -> dict:
    """Bars of the earned amounts of (month, earned, paid) rows, scaled to the chart; negatives show as 0."""
    values = [max(earned, Decimal(0)) for _month, earned, _paid in series]
    top = max(values, default=Decimal(0)) or Decimal(1)
    slot = (WIDTH - 2 * PAD) / max(len(series), 1)
    bars = []
    for index, ((month, earned, _paid), value) in enumerate(zip(series, values, strict=True)):
        height = float(value / top) * (HEIGHT - 2 * PAD)
        bars.append(
            Bar(
                x=PAD + index * slot + slot * 0.15,
                y=HEIGHT - PAD - height,
                width=slot * 0.7,
                height=height,
                label=date_format(month, "M y"),
                value=earned,
            )
        )
    return {"bars": bars, "width": WIDTH, "height": HEIGHT, "baseline": HEIGHT - PAD, "top": top, "rows": series}
