"""The lockout page in Chromium: what someone who mistyped their password five times sees, checked with axe."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_lockout_page_is_clear_and_accessible(page, live_url, user_factory, axe_violations):
    user_factory(username="instructor-csp", is_staff=True, is_superuser=True)
    for _ in range(5):
        page.goto(f"{live_url}/admin/login/")
        page.get_by_label("Username").fill("instructor-csp")
        page.get_by_label("Password").fill("not-my-password")
        # Wait for the answer to this very submit: on a busy machine the old page is still "loaded" right after
        # the click, and the heading below would be read from it.
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Too many sign-in attempts"
    assert page.get_by_role("alert").get_by_text("Please wait 15 minutes, then try again.").is_visible()
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("link", name="Back to the sign-in page").click()
    assert page.get_by_label("Username").is_visible()
