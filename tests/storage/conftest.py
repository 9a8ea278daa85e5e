"""Who is who for the private-file tests: a maker of centre A with a consent record and a payout, and one
person per role."""

from decimal import Decimal

import pytest

from beneficiaries.ledger.models import Payout
from beneficiaries.ledger.services import ledger_adjust, payout_record
from beneficiaries.models import ConsentRecord


@pytest.fixture
def people(centre_factory, maker_factory, user_factory, centre_member, finance_user_factory):
    from django.contrib.auth.models import Group

    centre_a, centre_b = centre_factory(name="Baku"), centre_factory(name="Barda")
    maker = maker_factory(centre=centre_a, public_display_name="Aysel")
    editor = user_factory(username="editor-1")
    editor.groups.add(Group.objects.get(name="Editor"))
    admin = user_factory(username="admin-1", is_superuser=True, is_staff=True)
    ledger_adjust(maker=maker, amount=Decimal("80.00"), reason="Opening balance", created_by=admin)
    finance = finance_user_factory(username="finance-1")
    payout = payout_record(
        maker=maker,
        amount=Decimal("30.00"),
        payee_kind=Payout.PayeeKind.MAKER,
        payee_name="Aysel",
        method=Payout.Method.CASH,
        reference="Q-1",
        created_by=finance,
    )
    return {
        "maker": maker,
        "consent": maker.consents.get(scope=ConsentRecord.Scope.NAME),
        "payout": payout,
        "admin": admin,
        "editor": editor,
        "finance": finance,
        "instructor_a": centre_member(centre_a, username="instructor-a"),
        "lead_a": centre_member(centre_a, role="Centre lead", username="lead-a"),
        "instructor_b": centre_member(centre_b, username="instructor-b"),
    }
