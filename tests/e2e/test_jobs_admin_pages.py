"""The admin pages of the background jobs, in Chromium with axe-core (WCAG 2.2 AA): failed jobs, the finance
dashboard's "Prepare statements" button and the prepared statements page, used with the keyboard."""

from datetime import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from beneficiaries.ledger.services import ledger_credit_sale
from shop.jobs.models import FailedJob

PASSWORD = "a-long-enough-password-2026"


@pytest.fixture
def finance_in_browser(page, live_url, transactional_db, user_factory, settings, tmp_path):
    """A finance officer signed in. Earlier browser tests flushed the migrations' groups, so the officer gets
    the Finance group's two permissions that matter here directly."""
    from django.contrib.auth.models import Permission
    from wagtail.users.models import UserProfile

    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    user = user_factory(username="finance-e2e")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_ledger")
    )
    user.set_password(PASSWORD)
    user.save()
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    page.goto(f"{live_url}/admin/login/")
    page.fill("#id_username", "finance-e2e")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"{live_url}/admin/")
    return page


def test_failed_jobs_page_is_accessible(finance_in_browser, live_url, axe_violations):
    FailedJob.objects.create(
        task_name="shop.orders.tasks.order_confirmation_email",
        task_id="e2e",
        arguments={"args": [], "kwargs": {"order_id": 7}},
        error="SMTPConnectError: (421, 'Service not available')",
        retries=6,
    )
    page = finance_in_browser
    page.get_by_role("link", name="Failed jobs").click()

    page.get_by_role("heading", name="Failed jobs").wait_for()
    assert page.get_by_role("cell", name="order_id=7").is_visible()
    assert axe_violations(page) == []


def test_finance_prepares_statements_with_the_keyboard(
    finance_in_browser, live_url, axe_violations, maker_factory, order_line_factory
):
    maker = maker_factory(slug="aysel", language="en")
    line = order_line_factory(centre=maker.centre)
    last_month = timezone.localdate().replace(day=1) - timezone.timedelta(days=1)
    when = timezone.make_aware(datetime(last_month.year, last_month.month, 5, 12))
    ledger_credit_sale(order_line_id=line.pk, parts=[(maker.pk, Decimal("40.00"))], currency="AZN", quantity=1, at=when)
    page = finance_in_browser
    page.goto(f"{live_url}/admin/money/")
    assert axe_violations(page) == []

    button = page.get_by_role("button", name=f"Prepare statements for {last_month:%B %Y}")
    button.focus()
    with page.expect_navigation(url=f"{live_url}/admin/money/statements/"):
        page.keyboard.press("Enter")
    page.get_by_role("heading", name="Monthly statements").wait_for()
    link = page.get_by_role("link", name=f"statement-aysel-{last_month:%Y-%m}.pdf")
    assert link.is_visible()
    # Wagtail fades its messages in; axe measures contrast only once the message is fully shown.
    page.wait_for_function("getComputedStyle(document.querySelector('.messages li.success')).opacity === '1'")
    page.wait_for_timeout(500)
    assert axe_violations(page) == []
