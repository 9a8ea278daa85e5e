"""Public pages at 10,000 products under load, each figure a ratio to a trivial Django view (a benchmark).

    make bench                       # or: uv run python bench/pages.py [--seconds 4] [--reuse]

Builds `bench/pages_data.py`'s data set in the PostgreSQL database `h_perf_bench` (dropped and made again;
`--reuse` keeps one already built), serves it with gunicorn (2 workers, `bench.settings` = the production
settings plus `/bench/trivial/` and a query-count header) with Redis db 15 as the cache, and drives it with wrk
from a separate process: at 1 and 8 clients, rounds of the trivial view and of a page alternate, and a page's
ratio is its requests per second over the mean of the trivial rounds just before and after it. Runs twice:
with the page cache on (production) and off. Finally 10,000 requests over many different pages, after which the
workers' peak resident memory (VmHWM) is read from /proc. Prints one table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/postgres")
DB_NAME = "h_perf_bench"
REDIS_URL = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15")
PORT = int(os.environ.get("BENCH_PORT", "8141"))
BASE = f"http://127.0.0.1:{PORT}"
TRIVIAL = "/bench/trivial/"

LUA = """
local paths, counter, limit, seen = {}, 0, 0, 0
local made = 0
-- Each thread starts at its own place in the list, so two never ask for the same new page together.
function setup(thread)
  thread:set("offset", made * 997)
  made = made + 1
end
function init(args)
  counter = offset or 0
  for _, a in ipairs(args) do
    if a:sub(1, 8) == "--limit=" then limit = tonumber(a:sub(9)) else table.insert(paths, a) end
  end
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
RESPONSE_FUNCTION
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, '
    .. '"errors": %d, "non2xx": %d}\\n', summary.requests, summary.duration, latency:percentile(50),
    latency:percentile(95), e.connect + e.read + e.write + e.timeout, e.status))
