"""The lockout page in Chromium: what someone who mistyped their password five times sees, checked with axe."""

import pytest

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
    # The click returns once the navigation commits; the sign-in form may still be on its way.
    page.get_by_label("Username").wait_for()
    assert page.get_by_label("Username").is_visible()
