"""Search as a buyer uses it, on whichever database the run uses (CI runs SQLite and PostgreSQL).

Every expectation here holds on both, so the two CI passes compare SQLite's LIKE on folded words with
PostgreSQL's full-text search for whole words and prefixes; what only PostgreSQL does (stemming, typos,
ranking) is in test_search_postgres.py.
"""

import html
import re
from decimal import Decimal

import pytest
from wagtail.models import Locale

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_record, consent_withdraw
from shop.models import Product, ProductSearchDocument, ProductStatus, ProductTranslation

CARD_TITLE = re.compile(r'class="card__title"><a href="[^"]+">(.+?)</a></h3>')


def titles(response) -> list[str]:
    assert response.status_code == 200
    found = CARD_TITLE.findall(response.content.decode())
    return [html.unescape(re.sub(r"</?(?:mark|span)[^>]*>", "", title)) for title in found]


def search(client, q, language="az", **filters):
    return client.get(f"/{language}/shop/", {"q": q, **filters})


@pytest.fixture
def crafts_shop(centre_factory, maker_factory, craft_factory, product_factory):
    baku = centre_factory(name="Bakı mərkəzi", slug="baku")
    carpets = craft_factory(name="Xalçaçılıq", slug="carpets")
    textiles = craft_factory(name="Tikiş", slug="textiles")
    pottery = craft_factory(name="Dulusçuluq", slug="pottery")
    gunay = maker_factory(public_display_name="Günay", slug="gunay", centre=baku)
    hidden = maker_factory(public_display_name="Gizlinqız", slug="gizli", centre=baku, consents=[])
    ru, en = Locale.objects.get(language_code="ru"), Locale.objects.get(language_code="en")

    def make(title, craft, maker, price, *, ru_title="", en_title="", **extra):
        defaults = {"description": "Əl işi.", "materials": ""}
        defaults.update(extra)
        product = product_factory(
            title=title, craft=craft, centre=baku, price=Decimal(price), makers=[(maker, Decimal("100"))], **defaults
        )
        if ru_title:
            ProductTranslation.objects.create(product=product, locale=ru, title=ru_title)
        if en_title:
            ProductTranslation.objects.create(product=product, locale=en, title=en_title)
        return product

    make("Qarabağ xalçası", carpets, gunay, "300.00", ru_title="Карабахский ковёр", en_title="Karabakh carpet")
    make("İpək şərf", textiles, gunay, "60.00", ru_title="Шёлковый шарф", en_title="Silk scarf", materials="ipək")
    make("Göy dolça", pottery, hidden, "25.00", description="Əl ilə boyanmış saxsı dolça.")
    make("Üzüm səbəti", pottery, gunay, "40.00", stock=0, made_to_order=True, lead_time_days=10)
    make("Qaralama xalça", carpets, gunay, "10.00", status=ProductStatus.DRAFT)
    return {"gunay": gunay, "hidden": hidden, "carpets": carpets}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("xalcasi", ["Qarabağ xalçası"]),  # ç and ı typed as c and i
        ("XALÇASI", ["Qarabağ xalçası"]),  # upper case with the letters; I folds like ı
        ("qarabag", ["Qarabağ xalçası"]),  # ğ
        ("ipek", ["İpək şərf"]),  # İ and ə
        ("İPƏK", ["İpək şərf"]),
        ("serf", ["İpək şərf"]),  # ş
        ("goy", ["Göy dolça"]),  # ö
        ("BOYANMIŞ", ["Göy dolça"]),  # I/ı and ş in the description
        ("uzum", ["Üzüm səbəti"]),  # ü
        ("ковёр", ["Qarabağ xalçası"]),  # Russian translation, ё
        ("КОВЕР", ["Qarabağ xalçası"]),  # ... typed as е, upper case
        ("kover", ["Qarabağ xalçası"]),  # ... typed in Latin letters
        ("шелковый шарф", ["İpək şərf"]),
        ("silk scarf", ["İpək şərf"]),  # English translation, every word must match
        ("silk carpet", []),
        ("gunay serf", ["İpək şərf"]),  # the consented maker's display name
        ("Gizlinqız", []),  # a maker without name consent is not findable by name
        ("Xalçaçılıq", ["Qarabağ xalçası"]),  # the craft's name
        ("qaralama", []),  # a draft is never found
    ],
)
def test_whole_words_in_any_language_spelling_and_case(client, crafts_shop, q, expected):
    assert titles(search(client, q)) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [("xal", ["Qarabağ xalçası"]), ("ipək şə", ["İpək şərf"]), ("караб", ["Qarabağ xalçası"]), ("kara", [])],
)
def test_the_last_word_matches_as_a_prefix_while_typing(client, crafts_shop, q, expected):
    # "kara" is not how the Azerbaijani title starts ("qara..."), and the Russian one is only found in Cyrillic
    # or in its Latin spelling "karabaxskiy": a prefix of that finds it.
    expected = ["Qarabağ xalçası"] if q == "kara" else expected
    assert titles(search(client, q)) == expected