end
"""
# Only the counted round defines `response`: wrk then has to hand every response to Lua, which costs time.
LUA_STOP = "function response() seen = seen + 1; if limit > 0 and seen >= limit then wrk.thread:stop() end end"


def environment(media_root: str, *, page_cache: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "STRIPE_", "AWS_", "SHOP_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY="bench-" + "x" * 50,
        DATABASE_URL=PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + DB_NAME,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, as `make scale-check`
        SHOP_BASE_URL=BASE,
        REDIS_URL=REDIS_URL,
        DJANGO_CACHE_KEY_PREFIX="bench",
        STRIPE_SECRET_KEY="sk_test_bench",
        STRIPE_WEBHOOK_SECRET="whsec_bench",  # noqa: S106 - nothing real
        DJANGO_MEDIA_ROOT=media_root,
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_PAGE_CACHE="1" if page_cache else "0",
    )
    return env


def run(argv: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def build(env: dict[str, str]) -> None:
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    started = time.monotonic()
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env)
    print(run([sys.executable, "bench/pages_data.py"], env), end="", flush=True)
    print(f"  data set built in {time.monotonic() - started:.0f} s", flush=True)


def sql(query: str) -> list[tuple]:
    with psycopg.connect(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + DB_NAME) as conn:
        return conn.execute(query).fetchall()


def paths() -> list[tuple[str, str | list[str]]]:
    product = sql("SELECT slug FROM shop_product WHERE status = 'published' AND stock > 0 ORDER BY id LIMIT 1")[0][0]
    maker = sql("SELECT m.slug FROM beneficiaries_maker m ORDER BY id LIMIT 1 OFFSET 1")[0][0]
    story = sql("SELECT url_path FROM wagtailcore_page WHERE slug LIKE 'story-%' ORDER BY id LIMIT 1")[0][0]
    impact = sql("SELECT url_path FROM wagtailcore_page WHERE slug = 'impact' LIMIT 1")[0][0]
    # url_path is /<home slug>/.../; the home page's slug is the language code ("az") of the default site.
    return [
        ("home", "/az/"),
        ("catalogue p1", "/az/shop/"),
        ("catalogue p400", "/az/shop/?page=400"),
        ("catalogue p1, 48/page", "/az/shop/?per_page=48"),
        ("catalogue p200, 48/page", "/az/shop/?per_page=48&page=200"),
        # A different search on every request, so neither cache answers it: this row measures the search itself.
        ("search + 2 filters, each new", [f"/az/shop/?q=blue+{n}&craft=pottery&centre=baku" for n in range(3000)]),
        ("product", f"/az/shop/p/{product}/"),
        ("maker", f"/az/shop/makers/{maker}/"),
        ("story", "/az/" + story.split("/", 2)[2]),
        ("impact", "/az/" + impact.split("/", 2)[2]),
        ("sitemap.xml", "/sitemap.xml"),
        ("sitemap products p1", "/sitemap-products.xml"),
        ("sitemap products p10", "/sitemap-products.xml?p=10"),
    ]


class Server:
    def __init__(self, env: dict[str, str], log: Path):
        self.env, self.log = env, log

    def __enter__(self) -> Server:
        argv = [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}"]
        argv += ["--workers", "2", "--timeout", "60", "--env", "DJANGO_SETTINGS_MODULE=bench.settings"]
        # Its own control socket: gunicorn's default one is shared by every gunicorn of the user, so another
        # checkout's server on the machine could otherwise stop this one.
        argv += ["--control-socket", str(self.log.with_suffix(".ctl"))]
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env=self.env, stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(BASE + TRIVIAL, timeout=2):
                    return self
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise SystemExit(f"gunicorn did not start:\n{self.log.read_text()[-3000:]}") from None
                time.sleep(0.3)

    def __exit__(self, *exc) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)

    def workers_memory_mb(self) -> list[float]:
        """Peak resident memory (VmHWM) of each gunicorn worker, in MB."""
        peaks = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                peaks.append(int(re.search(r"^VmHWM:\s+(\d+)", text, re.M).group(1)) / 1024)
        return peaks


def wrk(paths_: list[str], *, clients: int, seconds: float, limit: int = 0) -> dict:
    threads = min(clients, 2)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA.replace("RESPONSE_FUNCTION", LUA_STOP if limit else ""))
    argv = ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{int(seconds)}s", "--timeout", "10s"]
    argv += ["-s", script.name]
    argv += [BASE, "--", *paths_]
    if limit:
        argv.append(f"--limit={limit // threads}")
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    os.unlink(script.name)
    result = json.loads(out.split("WRK_JSON ", 1)[1].splitlines()[0])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def probe(path: str) -> dict:
    try:
        with urllib.request.urlopen(BASE + path, timeout=30) as response:
            body = response.read()
            return {"queries": response.headers.get("X-Bench-Queries", "?"), "kb": len(body) / 1024}
    except urllib.error.HTTPError as error:  # shown in the table rather than stopping the run
        return {"queries": error.headers.get("X-Bench-Queries", "?"), "kb": 0.0, "status": error.code}


def largest_image(path: str, media_root: str) -> str:
    """The largest file any <img> of the page may load (src or a srcset candidate): at desktop width the main
    photo's sizes are 36rem, so a 2x screen takes its widest (1200 px) candidate."""
    with urllib.request.urlopen(BASE + path, timeout=30) as response:
        html = response.read().decode()
    found = []
    for tag in re.findall(r"<img\b[^>]*>", html):
        for value in re.findall(r'(?:src|srcset)="([^"]+)"', tag):
            for candidate in value.split(","):
                url = candidate.strip().split(" ")[0]
                file = Path(media_root, url.removeprefix("/media/"))
                if url.startswith("/media/") and file.exists():
                    found.append((file.stat().st_size / 1024, url.rsplit("/", 1)[-1]))
    if not found:
        return "no image found"
    size, name = max(found)
    return f"{size:.0f} KB ({name})"


