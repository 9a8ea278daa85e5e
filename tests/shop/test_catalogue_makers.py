"""A maker's public profile: only with name consent, photo only with photo consent, their public work."""

import re
from decimal import Decimal

import pytest

from beneficiaries.models import ConsentRecord
from beneficiaries.services import consent_withdraw
from shop.models import ProductStatus


@pytest.fixture
def maker(maker_factory, centre_factory, image_factory):
    centre = centre_factory(name="Barda centre")
    return maker_factory(
        public_display_name="Nigar",
        slug="nigar",
        public_bio="Weaves small rugs with her mother.",
        centre=centre,
        photo=image_factory(),
        consents=[ConsentRecord.Scope.NAME, ConsentRecord.Scope.PHOTO],
    )


def profile(client, slug="nigar", language="en", **params):
    return client.get(f"/{language}/shop/makers/{slug}/", params)


def test_profile_shows_name_bio_centre_and_consented_photo(client, maker):
    response = profile(client)
    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Nigar</h1>" in text
    assert "Weaves small rugs with her mother." in text
    assert 'Maker at <span lang="az">Barda centre</span>' in text  # the centre has no English name yet
    assert re.search(r'<img alt="Portrait of Nigar"[^>]*\.webp', text)
    assert "<title>Nigar, maker at Barda centre" in text


def test_no_photo_without_photo_consent(client, maker):
    ConsentRecord.objects.filter(maker=maker, scope=ConsentRecord.Scope.PHOTO).delete()
    text = profile(client).content.decode()
    assert "<h1>Nigar</h1>" in text
    assert "Portrait of" not in text
    assert "maker__photo" not in text


def test_photo_disappears_when_photo_consent_is_withdrawn(client, maker):
    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.PHOTO)
    assert "Portrait of" not in profile(client).content.decode()


def test_not_found_without_name_consent_or_when_inactive(client, maker, maker_factory):
    assert profile(client, slug=maker_factory(slug="anon", consents=[]).slug).status_code == 404
    assert profile(client, slug=maker_factory(slug="gone", is_active=False).slug).status_code == 404
    assert profile(client, slug="nobody").status_code == 404
    consent_withdraw(maker=maker, scope=ConsentRecord.Scope.NAME)
    assert profile(client).status_code == 404


def test_lists_only_their_public_products_paginated(client, maker, product_factory, settings):
    settings.SHOP_CATALOGUE_PAGE_SIZE = 2
    for index in range(3):
        product_factory(title=f"Rug {index}", centre=maker.centre, makers=[(maker, Decimal("100"))])
    product_factory(title="Draft rug", status=ProductStatus.DRAFT, makers=[(maker, Decimal("100"))])
    product_factory(title="Other maker's rug")
    first = profile(client).content.decode()
    last = profile(client, page="99").content.decode()
    titles = re.findall(r'class="card__title"><a href="[^"]+">(?:<span lang="az">)?([^<]+)', first + last)
    assert titles == ["Rug 2", "Rug 1", "Rug 0"]
    assert 'href="?page=2" rel="next"' in first
    assert profile(client, page="-3").status_code == 200


def test_profile_in_each_language(client, maker):
    assert 'Мастер центра <span lang="az">Barda centre</span>' in profile(client, language="ru").content.decode()
    assert "Usta, Barda centre" in profile(client, language="az").content.decode()
