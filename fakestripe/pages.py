"""The hosted checkout page a browser sees at `session.url`: plain, accessible HTML with no scripts or
inline styles, so it passes the same axe and Content-Security-Policy checks as the shop's own pages."""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qs

from .errors import StripeError
from .objects import format_amount

CSS_PATH = "/pay/assets/checkout.css"
CSS = b"""body{font-family:system-ui,sans-serif;margin:0;background:#f6f8fa;color:#1a1a1a;line-height:1.5}
main{max-width:32rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #d0d7de;
border-radius:8px}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:.25rem 0}
td.num,th.num{text-align:right}
tfoot th,tfoot td{border-top:1px solid #d0d7de;font-weight:bold}
label{display:block;margin-top:1rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #57606a;
border-radius:4px}
input[readonly]{background:#eaeef2}fieldset{border:0;padding:0;margin:0}legend{font-weight:700;margin-top:1rem}
button{margin-top:1.5rem;width:100%;padding:.75rem;font-size:1.1rem;background:#0a4fb5;color:#fff;border:0;
border-radius:4px;cursor:pointer}
button:focus,input:focus,a:focus{outline:3px solid #f5a623;outline-offset:2px}
.alert{margin-top:1rem;padding:.75rem;border:2px solid #a40e26;color:#a40e26;background:#fff0f0}
.hint{color:#4f5661;font-size:.9rem;margin:.25rem 0 0}.notice{color:#4f5661}a{color:#0a4fb5}
"""


def _page(title: str, body: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} - Test checkout</title>\n"
        f'<link rel="stylesheet" href="{CSS_PATH}">\n</head>\n'
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    ).encode()


def message_page(title: str, text: str, link: str | None = None, link_text: str = "Return to the shop") -> bytes:
    body = f"<h1>{escape(title)}</h1>\n<p>{escape(text)}</p>\n"
    if link:
        body += f'<p><a href="{escape(link)}">{escape(link_text)}</a></p>\n'
    return _page(title, body)


def checkout_page(
    session: dict, items: list[dict], *, error: str | None = None, values: dict[str, str] | None = None
) -> bytes:
    values = values or {}
    total = format_amount(session["amount_total"], session["currency"])
    rows = "".join(
        f'<tr><td>{escape(item["description"])}</td><td class="num">{item["quantity"]}</td>'
        f'<td class="num">{escape(format_amount(item["amount_total"], item["currency"]))}</td></tr>\n'
        for item in items
    )
    email = values.get("email") or session["customer_email"] or ""
    email_attrs = " readonly" if session["customer_email"] else ""
    alert = f'<p role="alert" id="payment-error" class="alert">{escape(error)}</p>\n' if error else ""
    card_attrs = (
        ' aria-invalid="true" aria-describedby="card-hint payment-error"'
        if error
        else (' aria-describedby="card-hint"')
    )
    cancel = (
        f'<p><a href="{escape(session["cancel_url"])}">Cancel and return</a></p>\n' if session["cancel_url"] else ""
    )
    body = f"""<h1>Checkout</h1>
<p class="notice">Test mode: no real card is charged.</p>
<table>
<caption>Order summary</caption>
<thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th>
<th scope="col" class="num">Amount</th></tr></thead>
<tbody>
{rows}</tbody>
<tfoot><tr><th scope="row" colspan="2">Total</th><td class="num" id="total">{escape(total)}</td></tr></tfoot>
</table>
{alert}<form method="post" action="/pay/{escape(session["id"])}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required
 value="{escape(email)}"{email_attrs}>
<fieldset>
<legend>Card details</legend>
<label for="cardNumber">Card number</label>
<input id="cardNumber" name="card_number" inputmode="numeric" autocomplete="cc-number" required{card_attrs}>
<p id="card-hint" class="hint">Test card: 4242 4242 4242 4242</p>
<label for="cardExpiry">Expiry date (MM/YY)</label>
<input id="cardExpiry" name="expiry" autocomplete="cc-exp" placeholder="MM/YY" required
 value="{escape(values.get("expiry", ""))}">
<label for="cardCvc">Security code (CVC)</label>
<input id="cardCvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" required>
<label for="cardName">Name on card</label>
<input id="cardName" name="name" autocomplete="cc-name" value="{escape(values.get("name", ""))}">
</fieldset>
<button type="submit">Pay</button>
</form>
{cancel}"""
    return _page(f"Pay {total}", body)


def success_location(session: dict) -> str:
    return session["success_url"].replace("{CHECKOUT_SESSION_ID}", session["id"])


def handle_pay_page(state, method: str, session_id: str, body: bytes) -> tuple[int, dict, bytes]:
    """GET shows the form; POST pays and redirects (303) to success_url, or re-renders with the error."""
    try:
        session, items = state.checkout_view(session_id)
    except StripeError:
        return (
            404,
            {},
            message_page(
                "Checkout session not found",
                "There is no checkout session with this address. Please return to the shop and start again.",
            ),
        )
    if session["status"] == "expired":
        return (
            410,
            {},
            message_page(
                "Checkout session expired",
                "This checkout session has expired and can "
                "no longer be paid. Please return to the shop and start again.",
                session["cancel_url"],
            ),
        )
    if method == "GET":
        if session["status"] == "complete":
            return (
                200,
                {},
                message_page(
                    "Payment complete", "This checkout session has already been paid.", success_location(session)
                ),
            )
        return 200, {}, checkout_page(session, items)

    form = {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}
    try:
        session, _ = state.pay_session(
            session_id,
            card_number=form.get("card_number", ""),
            expiry=form.get("expiry", ""),
            cvc=form.get("cvc", ""),
            email=form.get("email"),
            name=form.get("name"),
        )
    except StripeError as exc:
        if exc.code == "checkout_session_expired":
            return 410, {}, message_page("Checkout session expired", exc.message, session["cancel_url"])
        # Checkout shows one plain sentence for every decline, whatever the decline code.
        text = "Your card was declined." if exc.code == "card_declined" else exc.message
        return (
            (402 if exc.status == 402 and exc.code == "card_declined" else 400),
            {},
            checkout_page(session, items, error=text, values=form),
        )
    return 303, {"Location": success_location(session)}, b""