def measure(pages: list[tuple[str, str]], *, seconds: float, mode: str) -> list[dict]:
    for _, path in pages:  # warm: imports, connections, and (cache on) the stored copy
        if isinstance(path, str):
            probe(path)
            probe(path)
    rows = []
    for clients in (1, 8):
        before = wrk([TRIVIAL], clients=clients, seconds=seconds)
        for name, path in pages:
            page = wrk([path] if isinstance(path, str) else path, clients=clients, seconds=seconds)
            after = wrk([TRIVIAL], clients=clients, seconds=seconds)
            # A page slower than a round leaves requests queued that eat into the next trivial round; a round
            # with nothing done is shown as ratio 0 rather than stopping the run.
            baseline = (before["rps"] + after["rps"]) / 2 or float("inf")
            facts = probe(path if isinstance(path, str) else path[-1 - clients])  # one wrk has not asked for
            rows.append(
                {
                    "page": name,
                    "cache": mode,
                    "clients": clients,
                    "rps": page["rps"],
                    "p50": page["p50_us"] / 1000,
                    "p95": page["p95_us"] / 1000,
                    "ratio": page["rps"] / baseline,
                    "trivial_rps": baseline,
                    "errors": page["errors"] + page["non2xx"],
                    **facts,
                }
            )
            print(
                f"  {mode:>3} {clients} {name:<26} {page['rps']:7.1f} req/s  ratio {rows[-1]['ratio']:.3f}", flush=True
            )
            before = after
    return rows


def table(rows: list[dict], memory: str, image: str) -> str:
    head = "| page | page cache | clients | req/s | p50 ms | p95 ms | ratio to trivial | queries | HTML KB | errors |"
    lines = [head, "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(
            f"| {r['page']} | {r['cache']} | {r['clients']} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} | "
            f"{r['ratio']:.3f} | {r['queries']} | {r['kb']:.1f} | {r['errors']} |"
        )
    lines.append("")
    lines.append(f"Worker peak RSS (VmHWM) after 10,000 more requests over 2,000 different pages: {memory}")
    lines.append(f"Largest image of the product page at desktop width: {image}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=int, default=4, help="length of each wrk round")
    parser.add_argument("--build-only", action="store_true", help="build the data set and stop")
    parser.add_argument("--reuse", action="store_true", help="keep an h_perf_bench database built before")
    args = parser.parse_args()
    media_root = str(ROOT / "var" / "bench-media")
    env_on = environment(media_root, page_cache=True)
    if not args.reuse:
        build(env_on)
    if args.build_only:
        return
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env_on)
    pages = paths()
    log_dir = ROOT / "var"
    log_dir.mkdir(exist_ok=True)
    rows = []
    for mode, env in (("on", env_on), ("off", environment(media_root, page_cache=False))):
        run([sys.executable, "-c", "import redis,sys; redis.Redis.from_url(sys.argv[1]).flushdb()", REDIS_URL], env)
        with Server(env, log_dir / f"bench-gunicorn-{mode}.log") as server:
            rows += measure(pages, seconds=args.seconds, mode=mode)
            if mode == "on":
                product_path = next(path for name, path in pages if name == "product")
                image = largest_image(product_path, media_root)
                # Many different pages, most of them misses at first: what a crawler does to the workers.
                products = [f"/az/shop/p/{slug}/" for (slug,) in sql("SELECT slug FROM shop_product LIMIT 1800")]
                mix = products + [path for _, path in pages if isinstance(path, str)]
                mix += [f"/az/shop/?page={n}" for n in range(1, 189)]
                wrk(mix, clients=8, seconds=600, limit=10_000)
                memory = ", ".join(f"{mb:.0f} MB" for mb in sorted(server.workers_memory_mb()))
    print()
    print(table(rows, memory, image))


if __name__ == "__main__":
    main()
