"""Bulk import: an instructor uploads a CSV or XLSX of their centre's products, reads a dry run that shows each
row and why a row is refused, then imports every row as a draft in review, or nothing."""

import io
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from shop.models import Product, ProductStatus

URL = "/admin/products/import/"
HEADER = (
    "title_az,description_az,title_ru,description_ru,title_en,description_en,craft,price,stock,"
    "made_to_order,lead_time_days,materials,dimensions,care,makers"
)


@pytest.fixture
def baku(centre_factory, maker_factory, craft_factory, centre_member):
    centre = centre_factory(name="Bakı", slug="baku")
    return {
        "centre": centre,
        "instructor": centre_member(centre, username="instructor"),
        "lead": centre_member(centre, role="Centre lead", username="lead"),
        "aysel": maker_factory(centre=centre, slug="aysel", public_display_name="Aysel"),
        "nigar": maker_factory(centre=centre, slug="nigar", public_display_name="Nigar"),
        "craft": craft_factory(name="Dulusçuluq", slug="pottery"),
    }


@pytest.fixture
def barda(centre_factory, maker_factory, centre_member):
    centre = centre_factory(name="Bərdə", slug="barda")
    return {
        "centre": centre,
        "instructor": centre_member(centre, username="barda-instructor"),
        "leyla": maker_factory(centre=centre, slug="leyla", public_display_name="Leyla"),
    }


VALID = (
    'Mavi kasa,Dulus çarxında düzəldilib.,Синяя чаша,Сделана на гончарном круге.,Blue bowl,,pottery,"45,50",3,'
    'no,,gil,12 x 12 cm,Əllə yuyun,"aysel:60; nigar:40"\n'
    "Qırmızı küp,,Красный кувшин,,,,Dulusçuluq,30,0,bəli,14,,,,aysel\n"
)


def csv_file(body: str, *, name="products.csv", bom=False, header=HEADER) -> SimpleUploadedFile:
    data = (header + "\n" + body).encode("utf-8")
    return SimpleUploadedFile(name, (b"\xef\xbb\xbf" if bom else b"") + data, content_type="text/csv")


def dry_run(client, centre, upload):
    return client.post(URL, {"centre": centre.pk, "file": upload})


def import_token(response) -> str:
    token = response.context["token"]
    assert token and f'value="{token}"' in response.content.decode()
    return token


def test_a_valid_csv_creates_drafts_in_review_with_translations_and_shares(client, baku):
    client.force_login(baku["instructor"])
    assert "Import products" in client.get(reverse("wagtailadmin_home")).content.decode()  # the menu item

    response = dry_run(client, baku["centre"], csv_file(VALID))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dry run for Bakı" in page and "2 products would be created" in page
    assert "Mavi kasa" in page and "Синяя чаша" in page and "Aysel (60 %)" in page
    assert '<th scope="col">Row</th>' in page and '<th scope="row">2</th>' in page
    assert not Product.objects.exists()  # the dry run saves nothing

    response = client.post(URL, {"token": import_token(response)}, follow=True)
    assert "2 products of Bakı were created as drafts and submitted for review" in response.content.decode()
    bowl, jug = Product.objects.get(title="Mavi kasa"), Product.objects.get(title="Qırmızı küp")
    for product in (bowl, jug):
        assert product.centre == baku["centre"] and not product.live
        assert product.status == ProductStatus.IN_REVIEW and product.workflow_in_progress
    assert bowl.price == Decimal("45.50") and bowl.stock == 3 and bowl.care == "Əllə yuyun"
    assert {(s.maker.slug, s.share_percent) for s in bowl.maker_shares.all()} == {
        ("aysel", Decimal("60")),
        ("nigar", Decimal("40")),
    }
    assert {(t.locale.language_code, t.title) for t in bowl.translations.all()} == {
        ("ru", "Синяя чаша"),
        ("en", "Blue bowl"),
    }
    assert jug.made_to_order and jug.lead_time_days == 14 and jug.craft == baku["craft"]
    assert [(s.maker.slug, s.share_percent) for s in jug.maker_shares.all()] == [("aysel", Decimal("100"))]

    # The token is spent: posting it again imports nothing more.
    client.post(URL, {"token": import_token(dry_run(client, baku["centre"], csv_file(VALID)))})
    assert Product.objects.count() == 4
    assert client.post(URL, {"token": "anything"}).status_code == 400
    assert Product.objects.count() == 4


