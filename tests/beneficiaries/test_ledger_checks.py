"""The ledger reconciliation command, the cached impact figures, the dashboard's constant queries and the menu."""

from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from beneficiaries.ledger.impact import impact_summary
from beneficiaries.ledger.services import ledger_credit_sale, ledger_debit_refund, payout_record
from shop.models import OrderLineMaker

D = Decimal


def sell(maker, order_line_factory, amount="20.00"):
    """A paid line whose makers' part is `amount` (as checkout copies it), credited to the maker."""
    line = order_line_factory(centre=maker.centre, unit_price=D(amount) + D("5.00"), centre_commission_percent=0)
    line.centre_amount = D("5.00")
    line.save(update_fields=["centre_amount"])
    OrderLineMaker.objects.create(line=line, maker=maker, share_percent=D("100"), amount=D(amount))
    ledger_credit_sale(order_line_id=line.pk, parts=[(maker.pk, D(amount))], currency="AZN", quantity=1)
    return line


def test_reconcile_ledger_passes_on_a_balanced_ledger_and_names_a_negative_balance(
    maker_factory, order_line_factory, refund_line_factory, user_factory, capsys
):
    """Paid out, then the sale refunded: the maker owes the money back, and the check says who."""
    maker = maker_factory(public_display_name="Nərgiz")
    line = sell(maker, order_line_factory)
    payout_record(
        maker=maker,
        amount=D("20.00"),
        payee_kind="maker",
        payee_name="Nərgiz",
        method="cash",
        reference="1",
        created_by=user_factory(),
    )
    call_command("reconcile_ledger")
    assert "The ledger reconciles" in capsys.readouterr().out
    refund = refund_line_factory(line=line)
    ledger_debit_refund(refund_line_id=refund.pk, order_line_id=line.pk, quantity=1, line_quantity=1, currency="AZN")
    with pytest.raises(CommandError) as error:
        call_command("reconcile_ledger")
    assert error.value.returncode == 1
    assert f"maker Nərgiz (#{maker.pk}): balance -20.00 is negative" in capsys.readouterr().err


def test_impact_figures_are_cached_until_money_moves(
    maker_factory, centre_factory, order_line_factory, django_capture_on_commit_callbacks
):
    centre = centre_factory(name="Baku")
    makers = [maker_factory(centre=centre) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for maker in makers:
            sell(maker, order_line_factory)
    assert [(g.label, g.earned) for g in impact_summary()["centres"]] == [("Baku", D("60.00"))]
    with django_capture_on_commit_callbacks(execute=True):
        sell(makers[0], order_line_factory, "5.00")
    assert [(g.label, g.earned) for g in impact_summary()["centres"]] == [("Baku", D("65.00"))]


def _dashboard_queries(client, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(reverse("beneficiaries_money:dashboard"))
    assert response.status_code == 200
    return len(captured)


def test_the_dashboard_takes_the_same_queries_for_10_or_40_makers(
    maker_factory, centre_factory, order_line_factory, finance_user_factory, client, django_assert_max_num_queries
):
    client.force_login(finance_user_factory())
    centre = centre_factory()
    for _ in range(10):
        sell(maker_factory(centre=centre), order_line_factory)
    few = _dashboard_queries(client, django_assert_max_num_queries, 20)
    for _ in range(30):
        sell(maker_factory(centre=centre), order_line_factory)
    assert _dashboard_queries(client, django_assert_max_num_queries, few) == few


def test_the_money_menu_shows_for_finance_and_not_for_an_editor(finance_user_factory, user_factory, client):
    from django.contrib.auth.models import Permission

    client.force_login(finance_user_factory())
    # The sidebar menu is rendered as JSON props; the submenu is known by its name.
    assert "makers-money" in client.get(reverse("wagtailadmin_home")).content.decode()
    editor = user_factory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "makers-money" not in client.get(reverse("wagtailadmin_home")).content.decode()
