"""Reading the sitemap as a crawler does: the index at /sitemap.xml, then every page it lists."""

import re
from urllib.parse import urlsplit


def sitemap_pages(client, **headers) -> list[str]:
    """The index's <loc> entries (absolute URLs of the sitemap pages)."""
    index = client.get("/sitemap.xml", **headers)
    assert index.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", index.content.decode())


def sitemap_text(client, **headers) -> str:
    """The index and every page it lists, as one text (each page fetched with the same headers)."""
    texts = [client.get("/sitemap.xml", **headers).content.decode()]
    for url in sitemap_pages(client, **headers):
        parts = urlsplit(url)
        response = client.get(parts.path, {"p": parts.query[2:]} if parts.query else {}, **headers)
        assert response.status_code == 200, url
        texts.append(response.content.decode())
    return "\n".join(texts)


def sitemap_locations(client, **headers) -> set[str]:
    return set(re.findall(r"<loc>([^<]+)</loc>", sitemap_text(client, **headers)))
