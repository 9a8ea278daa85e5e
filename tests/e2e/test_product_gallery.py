"""The product gallery in Chromium: thumbnails show their photo (mouse, touch, keyboard), the main photo opens a
larger one in a dialog, it all works as plain links without JavaScript, and every srcset width is true."""

import pytest

from tests.e2e.phone_shop import DESKTOP, PHONE, has_no_sideways_scroll, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def shop(phone_shop):
    return phone_shop


@pytest.fixture
def open_product(browser, live_url, shop):
    contexts = []

    def open_(viewport, language="en", **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_url}/{language}/shop/p/jug/")
        return page

    yield open_
    for context in contexts:
        context.close()


def main_photo(page) -> dict:
    """The main photo as drawn: its alt text and the file the browser chose from its srcset."""
    return page.evaluate(
        """() => { const img = document.querySelector('.gallery__zoom img');
                   return {alt: img.alt, src: img.currentSrc}; }"""
    )


def pressed(page) -> list[str]:
    return [button.get_attribute("aria-pressed") for button in page.locator(".gallery__thumb").all()]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1440"])
def test_thumbnails_are_buttons_that_show_their_photo(open_product, viewport):
    page = open_product(viewport)
    thumbnails = page.get_by_role("button", name="Photo 2 of 3: Küpə, view 2")
    assert page.locator(".gallery__thumb").evaluate_all("all => all.map(el => el.tagName)") == ["BUTTON"] * 3
    assert pressed(page) == ["true", "false", "false"]
    first = main_photo(page)

    thumbnails.click()

    assert pressed(page) == ["false", "true", "false"]
    page.locator(".gallery__zoom img").evaluate("img => img.decode()")  # loaded (no eval: the CSP forbids it)
    second = main_photo(page)
    assert second["alt"] == "Küpə, view 2" and second["src"] != first["src"]
    assert has_no_sideways_scroll(page)
    screenshot(page, f"gallery-second-photo-{viewport['width']}")


def test_a_tap_on_a_thumbnail_shows_its_photo(open_product):
    page = open_product(PHONE, has_touch=True, is_mobile=True)
    page.locator(".gallery__thumb").nth(2).tap()
    assert pressed(page) == ["false", "false", "true"]
    assert main_photo(page)["alt"] == "Küpə, view 3"


def test_arrow_keys_move_between_thumbnails_and_show_each_photo(open_product):
    page = open_product(DESKTOP)
    page.locator(".gallery__thumb").first.focus()

    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
    assert pressed(page) == ["false", "true", "false"] and main_photo(page)["alt"] == "Küpə, view 2"
    page.keyboard.press("End")
    assert pressed(page) == ["false", "false", "true"]
    page.keyboard.press("ArrowRight")  # from the last back to the first
    assert pressed(page) == ["true", "false", "false"]
    page.keyboard.press("ArrowLeft")
    assert pressed(page) == ["false", "false", "true"] and main_photo(page)["alt"] == "Küpə, view 3"
    assert page.evaluate("document.activeElement.matches('.gallery__thumb:focus-visible')")


def test_the_main_photo_opens_large_in_a_dialog_that_escape_closes(open_product, axe_violations):
    page = open_product(DESKTOP, language="ru")
    zoom = page.get_by_role("button", name="Открыть фото крупнее")
    zoom.focus()
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name="Фото крупнее")
    assert dialog.is_visible()
    large = page.locator(".gallery__large")
    assert large.evaluate("img => img.decode().then(() => img.naturalWidth)") == 1600  # larger than 1200
    assert page.evaluate("document.querySelector('.gallery__large').alt") == "Küpə, view 1"
    screenshot(page, "gallery-zoom-ru-1440")
    assert axe_violations(page) == []

    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('gallery__zoom')")  # focus came back

    zoom.click()
    page.get_by_role("button", name="Закрыть").click()
    assert not dialog.is_visible()


def test_without_javascript_the_thumbnails_and_main_photo_link_to_the_photos(open_product, live_url):
    page = open_product(PHONE, java_script_enabled=False)
    links = page.locator("a.gallery__thumb")
    assert links.count() == 3 and links.first.get_attribute("aria-current") == "true"
    assert not page.get_by_role("dialog").is_visible()
    screenshot(page, "gallery-no-js-390")
    links.nth(1).click()
    page.wait_for_url("**/*.webp")  # the photo itself, opened by the browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390", "1440"])
def test_every_srcset_candidate_is_as_wide_as_its_descriptor(open_product, viewport):
    page = open_product(viewport)
    candidates = page.evaluate(
        """async () => {
            const sets = [...document.querySelectorAll('img[srcset], [data-srcset]')]
                .map(el => el.getAttribute('srcset') || el.dataset.srcset);
            const pairs = sets.flatMap(set => set.split(',').map(c => c.trim().split(/\\s+/)));
            return Promise.all(pairs.map(([url, descriptor]) => new Promise(resolve => {
                const probe = new Image();
                probe.onload = () => resolve([descriptor, probe.naturalWidth]);
                probe.src = url;
            })));
        }"""
    )
    assert len(candidates) >= 8  # the main photo, three thumbnails' photos, the rug's card below
    assert all(descriptor == f"{width}w" for descriptor, width in candidates), candidates
