"""Finance asks for every maker's monthly statement PDF; a background job renders them into the private storage,
the finance page lists them and hands them out to finance only."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from beneficiaries.ledger.services import ledger_credit_sale
from beneficiaries.ledger.statement_files import prepared_statement_open, prepared_statements
from beneficiaries.ledger.tasks import monthly_statements_prepare_job
from beneficiaries.models import CentreMembership

PREPARE = reverse("beneficiaries_money:statements_prepare")
PAGE = reverse("beneficiaries_money:prepared_statements")


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "p"}},
    }
    return tmp_path / "p"


@pytest.fixture
def sales(centre_factory, maker_factory, order_line_factory):
    """Two makers sold in March 2026; a third has never sold anything."""
    centre = centre_factory(name="Barda")
    aysel = maker_factory(centre=centre, public_display_name="Aysel", slug="aysel", language="en")
    sehla = maker_factory(centre=centre, public_display_name="Şəhla", slug="sehla", language="az")
    maker_factory(centre=centre, slug="nothing-yet")
    when = timezone.make_aware(datetime(2026, 3, 5, 12))
    for maker, amount in ((aysel, "40.00"), (sehla, "120.00")):
        line = order_line_factory(centre=centre)
        ledger_credit_sale(
            order_line_id=line.pk, parts=[(maker.pk, Decimal(amount))], currency="AZN", quantity=1, at=when
        )
    return centre


def english_admin(user):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    return user


@pytest.fixture
def finance(finance_user_factory, client):
    client.force_login(english_admin(finance_user_factory()))
    return client


@time_machine.travel(datetime(2026, 4, 10, 9, 0), tick=False)
def test_finance_prepares_last_months_statements_from_the_dashboard_and_downloads_them(sales, finance):
    dashboard = finance.get(reverse("beneficiaries_money:dashboard")).content.decode()
    assert "Prepare statements for March 2026" in dashboard
    assert 'name="month" value="2026-03"' in dashboard

    response = finance.post(PREPARE, {"month": "2026-03"}, follow=True)

    html = response.content.decode()
    assert "The statements for March 2026 are being prepared" in html
    assert "statement-aysel-2026-03.pdf" in html and "statement-sehla-2026-03.pdf" in html
    assert "nothing-yet" not in html
    download = finance.get(
        reverse("beneficiaries_money:prepared_statement", args=["2026-03", "statement-sehla-2026-03.pdf"])
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="statement-sehla-2026-03.pdf"'
    text = PdfReader(io.BytesIO(b"".join(download.streaming_content))).pages[0].extract_text()
    assert "Şəhla" in text and "120,00" in text


@time_machine.travel(datetime(2026, 4, 10, 9, 0), tick=False)
def test_preparing_a_month_again_replaces_its_files(sales, finance, private_storage):
    finance.post(PREPARE, {"month": "2026-03"})
    finance.post(PREPARE, {"month": "2026-03"})

    assert sorted(path.name for path in (private_storage / "statements" / "2026-03").iterdir()) == [
        "statement-aysel-2026-03.pdf",
        "statement-sehla-2026-03.pdf",
    ]


@time_machine.travel(datetime(2026, 5, 1, 3, 0), tick=False)
def test_the_monthly_beat_job_prepares_the_month_just_ended(sales, private_storage):
    assert monthly_statements_prepare_job.delay().get() == 2
    assert (private_storage / "statements" / "2026-04" / "statement-aysel-2026-04.pdf").read_bytes()[:4] == b"%PDF"
    assert [prepared.month for prepared in prepared_statements()] == [date(2026, 4, 1)]


@time_machine.travel(datetime(2026, 4, 10, 9, 0), tick=False)
@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2026-13", "Choose a month."),
        ("next month", "Choose a month."),
        ("2026-05", "Statements can only be prepared for a month that has begun."),
    ],
)
def test_a_bad_month_gets_a_clear_message(sales, finance, private_storage, month, message):
    response = finance.post(PREPARE, {"month": month})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not (private_storage / "statements").exists()


@pytest.mark.parametrize("name", ["..statement-aysel-2026-03.pdf", "statement-x-2026-03.pdf", "notes.txt"])
def test_only_prepared_files_can_be_downloaded(sales, finance, name):
    finance.post(PREPARE, {"month": "2026-03"})
    response = finance.get(PAGE + f"2026-03/{name}")
    assert response.status_code == 404


def test_no_path_leads_out_of_the_statements_folder(sales, finance, private_storage):
    (private_storage / "secret.pdf").parent.mkdir(parents=True, exist_ok=True)
    (private_storage / "secret.pdf").write_bytes(b"%PDF consent form")
    for month, name in (("2026-03", "../../secret.pdf"), ("..", "secret.pdf"), ("2026-03/..", "secret.pdf")):
        with pytest.raises(FileNotFoundError):
            prepared_statement_open(month=month, name=name)


@time_machine.travel(datetime(2026, 4, 10, 9, 0), tick=False)
def test_a_centre_lead_may_not_prepare_or_download_statements(sales, finance, user_factory, client):
    finance.post(PREPARE, {"month": "2026-03"})
    lead = user_factory()
    CentreMembership.objects.create(user=lead, centre=sales, role=CentreMembership.Role.LEAD)
    lead.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(english_admin(lead))

    assert "Prepare statements" not in client.get(reverse("beneficiaries_money:dashboard")).content.decode()
    assert client.get(PAGE).status_code == 403
    assert client.post(PREPARE, {"month": "2026-03"}).status_code == 403
    url = reverse("beneficiaries_money:prepared_statement", args=["2026-03", "statement-aysel-2026-03.pdf"])
    response = client.get(url)
    assert response.status_code == 403
    assert b"%PDF" not in response.content
