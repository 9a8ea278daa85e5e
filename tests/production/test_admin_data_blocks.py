"""Wagtail's admin widgets render JSON data blocks (started by static/js/admin-init.js), never inline scripts
that the Content-Security-Policy would block. The browser test covers the pages; this covers every widget kind."""

import json
import re

import pytest
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput
from wagtail.admin.widgets.workflows import AdminTaskChooser
from wagtail.images.widgets import AdminImageChooser
from wagtail.snippets.widgets import AdminSnippetChooser

from shop.models import Craft

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\b(src=|type=\"application/json\"))[^>]*>")


def data_block(html: str) -> dict:
    assert not INLINE_SCRIPT.search(html), html
    match = re.search(r'<script type="application/json" data-admin-init>(.*?)</script>', html, re.S)
    assert match, html
    data = json.loads(match.group(1))
    args = data.get("args", []) + (json.loads(data["argsJson"]) if "argsJson" in data else [])
    return {"name": data.get("construct") or data.get("call"), "args": args}


@pytest.mark.parametrize(
    ("widget", "initialiser"),
    [
        (AdminDateInput, "initDateChooser"),
        (AdminTimeInput, "initTimeChooser"),
        (AdminDateTimeInput, "initDateTimeChooser"),
    ],
)
def test_date_and_time_widgets_start_from_a_data_block(widget, initialiser):
    block = data_block(widget().render("go_live_at", None, {"id": "id_go_live_at"}))
    assert block["name"] == initialiser
    assert block["args"][0] == "id_go_live_at"
    assert isinstance(block["args"][1], dict)


@pytest.mark.parametrize(
    ("widget", "constructor"),
    [(lambda: AdminSnippetChooser(Craft), "SnippetChooser"), (AdminImageChooser, "ImageChooser")],
)
def test_chooser_widgets_start_from_a_data_block(db, widget, constructor):
    block = data_block(widget().render("craft", None, {"id": "id_craft"}))
    assert block["name"] == constructor
    assert block["args"][0] == "id_craft"
    assert "modalUrl" in block["args"][1]


def test_the_task_chooser_starts_from_a_data_block(db):
    assert data_block(AdminTaskChooser().render("task", None, {"id": "id_task"})) == {
        "name": "createTaskChooser",
        "args": ["id_task"],
    }


def test_a_title_cannot_close_the_data_block(db):
    craft = Craft.objects.create(name="</script><script>alert(1)</script>", slug="x")
    html = AdminSnippetChooser(Craft).render("craft", craft.pk, {"id": "id_craft"})
    assert "<script>alert(1)" not in html
