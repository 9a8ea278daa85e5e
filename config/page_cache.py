"""The page cache: anonymous visitors' public pages served from the shared Django cache (Redis in production).

Who gets a cached page: a GET or HEAD without a session cookie and without a pending flash message. Everything
that differs between visitors (the cart and favourites counts, a favourite's pressed state, flash messages)
lives in the session or the messages cookie, so a visitor without either sees exactly what every other such
visitor sees; a buyer with a cart or favourites has a session and always gets a freshly rendered page with
their own counts. We chose this over filling the counts in with a script: no extra request per page, and the
pages keep working without JavaScript.

What is stored: only 200 answers of the views in `CACHEABLE_VIEWS` (the catalogue, product, maker pages, every
Wagtail page, the sitemaps) that set no cookie and did not ask not to be cached. A page that needs a CSRF token
sets the CSRF cookie, so it is never stored; the two buttons on these pages are checked by origin instead
(`shop.catalogue.same_origin`).

The key is the generation (`shop.catalogue.page_cache`, bumped by every change a page could show), the scheme,
host and full path with its query string; the language is the URL's prefix, so it is in the path. (Django's
LocaleMiddleware adds `Vary: Accept-Language` only to unprefixed URLs, and these are all prefixed.)

Headers: `Cache-Control: public` with `s-maxage` for a CDN and `max-age=0` for browsers, since a browser keeps
its copy even after the visitor's first "Add to cart" made the page personal. No `Vary: Cookie` (the session
middleware adds it because the context processors look at the session): a CDN in front must therefore bypass
its cache for requests carrying the session or messages cookie, the same rule this middleware follows. A CDN's
copy can be `s-maxage` seconds old; ours is never older than the last change.
`X-Page-Cache: hit|miss` says what happened.

Sits after the security, CSP and static-file middleware (a cached page still gets their headers and the HTTPS
redirect) and before the session middleware (a hit loads no session, user or messages).
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from shop.catalogue.page_cache import page_cache_generation

CACHEABLE_VIEWS = frozenset(
    {
        "shop:catalogue",
        "shop:product_detail",
        "shop:maker_detail",
        "wagtail_serve",
        "sitemap",
        "sitemap_section",
    }
)
# Headers worth keeping with a stored page; the outer middleware add the security and CSP headers on each hit.
_STORED_HEADERS = ("Content-Type", "Content-Language", "X-Frame-Options", "Last-Modified", "Link")


def _eligible(request) -> bool:
    if not getattr(settings, "PAGE_CACHE_ENABLED", False) or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _key(request, generation: str) -> str:
    return f"page-cache:{generation}:{request.scheme}://{request.get_host()}{request.get_full_path()}"


def _cacheable_response(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    if response.status_code != 200 or response.streaming or response.cookies or match is None:
        return False
    if match.view_name not in CACHEABLE_VIEWS:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def _shared_headers(response) -> None:
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SHARED_SECONDS)
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip() and v.strip().lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            return self.get_response(request)
        key = _key(request, page_cache_generation())
        stored = self._load(key)
        if stored is not None:
            return stored
        response = self.get_response(request)
        if request.method == "GET" and _cacheable_response(request, response):
            self._store(key, response)
            response["X-Page-Cache"] = "miss"
            _shared_headers(response)
        return response

    @staticmethod
    def _load(key: str) -> HttpResponse | None:
        from django.core.cache import cache

        stored = cache.get(key)
        if stored is None:
            return None
        content, headers = stored
        response = HttpResponse(content)
        response["Content-Length"] = str(len(content))
        for name, value in headers.items():
            response[name] = value
        response["X-Page-Cache"] = "hit"
        _shared_headers(response)
        return response

    @staticmethod
    def _store(key: str, response) -> None:
        from django.core.cache import cache

        headers = {name: response[name] for name in _STORED_HEADERS if response.has_header(name)}
        cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
