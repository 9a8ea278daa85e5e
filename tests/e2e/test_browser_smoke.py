"""The browser harness itself: Chromium starts, reaches the live server, and axe runs."""


def test_chromium_renders_a_live_page_and_axe_runs(page, live_url, axe_violations):
    response = page.goto(f"{live_url}/robots.txt")
    assert response is not None and response.status == 200
    page.set_content('<html lang="en"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>')
    ids = {v["id"] for v in axe_violations(page)}
    assert "image-alt" in ids  # axe really ran: an image without alt text is flagged
