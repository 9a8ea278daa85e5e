"""Clicks an instructor needs from sign-in to a submitted product with two photos, on a desktop and a phone.

Drives Debian's Chromium through the real admin of a running demo shop (`make demo` in another terminal) as
`instructor-baku`: sign in, Catalogue > Products > Add product, choose craft and centre, upload two photos from
"the camera" in the image chooser, write their alt text, choose the maker, then More actions > Submit to
Product review. Typing is not counted; every click, chooser pick and file pick is. Prints a table.

    uv run python bench/instructor_clicks.py [--base http://127.0.0.1:8000]
"""

import argparse
import random
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHOICE = "a.snippet-choice, td a, a[data-chooser-modal-choice]"


def pictures(folder: Path, count: int = 2) -> list[str]:
    """Fresh pictures each run, so Wagtail's duplicate check does not interrupt the journey."""
    paths = []
    for index in range(count):
        image = Image.new("RGB", (800, 600), tuple(random.randrange(256) for _ in range(3)))
        colour = tuple(random.randrange(256) for _ in range(3))
        ImageDraw.Draw(image).ellipse((random.randrange(300), 100, 500, 500), fill=colour)
        path = folder / f"bowl-{index}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path)
        paths.append(str(path))
    return paths


def journey(browser, base: str, width: int, photos: list[str]) -> tuple[int, str]:
    clicks = 0
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 800 else 844}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30000)

    def click(locator) -> None:
        nonlocal clicks
        clicks += 1
        locator.click()

    def modal():
        dialog = page.locator(".modal.show, [role=dialog]:visible").last
        dialog.wait_for()
        return dialog

    page.goto(base + "/admin/login/")
    page.fill("#id_username", "instructor-baku")
    page.fill("#id_password", "demo-instructor-2026")
    click(page.locator("form button[type=submit]").first)
    page.wait_for_load_state()
    if width < 800:
        click(page.locator("button[aria-label='Toggle sidebar'], button.sidebar__collapse-toggle").first)
    click(page.get_by_role("button", name="Catalogue"))
    click(page.get_by_role("link", name="Products", exact=True))
    page.wait_for_load_state()
    click(page.get_by_role("link", name="Add product").first)
    page.wait_for_load_state("networkidle")
    page.fill("#id_title", f"Blue bowl (click count, {width} px)")
    page.fill("#id_description", "Dulus çarxında düzəldilib.")
    for chooser in ("Choose sənət növü", "Choose mərkəz"):
        click(page.get_by_role("button", name=chooser))
        click(modal().locator(CHOICE).first)
        page.wait_for_timeout(500)
    page.fill("#id_price", "45.00")
    page.fill("#id_stock", "2")
    for path in photos:
        page.locator("#id_photos-OPEN_MODAL:not([disabled])").wait_for()
        click(page.get_by_role("button", name="Add photo"))
        dialog = modal()
        upload_tab = dialog.get_by_role("tab", name="Upload")
        if upload_tab.count():
            click(upload_tab)
        dialog.locator("input[type=file]").first.set_input_files(path)
        clicks += 1  # picking the photo from the camera or gallery
        page.wait_for_timeout(500)  # the chooser fills the title from the file name
        click(dialog.locator("button[type=submit]:visible").last)
        page.wait_for_timeout(1500)
    alt_texts = page.locator("input[name^='photos-'][name$='-alt_text']")
    for index in range(alt_texts.count()):
        alt_texts.nth(index).fill(f"Round blue clay bowl, view {index + 1}")
    click(page.get_by_role("button", name="Choose usta"))
    click(modal().locator(CHOICE).first)
    page.wait_for_timeout(500)
    click(page.get_by_role("button", name="More actions"))
    click(page.get_by_role("button", name="Submit to Product review"))
    page.wait_for_load_state()
    message = page.locator(".messages").first.inner_text() if page.locator(".messages").count() else "(no message)"
    context.close()
    return clicks, message.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        for label, width in (("desktop", 1440), ("phone", 390)):
            clicks, message = journey(browser, args.base, width, pictures(Path(folder) / label))
            rows.append((label, width, clicks, message))
        browser.close()
    print(f"{'screen':<8} {'width':>6} {'clicks':>7}  result")
    for label, width, clicks, message in rows:
        print(f"{label:<8} {width:>6} {clicks:>7}  {message}")


if __name__ == "__main__":
    main()
