"""`make scale-check`: two gunicorn processes behind one PostgreSQL, Redis, S3 (moto) and fake Stripe.

Proves that any process can serve any request: a buyer journey alternates between the two app processes
(browse on A, add to cart on B, checkout on A, the webhook goes to B, order status on A, the confirmation
e-mail from the job worker), the order is paid exactly once even when Stripe delivers the webhook again to
both processes, the cart survives the hop, and a price published through A is what an anonymous visitor sees
on B at once. Exits non-zero, with the failing step and the processes' logs, if anything is off.
"""

from __future__ import annotations

import os
import re
import sys
import urllib.parse
from decimal import Decimal
from html import unescape
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the project's own modules (the bucket policy), as manage.py has them

from scale_check_support import Components, FormScraper, free_port  # noqa: E402

PG_ADMIN_URL = os.environ.get("SCALE_CHECK_PG", "postgres://postgres@127.0.0.1:5432/postgres")
# Several checkouts on one machine each use their own database and Redis db (SCALE_CHECK_DB, SCALE_CHECK_REDIS).
DB_NAME = os.environ.get("SCALE_CHECK_DB", "scale_check")
REDIS_URL = os.environ.get("SCALE_CHECK_REDIS", "redis://127.0.0.1:6379/9")
BUCKET = "crafts-scale-check"
WEBHOOK_SECRET = "whsec_scale_check"  # noqa: S105 - a local fake's secret
ADMIN = ("admin", "demo-admin-2026")  # the demo loader's account; this database exists only for the check