def test_a_lead_imports_into_their_centre_and_others_are_refused(client, baku, user_factory):
    client.force_login(baku["lead"])
    response = dry_run(client, baku["centre"], csv_file(VALID))
    client.post(URL, {"token": import_token(response)})
    assert Product.objects.filter(centre=baku["centre"]).count() == 2

    from django.contrib.auth.models import Group

    editor = user_factory(username="editor")  # an editor works for no one centre: nothing to import into
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"centre": baku["centre"].pk, "file": csv_file(VALID)}).status_code == 403
    assert "Import products" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_each_refusal_shows_its_row_number_and_nothing_is_created(client, baku, barda, maker_factory):
    client.force_login(baku["instructor"])
    body = (
        "Kasa 1,,,,,,pottery,10,1,,,,,,ghost\n"  # row 2
        "Kasa 2,,,,,,pottery,10,1,,,,,,leyla\n"  # row 3: a maker of a centre not theirs is unknown
        "Kasa 3,,,,,,pottery,10,1,,,,,,aysel:50; nigar:30\n"  # row 4
        "Kasa 4,,,,,,pottery,-5,1,,,,,,aysel\n"  # row 5
        "Kasa 5,,,,,,pottery,pulsuz,1,,,,,,aysel\n"  # row 6
        "Kasa 6,,,,,,weaving,10,1,,,,,,aysel\n"  # row 7
        ",,Чаша,,,,pottery,10,1,,,,,,aysel\n"  # row 8
        "Kasa 8,,,,,,pottery,10,0,yes,,,,,aysel\n"  # row 9
        "Kasa 9,,,,,,pottery,10,1,,,,,,nigar\n"  # row 10
        "Kasa 9,,,,,,pottery,10,1,,,,,,nigar\n"  # row 11
    )
    response = dry_run(client, baku["centre"], csv_file(body))
    page = response.content.decode()
    assert "9 rows are refused, so nothing can be imported" in page
    expected = {
        2: "Unknown maker “ghost”",
        3: "Unknown maker “leyla”",
        4: "shares must add up to exactly 100.00 %; they add up to 80.00 %",
        5: "The price “-5” is not a positive amount",
        6: "The price “pulsuz” is not a positive amount",
        7: "Unknown craft “weaving”",
        8: "The Azerbaijani title (title_az) is missing",
        9: "A made-to-order item needs a lead time",
        11: "The same as row 10",
    }
    summary = re.findall(r'<li><a href="#row-(\d+)">Row \1</a>: ([^<]*)</li>', page)
    for number, reason in expected.items():
        assert any(int(row) == number and reason in text for row, text in summary), (number, reason)
    assert response.context["token"] is None and 'name="token"' not in page
    assert not Product.objects.exists()


def test_a_maker_of_the_leads_other_centre_is_named_as_such(client, baku, barda, centre_member):
    from beneficiaries.models import CentreMembership

    CentreMembership.objects.create(user=baku["lead"], centre=barda["centre"], role=CentreMembership.Role.LEAD)
    client.force_login(baku["lead"])
    page = dry_run(client, baku["centre"], csv_file("Kasa,,,,,,pottery,10,1,,,,,,leyla\n")).content.decode()
    assert "Every maker must belong to the product&#x27;s centre (Bakı): Leyla." in page
    assert not Product.objects.exists()


def test_an_instructor_cannot_choose_a_centre_not_theirs(client, baku, barda):
    client.force_login(barda["instructor"])
    response = dry_run(client, baku["centre"], csv_file("Kasa,,,,,,pottery,10,1,,,,,,aysel\n"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert 'name="token"' not in response.content.decode()
    assert not Product.objects.exists()


def test_xlsx_works(client, baku):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["Xalça", "", "Ковёр", "", "", "", "pottery", 120.5, 2, None, None, "yun", "", "", "nigar"])
    data = io.BytesIO()
    book.save(data)
    client.force_login(baku["instructor"])
    upload = SimpleUploadedFile("xalca.xlsx", data.getvalue())
    client.post(URL, {"token": import_token(dry_run(client, baku["centre"], upload))})
    rug = Product.objects.get(title="Xalça")
    assert rug.price == Decimal("120.50") and rug.stock == 2 and rug.status == ProductStatus.IN_REVIEW
    assert rug.translations.get().title == "Ковёр"


def test_a_csv_with_bom_and_semicolons_works(client, baku):
    client.force_login(baku["instructor"])
    header = HEADER.replace(",", ";")
    upload = csv_file('Boşqab;;Тарелка;;;;pottery;"12,00";1;;;;;;aysel\n', bom=True, header=header)
    response = dry_run(client, baku["centre"], upload)
    client.post(URL, {"token": import_token(response)})
    assert Product.objects.get(title="Boşqab").translations.get().title == "Тарелка"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("big.csv", HEADER.encode() + b"\n" + b"x" * (2 * 1024 * 1024)), "larger than 2 MB"),
        (csv_file("Kasa,,,,,,pottery,10,1,,,,,,aysel\n" * 1001), "more than 1000 products"),
        (SimpleUploadedFile("photo.csv", b"\x89PNG\r\n\x1a\n\xff\xfe\x00garbage"), "not a UTF-8 CSV file"),
        (SimpleUploadedFile("fake.xlsx", b"PK\x03\x04 not really a zip"), "not a readable Excel"),
        (SimpleUploadedFile("notes.txt", b"hello"), "Upload a CSV (.csv) or Excel (.xlsx) file"),
        (csv_file("", header="name,price"), "missing: title_az, craft, makers"),
    ],
)
def test_unusable_files_give_a_form_error(client, baku, upload, message):
    client.force_login(baku["instructor"])
    response = dry_run(client, baku["centre"], upload)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'role="alert"' in page and message in page
    assert '<label for="id_file">CSV or Excel file</label>' in page
    assert not Product.objects.exists()


def test_a_tampered_import_without_a_dry_run_creates_nothing(client, baku):
    client.force_login(baku["instructor"])
    response = client.post(URL, {"token": "forged", "centre": baku["centre"].pk, "file": csv_file(VALID)})
    assert response.status_code == 400
    assert "Nothing to import: upload the file and check the dry run first." in response.content.decode()
    assert not Product.objects.exists()


def test_rows_are_checked_again_at_import(client, baku):
    client.force_login(baku["instructor"])
    token = import_token(dry_run(client, baku["centre"], csv_file(VALID)))
    baku["nigar"].slug = "nigar-renamed"
    baku["nigar"].save()
    response = client.post(URL, {"token": token})
    assert response.status_code == 400
    assert "Unknown maker “nigar”" in response.content.decode()
    assert not Product.objects.exists()


def test_an_xlsx_that_unpacks_too_far_is_refused(client, baku):
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * (60 * 1024 * 1024))
    client.force_login(baku["instructor"])
    response = dry_run(client, baku["centre"], SimpleUploadedFile("bomb.xlsx", data.getvalue()))
    assert response.status_code == 400 and "unpacks to more than 50 MB" in response.content.decode()
