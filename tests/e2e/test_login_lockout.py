"""The lockout page in Chromium: what someone who mistyped their password five times sees, checked with axe."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_lockout_page_is_clear_and_accessible(page, live_url, user_factory, axe_violations):
    user_factory(username="instructor-csp", is_staff=True, is_superuser=True)
    for _ in range(5):
        page.goto(f"{live_url}/admin/login/")
        page.get_by_label("Username").fill("instructor-csp")
        page.get_by_label("Password").fill("not-my-password")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Too many sign-in attempts"
    assert page.get_by_role("alert").get_by_text("Please wait 15 minutes, then try again.").is_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Back to the sign-in page").click()
    # The link leads to the same address, so there is no URL change to wait for; wait for the form instead
    # (is_visible alone raced the navigation once pages started loading site-menu.js).
    expect(page.get_by_label("Username")).to_be_visible()
