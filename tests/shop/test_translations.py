"""Three languages: ru/en names and texts where they exist, the Azerbaijani text marked lang="az" where they do
not, the instructor's translation editor, the catalogue check, and an unknown language prefix."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from scripts.check_translations import main as check_translations
from shop.models import ProductTranslation


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


@pytest.fixture
def pottery(craft_factory, centre_factory, product_factory):
    craft = craft_factory(name="Dulusçuluq", name_ru="Гончарное дело", name_en="Pottery", slug="pottery")
    centre = centre_factory(name="Bərdə mərkəzi", name_ru="Центр в Барде", slug="barda", city="Bərdə")
    return product_factory(title="Gil kasa", description="Əl ilə.", craft=craft, centre=centre, stock=2)


def test_a_product_without_russian_text_shows_the_azerbaijani_text_marked_as_such(client, pottery):
    body = client.get(f"/ru/shop/p/{pottery.slug}/").content.decode()
    assert '<h1><span lang="az">Gil kasa</span></h1>' in body
    assert '<div lang="az"><p>Əl ilə.</p></div>' in body
    # Craft and centre have Russian names; the city has none, so it falls back, marked.
    assert "Гончарное дело" in body and "Центр в Барде" in body and "Dulusçuluq" not in body
    assert '<span lang="az">Bərdə</span>' in body


def test_a_translated_product_and_names_show_without_a_fallback_mark(client, pottery):
    ProductTranslation.objects.create(product=pottery, locale=locale("en"), title="Clay bowl", description="By hand.")
    body = client.get(f"/en/shop/p/{pottery.slug}/").content.decode()
    assert "<h1>Clay bowl</h1>" in body and "<p>By hand.</p>" in body
    assert "Pottery" in body and '<span lang="az">Bərdə mərkəzi</span>' in body  # no English centre name yet
    catalogue = client.get("/en/shop/").content.decode()
    assert "Clay bowl" in catalogue and "Pottery" in catalogue
    assert "Gil kasa" not in client.get("/en/shop/").content.decode()
    assert "Gil kasa" in client.get("/az/shop/").content.decode()


def test_a_maker_bio_falls_back_to_azerbaijani_as_a_marked_block(client, maker_factory):
    from beneficiaries.models import ConsentRecord
    from beneficiaries.services import consent_record

    maker = maker_factory(public_bio="Xalça toxuyur.", public_bio_en="Weaves carpets.")
    consent_record(maker=maker, scope=ConsentRecord.Scope.NAME)
    assert "Weaves carpets." in client.get(f"/en/shop/makers/{maker.slug}/").content.decode()
    ru = client.get(f"/ru/shop/makers/{maker.slug}/").content.decode()
    assert '<div class="maker__bio" lang="az"><p>Xalça toxuyur.</p></div>' in ru


def test_an_unknown_language_prefix_is_a_404_page_not_a_500(client, pottery):
    # Django sends a path without a known language to the default language's copy of it, which does not exist.
    for path in ("/de/shop/", f"/de/shop/p/{pottery.slug}/", "/xx/"):
        response = client.get(path, follow=True)
        assert response.status_code == 404, path
        assert '<html lang="az">' in response.content.decode()


@pytest.fixture
def instructor_product(centre_factory, maker_factory, product_factory, centre_member):
    centre = centre_factory(name="Bakı", slug="baku")
    maker = maker_factory(centre=centre)
    product = product_factory(
        centre=centre, title="Qoz qutu", care="Quru parça ilə silin.", makers=[(maker, Decimal("100"))]
    )
    return product, centre_member(centre, username="instructor-baku")


def test_the_instructor_sees_what_is_missing_and_adds_a_russian_translation(client, instructor_product):
    product, instructor = instructor_product
    client.force_login(instructor)
    listing = client.get(reverse("wagtailsnippets_shop_product:list")).content.decode()
    assert "Missing translations" in listing and "Russian, English" in listing
    url = reverse("wagtailsnippets_shop_product:edit", args=[product.pk])
    editor = client.get(url).content.decode()
    assert "Missing, so buyers see the Azerbaijani text instead:" in editor
    share = product.maker_shares.get()
    data = nested_form_data(
        {
            "title": product.title,
            "slug": product.slug,
            "craft": product.craft_id,
            "centre": product.centre_id,
            "description": product.description,
            "care": product.care,
            "price": "25.00",
            "currency": "AZN",
            "stock": "2",
            "photos": inline_formset([]),
            "maker_shares": inline_formset(
                [{"id": share.pk, "maker": share.maker_id, "share_percent": "100"}], initial=1
            ),
            "translations": inline_formset(
                [{"locale": locale("ru").pk, "title": "Ореховая шкатулка", "care": "Протирать сухой тканью."}]
            ),
        }
    )
    assert client.post(url, data).status_code == 302
    product.refresh_from_db()
    draft = product.get_latest_revision_as_object()
    assert [(t.locale.language_code, t.title) for t in draft.translations.all()] == [("ru", "Ореховая шкатулка")]
    editor = client.get(url).content.decode()
    assert "Missing, so buyers see the Azerbaijani text instead:" in editor
    # Title and care are now in Russian; only the description is left, and all of English.
    assert "<li><strong>Russian</strong>: description</li>" in editor
    assert "<li><strong>English</strong>: title, description, care notes</li>" in editor


PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def write_po(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "ru" / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    path.write_text(PO_HEADER + body, encoding="utf-8")
    return path


def test_the_catalogue_check_fails_on_an_empty_message(tmp_path, capsys):
    path = write_po(tmp_path, 'msgid "Cart"\nmsgstr "Корзина"\n\nmsgid "Checkout"\nmsgstr ""\n')
    assert check_translations([str(path)]) == 1
    assert "untranslated: 'Checkout'" in capsys.readouterr().out


def test_the_catalogue_check_fails_on_a_fuzzy_message(tmp_path, capsys):
    path = write_po(tmp_path, '#, fuzzy\nmsgid "Checkout"\nmsgstr "Корзина"\n')
    assert check_translations([str(path)]) == 1
    assert "fuzzy: 'Checkout'" in capsys.readouterr().out


def test_the_catalogue_check_passes_a_complete_catalogue(tmp_path):
    path = write_po(tmp_path, 'msgid "Cart"\nmsgstr "Корзина"\n')
    assert check_translations([str(path)]) == 0


def test_the_missing_translations_page_lists_only_the_instructors_centre(
    client, instructor_product, product_factory, centre_factory
):
    product, instructor = instructor_product
    other = product_factory(centre=centre_factory(name="Bərdə", slug="barda"), title="Başqa mərkəzin xalçası")
    ProductTranslation.objects.create(product=other, locale=locale("ru"), title="Ковёр")
    client.force_login(instructor)
    body = client.get(reverse("shop_missing_translations")).content.decode()
    assert product.title in body and other.title not in body
    assert "Russian" in body and "English" in body
    assert client.get(reverse("shop_missing_translations")).status_code == 200


def test_the_missing_translations_page_is_refused_to_a_buyer(client, user_factory):
    client.force_login(user_factory())
    assert client.get(reverse("shop_missing_translations")).status_code in (302, 403)
