"""The Content-Security-Policy in Chromium: no page a buyer or the staff opens breaks it, and they still work.

Violations are caught both ways Chromium reports them: the `securitypolicyviolation` event inside the page and
the console error (the only report for a blocked form submission or redirect, e.g. to Stripe's payment page).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from shop.models import Product
from tests.e2e.test_checkout import bowl, fake_stripe  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db(transaction=True)

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} on ${document.location.pathname}`);
});
"""


@pytest.fixture
def watched_page(page):
    """The page, plus the list of every CSP violation Chromium reports on it while the test runs."""
    violations: list[str] = []
    page.context.expose_function("reportCspViolation", lambda report: violations.append(report))
    page.context.add_init_script(REPORT_VIOLATIONS)

    def on_console(message):
        text = message.text
        if message.type == "error" and ("Content Security Policy" in text or "Content-Security-Policy" in text):
            violations.append(f"console: {text}")

    page.on("console", on_console)
    page.violations = violations
    return page


def en(path_name: str, *args) -> str:
    with translation.override("en"):
        return reverse(path_name, args=args)


def visit(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # Reports are dispatched asynchronously; let them arrive before the next page replaces this one.
    page.wait_for_load_state("networkidle")


def test_storefront_and_checkout_raise_no_violation(watched_page, live_url, migrated_content, fake_stripe, bowl):  # noqa: F811
    page = watched_page
    visit(page, f"{live_url}/en/")
    visit(page, live_url + en("shop:catalogue"))
    with translation.override("en"):
        visit(page, live_url + bowl.get_absolute_url())
    page.get_by_role("button", name="Add to cart").click()
    visit(page, live_url + en("shop:cart"))
    assert page.get_by_role("link", name="Green bowl").is_visible()
    page.get_by_role("link", name="Go to checkout").click()
    page.wait_for_url(re.compile(r"/en/shop/checkout/$"))
    page.get_by_label("E-mail").fill("rashad@example.az")
    page.get_by_label("Full name").fill("Rashad Aliyev")
    page.get_by_label("Phone").fill("+994 55 765 43 21")
    page.get_by_label("Pick up at the maker's centre").check()
    # The form posts to us and is redirected (303) to the payment page on the (fake) Stripe's own origin.
    page.get_by_role("button", name="Continue to payment").click()
    page.wait_for_url(re.compile(r"/pay/cs_test_"))
    page.wait_for_load_state("networkidle")
    assert page.violations == [], "\n".join(page.violations)


def test_both_admins_raise_no_violation(watched_page, live_url, migrated_content, user_factory, bowl):  # noqa: F811
    user_factory(username="editor-csp", is_staff=True, is_superuser=True)
    page = watched_page
    visit(page, f"{live_url}/admin/login/")
    page.get_by_label("Username").fill("editor-csp")
    page.get_by_label("Password").fill("pass-word-123")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_url}/admin/")
    page.wait_for_load_state("networkidle")

    edit_url = reverse(Product.snippet_viewset.get_url_name("edit"), args=[bowl.pk])
    visit(page, live_url + edit_url)
    assert page.get_by_role("textbox", name=re.compile("Title")).first.input_value() == "Green bowl"
    # The panels and choosers started from their data blocks: a maker share can be added, and the new row's
    # maker chooser (started when the row appeared) opens its modal.
    total_forms = page.locator("#id_maker_shares-TOTAL_FORMS")
    assert total_forms.input_value() == "1"
    page.get_by_role("button", name="Add maker share").click()
    assert total_forms.input_value() == "2"
    page.locator("#id_maker_shares-1-maker-chooser").get_by_role("button", name=re.compile("Choose")).click()
    # The modal's own requests follow the browser's language, so its heading may read "Choose" or "Seç".
    page.locator(".modal-dialog").get_by_role("heading", name=re.compile("Choose|Seç")).wait_for()
    page.wait_for_load_state("networkidle")

    # A page editor (editors write the home page and maker stories here): its panels start from data blocks.
    from cms.models import HomePage

    visit(page, f"{live_url}/admin/pages/{HomePage.objects.first().pk}/edit/")
    assert page.locator("script[data-admin-init][data-admin-init-done]").count() >= 1

    visit(page, f"{live_url}/django-admin/")
    visit(page, f"{live_url}/django-admin/shop/order/")
    assert page.violations == [], "\n".join(page.violations)
