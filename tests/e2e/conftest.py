"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

Playwright's sync API runs an event loop in the test thread; Django would then refuse ORM calls from the
test body, so browser tests are allowed to mix the two (they never share a connection with the server).
"""

import importlib
import os
import shutil

import pytest
from django.apps import apps

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# axe-core rule impacts that fail a page: WCAG 2.2 AA problems a user would actually hit.
BLOCKING_IMPACTS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (CI does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def live_url(live_server) -> str:
    return live_server.url


@pytest.fixture
def axe_violations():
    """`axe_violations(page)` -> the serious/critical axe-core violations on the page, as dicts."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page) -> list[dict]:
        results = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}},
        )
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in results.response["violations"]
            if v.get("impact") in BLOCKING_IMPACTS
        ]

    return run


@pytest.fixture
def migrated_content(transactional_db):
    """The page tree and locales the migrations made, which a transactional test's flush removed: rebuilt."""
    from wagtail.models import Collection, Locale, Page

    if Page.objects.filter(depth=1).exists():
        return
    default_locale, _ = Locale.objects.get_or_create(language_code="az")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    Page.add_root(instance=Page(title="Root", slug="root", locale=default_locale))
    importlib.import_module("cms.migrations.0002_locales_and_home_pages").create_home_pages(apps, None)


@pytest.fixture
def phone_shop(migrated_content, centre_factory, craft_factory, maker_factory, product_factory, image_factory):
    """The small shop the phone-layout and gallery tests browse (tests/e2e/phone_shop.py)."""
    from tests.e2e.phone_shop import build_shop

    return build_shop(
        centre_factory=centre_factory,
        craft_factory=craft_factory,
        maker_factory=maker_factory,
        product_factory=product_factory,
        image_factory=image_factory,
    )
