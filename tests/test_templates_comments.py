"""Django's `{# … #}` comment ends at the line's end: one that spans lines is printed to the buyer as text
(a product card once showed a developer's note). Every template's `{#` must close on its own line."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_template_comment_spans_lines():
    broken = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), start=1):
            if line.count("{#") > line.count("#}"):
                broken.append(f"{template.relative_to(ROOT)}:{number}")
    assert broken == [], "use {% comment %} for a comment of several lines: " + ", ".join(broken)


def test_a_product_card_shows_no_template_text(client, product_factory):
    product_factory(title="Mavi kasa")
    text = client.get("/az/shop/").content.decode()
    assert "Mavi kasa" in text
    assert "{#" not in text and "#}" not in text and "search_terms" not in text
