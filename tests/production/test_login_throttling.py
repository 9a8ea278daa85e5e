"""Both admin logins lock after five wrong passwords for one user or from one address, for fifteen minutes."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

RIGHT = "pass-word-123"
LOGINS = {"wagtail": ("/admin/login/", "/admin/"), "django": ("/django-admin/login/", "/django-admin/")}


@pytest.fixture(params=sorted(LOGINS))
def login(request, client, user_factory):
    """`login(username, password, address=...)` posts to one of the two admin login forms."""
    url, home = LOGINS[request.param]
    user_factory(username="lead-baku", is_staff=True, is_superuser=True)

    def post(username, password, address="203.0.113.7"):
        # Read in English, as a browser asking for it would (an unknown visitor otherwise gets az).
        data = {"username": username, "password": password, "next": home}
        return client.post(url, data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")

    post.home = home
    return post


def locked_out(response) -> bool:
    # The admin's sign-in speaks the default language (az) to an unknown visitor.
    body = response.content.decode()
    return response.status_code == 429 and ("Too many sign-in attempts" in body or "Həddən çox giriş cəhdi" in body)


def test_four_wrong_passwords_still_let_the_right_one_in(login):
    for _ in range(4):
        assert login("lead-baku", "wrong").status_code == 200
    response = login("lead-baku", RIGHT)
    assert response.status_code == 302
    assert response["Location"] == login.home


def test_fifth_wrong_password_locks_and_the_right_one_is_refused_until_the_cool_off_ends(login):
    for _ in range(4):
        assert not locked_out(login("lead-baku", "wrong"))
    fifth = login("lead-baku", "wrong")
    assert locked_out(fifth)
    page = fifth.content.decode()
    assert "Please wait 15 minutes, then try again." in page
    assert "<h1>Too many sign-in attempts</h1>" in page

    assert locked_out(login("lead-baku", RIGHT))
    with time_machine.travel(timezone.now() + timedelta(minutes=14), tick=False):
        assert locked_out(login("lead-baku", RIGHT))
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        response = login("lead-baku", RIGHT)
    assert response.status_code == 302
    assert response["Location"] == login.home


def test_one_user_is_locked_whichever_address_the_guesses_come_from(login):
    for attempt in range(5):
        login("lead-baku", "wrong", address=f"198.51.100.{attempt + 1}")
    assert locked_out(login("lead-baku", RIGHT, address="192.0.2.50"))


def test_one_address_is_locked_whichever_users_it_guesses(login, user_factory):
    user_factory(username="finance", is_staff=True, is_superuser=True)
    for attempt in range(5):
        login(f"guess-{attempt}", "wrong", address="203.0.113.99")
    assert locked_out(login("finance", RIGHT, address="203.0.113.99"))
    # Someone else, elsewhere, signs in as usual.
    assert login("finance", RIGHT, address="192.0.2.50").status_code == 302


def test_the_lockout_page_has_a_language_one_heading_and_is_announced(login):
    for _ in range(5):
        response = login("lead-baku", "wrong")
    page = response.content.decode()
    assert '<html lang="' in page
    assert page.count("<h1") == 1
    assert 'role="alert"' in page