def test_search_keeps_the_filters_and_counts_with_plural_forms(client, crafts_shop, settings):
    response = search(client, "gunay", language="en", craft="pottery", availability="made_to_order")
    text = response.content.decode()
    assert titles(response) == ["Üzüm səbəti"]
    assert "1 result for «gunay»" in text
    assert 'name="q" value="gunay"' in text
    assert '<option value="pottery" selected>' in text
    assert "3 results for «gunay»" in search(client, "gunay", language="en").content.decode()
    settings.SHOP_CATALOGUE_PAGE_SIZE = 1
    text = search(client, "gunay", language="en", sort="price_asc").content.decode()
    assert 'href="?q=gunay&amp;sort=price_asc&amp;page=2" rel="next"' in text


def test_matched_words_are_marked_and_the_matching_text_is_shown(client, crafts_shop):
    text = search(client, "xalcasi").content.decode()
    assert "Qarabağ <mark>xalçası</mark>" in text
    assert "<mark>Karabakh</mark> carpet" in search(client, "karabakh", language="en").content.decode()
    text = search(client, "boyanmis", language="az").content.decode()
    assert '<p class="card__excerpt">Əl ilə <mark>boyanmış</mark> saxsı dolça.</p>' in text


def test_no_results_page_suggests_crafts(client, crafts_shop):
    text = search(client, "submarine", language="en").content.decode()
    assert "0 results for «submarine»" in text
    assert "Nothing found." in text
    assert "Check the spelling" in text
    assert '<a href="/en/shop/?craft=carpets"><span lang="az">Xalçaçılıq</span></a>' in text
    assert '<a href="/en/shop/?craft=textiles"><span lang="az">Tikiş</span></a>' in text


@pytest.mark.parametrize(
    "q",
    [
        "x" * 10_000,
        "xalça " * 2_000,
        "%%% !!! ... ---",
        "' OR 1=1; DROP TABLE shop_product; --",
        "xalca') OR ('1'='1",
        "a:* & !b | (c <-> d)",  # tsquery syntax is plain text too
        '<img src=x onerror="alert(1)">',
        "\\",
    ],
)
def test_bad_input_gives_a_normal_page(client, crafts_shop, q):
    response = search(client, q, language="en")
    text = response.content.decode()
    assert response.status_code == 200
    assert "<img src=x" not in text
    assert "results for «" in text or "result for «" in text
    assert Product.objects.count() == 5


def test_html_in_the_query_is_escaped_in_the_highlight(client, crafts_shop, product_factory):
    product_factory(title="<script>alert(1)</script> xalça", makers=[(crafts_shop["gunay"], Decimal("100"))])
    text = search(client, "<script>xalça", language="en").content.decode()
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; <mark>xalça</mark>" in text
    assert "<script>alert" not in text


def test_documents_follow_edits_translations_and_name_consent(client, crafts_shop):
    scarf = Product.objects.get(title="İpək şərf")
    scarf.title = "Yun şərf"
    scarf.save()
    assert titles(search(client, "yun")) == ["Yun şərf"]
    assert titles(search(client, "ipek")) == ["Yun şərf"]  # still in its materials

    ru = Locale.objects.get(language_code="ru")
    ProductTranslation.objects.filter(product=scarf, locale=ru).update(title="x")  # behind the signals' back ...
    translation = ProductTranslation.objects.get(product=scarf, locale=ru)
    translation.title = "Шерстяной шарф"
    translation.save()  # ... and through them
    assert titles(search(client, "шерстяной", language="ru")) == ["Шерстяной шарф"]
    translation.delete()
    assert titles(search(client, "шерстяной", language="ru")) == []

    consent_withdraw(maker=crafts_shop["gunay"], scope=ConsentRecord.Scope.NAME)
    assert titles(search(client, "gunay")) == []
    consent_record(maker=crafts_shop["hidden"], scope=ConsentRecord.Scope.NAME)
    assert titles(search(client, "gizlinqiz")) == ["Göy dolça"]


def test_publishing_and_unpublishing_change_what_is_found(client, crafts_shop):
    draft = Product.objects.get(title="Qaralama xalça")
    Product.objects.filter(pk=draft.pk).update(status=ProductStatus.PUBLISHED)  # what product_status_sync does
    assert titles(search(client, "qaralama")) == ["Qaralama xalça"]
    Product.objects.filter(pk=draft.pk).update(status=ProductStatus.ARCHIVED)
    assert titles(search(client, "qaralama")) == []


def test_rebuild_command_restores_lost_documents(client, crafts_shop):
    from django.core.management import call_command

    ProductSearchDocument.objects.all().delete()
    assert titles(search(client, "xalcasi")) == []
    call_command("rebuild_search", "--missing", verbosity=0)
    assert titles(search(client, "xalcasi")) == ["Qarabağ xalçası"]


def test_consented_stories_are_listed_with_the_items(client, crafts_shop, maker_factory):
    from tests.cms.stories import story_build

    consent_record(maker=crafts_shop["gunay"], scope=ConsentRecord.Scope.STORY)
    for slug, maker in (("told", crafts_shop["gunay"]), ("untold", maker_factory(consents=["name"]))):
        story = story_build([maker], title=f"Xalça toxuyan qız {slug}", slug=slug, summary="Hər səhər xalça.")
        story.save_revision().publish()  # refused for "untold": its maker has no story consent

    text = search(client, "xalça").content.decode()

    assert "<mark>Xalça</mark> toxuyan qız told" in text
    assert "untold" not in text  # no story consent, not listed
