"""About, contact, delivery and returns, privacy and terms: as the demo loader creates them, in az, ru and en,
linked from every page's footer and from checkout in the buyer's language."""

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from cms.models import HomePage, InformationPage
from demo import pages as demo_pages

LANGUAGES = ("az", "ru", "en")
SLUGS = {purpose: slug for purpose, slug, _texts in demo_pages.INFORMATION}
TEXTS = {purpose: texts for purpose, _slug, texts in demo_pages.INFORMATION}


@pytest.fixture
def information_pages(db):
    locales = demo_pages.locales_ensure()
    home = HomePage.objects.get(locale=locales["az"])
    created = demo_pages.information_pages_ensure(home, locales)
    assert created == 15  # five pages, three languages
    return home


def footer(html: str) -> str:
    return re.search(r'<footer class="site-footer">(.*?)</footer>', html, re.S).group(1)


def links(html: str) -> dict[str, str]:
    """{link text: href} of the anchors in `html`."""
    return {text.strip(): href for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', html)}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("purpose", list(InformationPage.Purpose))
def test_each_information_page_renders_in_its_language_with_the_footer_links(
    client, information_pages, language, purpose
):
    response = client.get(f"/{language}/{SLUGS[purpose]}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f"<h1>{TEXTS[purpose][language]['title']}</h1>" in html
    footer_links = links(footer(html))
    for other, slug in SLUGS.items():
        assert footer_links[TEXTS[other][language]["title"]] == f"/{language}/{slug}/"
    assert f'href="/{language}/{SLUGS[purpose]}/" aria-current="page"' in footer(html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_footer_links_the_pages_in_the_buyers_language(client, information_pages, language):
    footer_links = links(footer(client.get(f"/{language}/").content.decode()))
    assert footer_links[TEXTS["privacy"][language]["title"]] == f"/{language}/privacy/"
    assert not [href for href in footer_links.values() if href.startswith("/") and not href.startswith(f"/{language}/")]


def test_contact_page_gives_each_centre_a_tappable_phone_and_its_hours(client, information_pages):
    html = client.get("/en/contact/").content.decode()
    assert html.count('class="centre-contact"') == 3
    assert '<a href="tel:+994125550123">+994 12 555 01 23</a>' in html
    assert "<dt>Saturday</dt><dd>10:00–15:00</dd>" in html
    assert "Nəsimi rayonu, Səməd Vurğun küçəsi 34, Bakı AZ1022" in html
    az = client.get("/az/contact/").content.decode()
    assert "<dt>Bazar</dt><dd>Bağlıdır</dd>" in az
    assert "<dt>Ünvan</dt>" in az and "İş saatları" in az  # the card's own labels are translated too


def test_privacy_page_says_what_is_kept_and_that_no_diagnosis_is(client, information_pages):
    text = client.get("/en/privacy/").content.decode()
    assert "There are no accounts" in text
    assert "never store a diagnosis" in text
    assert "Order details are kept for 5 years" in text
    assert "recorded consent of the maker or their" in text


def test_delivery_page_promises_courier_post_and_fourteen_day_returns(client, information_pages):
    text = client.get("/ru/delivery-and-returns/").content.decode()
    assert "курьер" in text and "Азерпочтой" in text
    assert "в течение 14 дней" in text


def test_an_unpublished_page_leaves_the_footer_at_once(client, information_pages):
    assert "/en/terms/" in footer(client.get("/en/").content.decode())  # now cached
    InformationPage.objects.get(purpose="terms", locale__language_code="en").unpublish()
    assert "/en/terms/" not in footer(client.get("/en/").content.decode())
    assert "/ru/terms/" in footer(client.get("/ru/").content.decode())


def test_a_second_page_with_the_same_purpose_in_a_language_is_refused(information_pages):
    page = InformationPage(
        title="Another privacy page", slug="privacy-2", purpose="privacy", locale=Locale.objects.get(language_code="en")
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "purpose" in error.value.message_dict


def test_loading_the_pages_again_creates_nothing(information_pages):
    locales = demo_pages.locales_ensure()
    assert demo_pages.information_pages_ensure(information_pages, locales) == 0
    assert InformationPage.objects.count() == 15


@pytest.mark.parametrize("language", LANGUAGES)
def test_checkout_links_delivery_privacy_and_terms_near_the_pay_button(
    client, information_pages, product_factory, centre_factory, maker_factory, language
):
    centre = centre_factory(courier_fee=Decimal("5.00"))
    product = product_factory(stock=3, centre=centre, makers=[(maker_factory(centre=centre), Decimal("100"))])
    with translation.override(language):
        client.post(reverse("shop:cart_add", args=[product.pk]), {"quantity": 1})
        html = client.get(reverse("shop:checkout")).content.decode()
    policies = re.search(r'<div class="checkout__policies">(.*?)</div>', html, re.S).group(1)
    policy_links = re.findall(r'<a href="([^"]+)" target="_blank" rel="noopener">([^<]+)</a>', policies)
    assert policy_links == [
        (f"/{language}/{SLUGS[purpose]}/", TEXTS[purpose][language]["title"])
        for purpose in ("delivery", "privacy", "terms")
    ]
    # Near the pay button: the list comes right before it in the form.
    assert html.index('class="checkout__policies"') < html.index('<button type="submit"')


def test_an_editor_adding_a_second_privacy_page_gets_a_message_not_an_error(  # the factory's staff read English
    client, information_pages, user_factory
):
    client.force_login(user_factory(is_superuser=True, is_staff=True))
    home_en = HomePage.objects.get(locale__language_code="en")
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "informationpage", home_en.pk])
    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        {"title": "Privacy again", "slug": "privacy-again", "purpose": "privacy", "intro": "", "body-count": "0"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This language already has a page for “Privacy”." in html, re.findall(
        r'class="error-message"[^>]*>(.*?)<', html, re.S
    )
    assert InformationPage.objects.filter(locale__language_code="en", purpose="privacy").count() == 1
