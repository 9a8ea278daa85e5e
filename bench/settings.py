"""`make bench`'s server: the production settings, plus a trivial view to measure against (`bench/urls.py`) and a
query count on every response (`bench/middleware.py`). Used only by bench/pages.py; never in a deployment."""

from config.settings.production import *  # noqa: F403
from config.settings.production import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
# Outermost but the health check: it counts the queries of a page served from the page cache too (none).
MIDDLEWARE = [MIDDLEWARE[0], "bench.middleware.query_count", *MIDDLEWARE[1:]]
