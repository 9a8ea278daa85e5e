"""The finance pages: who may see what, the dashboard and its exports, payouts with four eyes, statements."""

import csv
import io
from datetime import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from beneficiaries.ledger.models import Payout
from beneficiaries.ledger.selectors import maker_balance, maker_statement, statement_period
from beneficiaries.ledger.services import ledger_credit_sale, ledger_debit_refund, payout_record
from beneficiaries.models import CentreMembership

D = Decimal


def admin_user(user_factory, centre=None, role=None):
    user = user_factory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    if centre is not None:
        CentreMembership.objects.create(user=user, centre=centre, role=role)
    return user


@pytest.fixture
def world(centre_factory, maker_factory, order_line_factory, refund_line_factory, user_factory, finance_user_factory):
    centre_a, centre_b = centre_factory(name="Baku"), centre_factory(name="Barda")
    maker_a = maker_factory(centre=centre_a, public_display_name="Aysel")
    maker_b = maker_factory(centre=centre_b, public_display_name="Şəhla Qəhrəmanova", language="az")
    line = order_line_factory(centre=centre_b, title="Xalça «Güllü»", quantity=2, unit_price=D("150.00"))
    when = timezone.make_aware(datetime(2026, 3, 5, 12))
    ledger_credit_sale(order_line_id=line.pk, parts=[(maker_b.pk, D("240.00"))], currency="AZN", quantity=2, at=when)
    refund = refund_line_factory(line=line, quantity=1)
    ledger_debit_refund(
        refund_line_id=refund.pk,
        order_line_id=line.pk,
        quantity=1,
        line_quantity=2,
        currency="AZN",
        at=timezone.make_aware(datetime(2026, 3, 20, 12)),
    )
    line_a = order_line_factory(centre=centre_a)
    ledger_credit_sale(order_line_id=line_a.pk, parts=[(maker_a.pk, D("20.00"))], currency="AZN", quantity=1)
    finance, second_finance = finance_user_factory(), finance_user_factory()
    payout = payout_record(
        maker=maker_b,
        amount=D("50.00"),
        payee_kind=Payout.PayeeKind.GUARDIAN,
        payee_name="Leyla Qəhrəmanova",
        method=Payout.Method.CASH,
        reference="Q-17",
        created_by=finance,
    )
    return {
        "maker_a": maker_a,
        "maker_b": maker_b,
        "payout": payout,
        "finance": finance,
        "second_finance": second_finance,
        "lead_a": admin_user(user_factory, centre_a, CentreMembership.Role.LEAD),
        "lead_b": admin_user(user_factory, centre_b, CentreMembership.Role.LEAD),
        "instructor": admin_user(user_factory, centre_b, CentreMembership.Role.INSTRUCTOR),
        "editor": admin_user(user_factory),
    }


STATEMENT = "?period=year&year=2026"


def money_urls(world):
    b, payout = world["maker_b"].pk, world["payout"].pk
    return {
        "dashboard": reverse("beneficiaries_money:dashboard"),
        "dashboard_results": reverse("beneficiaries_money:dashboard_results"),
        "maker": reverse("beneficiaries_money:maker", args=[b]),
        "payout_new": reverse("beneficiaries_money:payout_new", args=[b]),
        "adjustment_new": reverse("beneficiaries_money:adjustment_new", args=[b]),
        "statement": reverse("beneficiaries_money:statement", args=[b]) + STATEMENT,
        "statement_csv": reverse("beneficiaries_money:statement_csv", args=[b]) + STATEMENT,
        "statement_pdf": reverse("beneficiaries_money:statement_pdf", args=[b]) + STATEMENT,
        "payouts": reverse("beneficiaries_money:payouts"),
        "payout": reverse("beneficiaries_money:payout", args=[payout]),
        "payout_reverse": reverse("beneficiaries_money:payout_reverse", args=[payout]),
        "centre": reverse("beneficiaries_money:centre", args=[world["maker_b"].centre_id]),
    }


# Maker B and the payout belong to centre B. Lead A may open the lists (scoped to A) but nothing of B's.
EXPECTED = {
    "finance": dict.fromkeys(
        [
            "dashboard",
            "dashboard_results",
            "maker",
            "payout_new",
            "adjustment_new",
            "statement",
            "statement_csv",
            "statement_pdf",
            "payouts",
            "payout",
            "payout_reverse",
            "centre",
        ],
        200,
    ),
    "lead_b": {
        **dict.fromkeys(["dashboard", "dashboard_results", "maker", "statement", "statement_csv"], 200),
        **dict.fromkeys(["statement_pdf", "payouts", "payout", "centre"], 200),
        **dict.fromkeys(["payout_new", "adjustment_new", "payout_reverse"], 403),
    },
    "lead_a": {
        **dict.fromkeys(["dashboard", "dashboard_results", "payouts"], 200),
        **dict.fromkeys(
            [
                "maker",
                "payout_new",
                "adjustment_new",
                "statement",
                "statement_csv",
                "statement_pdf",
                "payout",
                "payout_reverse",
            ],
            403,
        ),
        "centre": 403,
    },
    "instructor": None,
    "editor": None,
}