class Browser:
    """A buyer's browser against one public address, which a load balancer spreads over the processes.

    Cookies are kept here, by name, whichever process set them: the session must not live in a process.
    """

    def __init__(self, name: str):
        self.name = name
        self.cookies: dict[str, str] = {}
        self.http = requests.Session()

    def request(self, method: str, url: str, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers.setdefault("Accept-Language", "en")
        self.http.cookies.clear()  # our own jar below is the only one
        response = self.http.request(method, url, headers=headers, allow_redirects=False, timeout=30, **kwargs)
        for cookie in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=Thu, 01 Jan 1970" in cookie or "Max-Age=0" in cookie:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return response

    def get(self, url: str) -> requests.Response:
        return self.request("GET", url)

    def post_form(self, url: str, page_html: str, *, form_match: str, changes: dict | None = None, referer: str):
        fields = FormScraper.fields(page_html, form_match=form_match)
        fields.update(changes or {})
        return self.request("POST", url, data=fields, headers={"Referer": referer})


class Check:
    def __init__(self):
        self.results: list[tuple[str, bool, str]] = []

    def __call__(self, what: str, ok: bool, detail: str = "") -> bool:
        self.results.append((what, ok, detail))
        print(f"  {'ok  ' if ok else 'FAIL'} {what}{': ' + detail if detail else ''}", flush=True)
        if not ok:
            raise AssertionError(what)
        return ok


def expect(response: requests.Response, status: int, what: str) -> requests.Response:
    if response.status_code != status:
        raise AssertionError(f"{what}: {response.request.method} {response.url} answered {response.status_code}")
    return response


def absolute(base: str, location: str) -> str:
    return location if location.startswith("http") else base + location


def db_rows(sql: str, *params) -> list[tuple]:
    with psycopg.connect(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + DB_NAME) as conn:
        return conn.execute(sql, params).fetchall()


def journey(components: Components, check: Check) -> None:
    a, b = components.app_urls
    buyer = Browser("buyer")

    for url in components.app_urls:
        health = buyer.get(url + "/health/")
        check(f"{url} is healthy (database, cache, storage)", health.status_code == 200, health.text.strip())
    renditions_before = components.s3_keys("images/")

    print("Browse on A", flush=True)
    catalogue = expect(buyer.get(a + "/en/shop/"), 200, "catalogue on A").text
    slug = re.search(r'href="/en/shop/p/([\w-]+)/"', catalogue).group(1)
    product_path = f"/en/shop/p/{slug}/"
    page_a = expect(buyer.get(a + product_path), 200, "product page on A").text
    images = re.findall(r'src="(http[^"]+\.(?:webp|jpg|jpeg|png))"', page_a)
    check("product photos are served from S3", bool(images) and all(BUCKET in url for url in images), images[0])
    photo = requests.get(images[0], timeout=10)
    check("a rendition URL from the page answers with an image", photo.ok and photo.content[:4] == b"RIFF")

    print("Add to cart on B", flush=True)
    page_b = expect(buyer.get(b + product_path), 200, "product page on B").text
    made = components.s3_keys("images/") - renditions_before
    check("no rendition was made during a page view (all made at upload)", not made, ", ".join(sorted(made)[:3]))
    action = unescape(re.search(r'action="(/en/shop/cart/add/\d+/)"', page_b).group(1))
    added = buyer.post_form(b + action, page_b, form_match=action, referer=b + product_path)
    check("B takes the add-to-cart form (same origin; the cached page carries no token)", added.status_code == 302)
    title = unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page_b, re.S).group(1)).strip()

    print("Cart and checkout on A", flush=True)
    cart = expect(buyer.get(a + "/en/shop/cart/"), 200, "cart on A").text
    check("the cart made on B is there on A", title in unescape(cart), title)
    checkout_page = expect(buyer.get(a + "/en/shop/checkout/"), 200, "checkout form on A").text
    buyer_details = {
        "email": "scale-check@example.com",
        "name": "Scale Check",
        "phone": "+994501234567",
        "delivery_method": "courier",
        "address_line": "28 May street 1",
        "city": "Baku",
        "postal_code": "AZ1000",
    }
    started = buyer.post_form(
        a + "/en/shop/checkout/", checkout_page, form_match="checkout", changes=buyer_details, referer=a
    )
    check("checkout on A hands the buyer to Stripe", started.status_code in (302, 303), started.headers.get("Location"))
    pay_url = started.headers["Location"]
    session_id = pay_url.rstrip("/").rsplit("/", 1)[-1]

    print("Pay at (fake) Stripe; its webhook goes to B", flush=True)
    paid = requests.post(
        pay_url,
        data={"email": buyer_details["email"], "card_number": "4242424242424242", "expiry": "12/34", "cvc": "123"},
        allow_redirects=False,
        timeout=30,
    )
    check("Stripe accepts the test card", paid.status_code == 303, paid.headers.get("Location"))
    success = paid.headers["Location"]
    order_number = re.search(r"/checkout/return/([^/]+)/", success).group(1)
    (status,) = db_rows("SELECT status FROM shop_order WHERE number = %s", order_number)[0]
    check("the webhook on B marked the order paid before the buyer came back", status == "paid", status)

    print("Order status on A", flush=True)
    back = expect(buyer.get(success), 200, "success page on A").text
    status_url = re.search(r'href="(http[^"]+/orders/[^"]+/)"', back).group(1)
    status_page = expect(buyer.get(a + "/en/shop/orders/" + status_url.rsplit("/orders/", 1)[1]), 200, "status on A")
    check("the private status page on A says paid", "Paid" in status_page.text)
    cart_after = expect(buyer.get(b + "/en/shop/cart/"), 200, "cart on B after paying").text
    check("the paid cart is emptied for B too", title not in unescape(cart_after.split("<main", 1)[-1]))

    print("Stripe delivers the webhook again, to both processes", flush=True)
    for url in components.app_urls:
        components.stripe_resend_events(session_id=session_id, webhook_url=url + "/stripe/webhook/")
    orders = db_rows("SELECT id FROM shop_order WHERE number = %s", order_number)
    check("still exactly one order for the session", len(orders) == 1)
    credits = db_rows(
        "SELECT count(*) FROM beneficiaries_ledgerentry e JOIN shop_orderline l ON l.id = e.order_line_id "
        "JOIN shop_order o ON o.id = l.order_id WHERE o.number = %s AND e.kind = 'sale_credit'",
        order_number,
    )[0][0]
    makers = db_rows(
        "SELECT count(*) FROM shop_orderlinemaker m JOIN shop_orderline l ON l.id = m.line_id "
        "JOIN shop_order o ON o.id = l.order_id WHERE o.number = %s",
        order_number,
    )[0][0]
    check("paid exactly once: one sale credit per maker part", credits == makers and makers > 0, f"{credits}")

    print("Confirmation e-mail from the worker", flush=True)
    mails = components.wait_for_mail(order_number, timeout=60)
    check("exactly one confirmation e-mail", len(mails) == 1, f"{len(mails)} in {components.mail_dir}")
    sent_by_worker = components.log_text("worker").count("order_confirmation_email")
    check("it was sent by the job worker, not in a web request", sent_by_worker >= 1)

    print("A price published through A is what an anonymous visitor sees on B", flush=True)
    product_id = int(re.search(r"/cart/add/(\d+)/", action).group(1))
    visitor = Browser("visitor")
    # Behind the load balancer every process sees the one public Host; the page cache keys on it.
    public_host = {"Host": urllib.parse.urlsplit(a).netloc}
    visitor.get(a + product_path)  # the paid checkout changed the stock, so the copy is made again, on A
    cached = expect(
        visitor.request("GET", b + product_path, headers=dict(public_host)),
        200,
        "product page on B, anonymous, before the change",
    )
    check("B serves it from the page cache shared with A", cached.headers.get("X-Page-Cache") == "hit")
    admin = Browser("admin")
    login_page = expect(admin.get(a + "/admin/login/"), 200, "admin login on A").text
    signed_in = admin.post_form(
        a + "/admin/login/",
        login_page,
        form_match="login",
        changes={"username": ADMIN[0], "password": ADMIN[1]},
        referer=a + "/admin/login/",
    )
    check("admin signs in on A", signed_in.status_code == 302)
    edit_path = f"/admin/snippets/shop/product/edit/{product_id}/"
    edit_page = expect(admin.get(a + edit_path), 200, "product edit on A").text
    new_price = Decimal(FormScraper.fields(edit_page, form_match=edit_path)["price"]) + Decimal("7.00")
    saved = admin.post_form(
        a + edit_path,
        edit_page,
        form_match=edit_path,
        changes={"price": f"{new_price:.2f}", "action-publish": "action-publish"},
        referer=a + edit_path,
    )
    check("the new price is published through A", saved.status_code == 302, saved.headers.get("Location", ""))
    fresh = expect(
        visitor.request("GET", b + product_path, headers=dict(public_host)), 200, "product page on B, anonymous"
    )
    check("the publish on A emptied the page cache for B", fresh.headers.get("X-Page-Cache") == "miss")
    seen = fresh.text
    old_price = new_price - Decimal("7.00")
    shown = seen.replace(",", ".")
    check("B shows the new price at once", f"{new_price:.2f}" in shown and f"{old_price:.2f}" not in shown)


def main() -> int:
    os.chdir(ROOT)
    check = Check()
    with Components(
        root=ROOT,
        pg_admin_url=PG_ADMIN_URL,
        db_name=DB_NAME,
        redis_url=REDIS_URL,
        bucket=BUCKET,
        webhook_secret=WEBHOOK_SECRET,
        ports=(free_port(), free_port()),
    ) as components:
        try:
            journey(components, check)
        except Exception as exc:  # noqa: BLE001 - report any failure with the logs, then fail the run
            print(f"\nscale-check FAILED: {type(exc).__name__}: {exc}", flush=True)
            components.print_logs()
            return 1
    print(f"\nscale-check passed: {len(check.results)} checks over 2 app processes", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
