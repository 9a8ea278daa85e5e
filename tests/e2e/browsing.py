"""What several browser tests do the same way: open a page at a width, look for sideways scrolling, keep a
screenshot under test-artifacts/<folder>/ for a person to look at."""

from pathlib import Path

ARTIFACTS_ROOT = Path(__file__).resolve().parents[2] / "test-artifacts"


def open_at(browser, width: int, locale: str = "az-AZ"):
    context = browser.new_context(locale=locale, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def save_screenshot(page, folder: str, name: str) -> None:
    (ARTIFACTS_ROOT / folder).mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS_ROOT / folder / f"{name}.png"), full_page=True)


def horizontal_overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