@pytest.mark.parametrize("role", list(EXPECTED))
def test_every_money_url_answers_each_role_as_expected(role, world, client):
    client.force_login(world[role])
    urls = money_urls(world)
    expected = EXPECTED[role] or dict.fromkeys(urls, 403)
    assert set(expected) == set(urls)
    got = {name: client.get(url).status_code for name, url in urls.items()}
    assert got == expected
    # Finance recorded this payout, so it may not approve it either; nobody else may approve at all.
    approve = client.post(reverse("beneficiaries_money:payout_approve", args=[world["payout"].pk]))
    assert approve.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in_from_every_money_url(world, client):
    for url in money_urls(world).values():
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_lead_sees_only_their_centres_makers_on_the_dashboard(world, client):
    client.force_login(world["lead_a"])
    body = client.get(reverse("beneficiaries_money:dashboard")).content.decode()
    assert "Aysel" in body and "Şəhla" not in body


def test_dashboard_lists_balances_sorted_by_amount_owed_and_exports(world, client):
    client.force_login(world["finance"])
    response = client.get(reverse("beneficiaries_money:dashboard") + "?ordering=-owed")
    body = response.content.decode()
    assert body.index("Şəhla") < body.index("Aysel")  # 70.00 owed before 20.00
    exported = client.get(reverse("beneficiaries_money:dashboard") + "?export=csv&ordering=-owed")
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert len(rows[0]) == 7  # maker, centre, owed, pending, this month, this year, last payout
    assert [(r[0], D(r[2])) for r in rows[1:]] == [("Şəhla Qəhrəmanova", D("70.00")), ("Aysel", D("20.00"))]
    filtered = client.get(reverse("beneficiaries_money:dashboard") + f"?centre={world['maker_a'].centre_id}&export=csv")
    assert [r[0] for r in csv.reader(io.StringIO(b"".join(filtered.streaming_content).decode()))][1:] == ["Aysel"]
    assert "export=xlsx" in body and "export=csv" in body  # Wagtail's export buttons
    xlsx = client.get(reverse("beneficiaries_money:dashboard") + "?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_recording_a_payout_shows_errors_and_refuses_more_than_the_balance(world, client):
    client.force_login(world["finance"])
    url = reverse("beneficiaries_money:payout_new", args=[world["maker_b"].pk])
    empty = client.post(url, {})
    assert empty.status_code == 400
    body = empty.content.decode()
    assert 'role="alert"' in body and 'href="#id_amount"' in body and '<label for="id_reference"' in body
    too_much = client.post(
        url,
        {"amount": "70.01", "payee_kind": "maker", "payee_name": "Şəhla", "method": "cash", "reference": "Q-18"},
    )
    assert too_much.status_code == 400 and "70.01" in too_much.content.decode()
    ok = client.post(
        url,
        {"amount": "70.00", "payee_kind": "maker", "payee_name": "Şəhla", "method": "cash", "reference": "Q-18"},
    )
    assert ok.status_code == 302
    assert maker_balance(world["maker_b"]) == D("0.00")


def test_a_large_payout_needs_a_second_officer_the_creator_gets_403(world, client, settings):
    settings.LEDGER_PAYOUT_APPROVAL_THRESHOLD = D("10.00")
    client.force_login(world["finance"])
    client.post(
        reverse("beneficiaries_money:payout_new", args=[world["maker_b"].pk]),
        {"amount": "60.00", "payee_kind": "maker", "payee_name": "Şəhla", "method": "bank_transfer", "reference": "T1"},
    )
    payout = Payout.objects.get(status=Payout.Status.PENDING_APPROVAL)
    approve_url = reverse("beneficiaries_money:payout_approve", args=[payout.pk])
    refused = client.post(approve_url)
    assert refused.status_code == 403 and "second finance officer" in refused.content.decode()
    client.force_login(world["second_finance"])
    assert client.post(approve_url).status_code == 302
    page = client.get(reverse("beneficiaries_money:payout", args=[payout.pk])).content.decode()
    assert 'data-status="paid"' in page
    assert world["finance"].username in page and world["second_finance"].username in page  # the audit trail
    assert maker_balance(world["maker_b"]) == D("10.00")


def test_reversing_a_payout_needs_a_reason_and_restores_the_balance(world, client):
    client.force_login(world["second_finance"])
    url = reverse("beneficiaries_money:payout_reverse", args=[world["payout"].pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    assert client.post(url, {"reason": "Guardian did not collect the cash"}).status_code == 302
    assert maker_balance(world["maker_b"]) == D("120.00")


def _ledger_statement(maker):
    start, end = statement_period("year", 2026)
    return maker_statement(maker=maker, start=start, end=end)


def test_statement_totals_on_html_csv_and_pdf_equal_the_ledger(world, client):
    maker = world["maker_b"]
    expected = _ledger_statement(maker)
    assert (expected.earned, expected.paid, expected.closing) == (D("120.00"), D("50.00"), D("70.00"))
    client.force_login(world["finance"])

    html = client.get(reverse("beneficiaries_money:statement", args=[maker.pk]) + STATEMENT).content.decode()
    assert '<html lang="az">' in html and "Xalça «Güllü»" in html
    assert f'data-amount="{expected.closing}"' in html and f'data-amount="{expected.earned}"' in html

    body = client.get(reverse("beneficiaries_money:statement_csv", args=[maker.pk]) + STATEMENT).content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    amounts = [D(row[4]) for row in rows if len(row) == 5 and row[0][:4] == "2026"]
    assert sum(amounts) == expected.closing - expected.opening
    totals = {row[0]: D(row[1]) for row in rows if len(row) == 2 and row[0] != rows[1][0]}
    assert list(totals.values())[-1] == expected.closing
    assert D("120.00") in totals.values()

    pdf = client.get(reverse("beneficiaries_money:statement_pdf", args=[maker.pk]) + STATEMENT)
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Şəhla Qəhrəmanova" in text and "Xalça «Güllü»" in text
    # Şəhla's statement is in Azerbaijani, her language: "Yearly earnings summary", "earned 120,00 from the sale".
    assert "İllik qazanc arayışı" in text and "satışından 120,00" in text.replace("\xa0", " ")
    for amount in ("240,00", "120,00", "70,00", "50,00"):
        assert amount in text, (amount, text)


def test_a_statement_with_a_bad_period_shows_the_form_with_errors(world, client):
    client.force_login(world["finance"])
    response = client.get(reverse("beneficiaries_money:statement", args=[world["maker_b"].pk]) + "?period=quarter")
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()


def test_the_pdf_fails_clearly_without_its_font(world, client, settings):
    from django.core.exceptions import ImproperlyConfigured

    from beneficiaries.ledger import statements as statement_documents

    settings.LEDGER_PDF_FONT = "/nonexistent/font.ttf"
    statement = _ledger_statement(world["maker_b"])
    from reportlab.pdfbase import pdfmetrics

    registered = pdfmetrics._fonts.pop(statement_documents.FONT_NAME, None)
    try:
        with pytest.raises(ImproperlyConfigured, match="fonts-dejavu-core"):
            statement_documents.statement_pdf(statement)
    finally:
        if registered is not None:
            pdfmetrics._fonts[statement_documents.FONT_NAME] = registered


def test_maker_page_shows_an_accessible_chart_with_its_data_table(world, client):
    client.force_login(world["finance"])
    body = client.get(reverse("beneficiaries_money:maker", args=[world["maker_b"].pk])).content.decode()
    assert 'role="img"' in body and "<title id=" in body and "<desc id=" in body
    assert '<th scope="col">' in body and '<th scope="row">' in body
    assert "<script" not in body.split('role="img"')[1].split("</figure>")[0]


def test_a_statement_is_printed_in_the_makers_language(world, client):
    maker = world["maker_a"]
    maker.language = "ru"
    maker.save(update_fields=["language"])
    client.force_login(world["finance"])
    html = client.get(reverse("beneficiaries_money:statement", args=[maker.pk]) + STATEMENT).content.decode()
    assert '<html lang="ru">' in html
    pdf = client.get(reverse("beneficiaries_money:statement_pdf", args=[maker.pk]) + STATEMENT)
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert "Aysel" in text and "20,00" in text
    assert "Январь 2026" in text and "Январь 2026" in html  # the yearly summary, month by month


def test_an_adjustment_needs_a_reason_and_becomes_a_new_entry(world, client):
    client.force_login(world["finance"])
    maker = world["maker_b"]
    url = reverse("beneficiaries_money:adjustment_new", args=[maker.pk])
    before = maker_balance(maker)

    refused = client.post(url, {"amount": "-5.00", "reason": ""})
    assert refused.status_code == 400 and "reason" in refused.context["form"].errors
    assert maker_balance(maker) == before

    done = client.post(url, {"amount": "-5.00", "reason": "Refunded in Stripe's dashboard: chipped bowl"})
    assert done.status_code == 302
    assert maker_balance(maker) == before - D("5.00")
    statement = client.get(reverse("beneficiaries_money:statement", args=[maker.pk]) + STATEMENT)
    assert "chipped bowl" in statement.content.decode()
