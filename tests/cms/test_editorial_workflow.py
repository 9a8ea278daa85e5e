"""Editors submit pages, a moderator approves or rejects them with a comment (the "Editorial review" workflow
a migration configures); scheduled publishing, preview and the accessibility checker work for centre pages."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import CentrePage, HomePage

from .centre_helpers import centres_index


@pytest.fixture
def editor(user_factory):
    user = user_factory(username="editor-1")
    user.groups.add(Group.objects.get(name="Editor"))
    return user


@pytest.fixture
def moderator(user_factory):
    user = user_factory(username="moderator-1")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def baku(centre_factory):
    return centre_factory(name="Baku", slug="baku", city="Baku")


def centre_form(centre, *, action: str, title: str = "Baku centre", **extra) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": "baku",
            "centre": centre.pk,
            "intro": "Our main workshop.",
            "teaches": rich_text("Pottery and carpet weaving."),
            "address": "34 Samad Vurgun street, Baku",
            "phone": "",
            "email": "",
            "opening_hours": streamfield([("hours", {"days": "Monday to Friday", "hours": "10:00–18:00"})]),
            "latitude": "",
            "longitude": "",
            "map_url": "",
            "image": "",
            "image_alt": "",
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            **extra,
        }
    )
    data[action] = "1"
    return data


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["cms", "centrepage", index.pk])


def submitted_page(client, editor, centre, **extra) -> CentrePage:
    client.force_login(editor)
    response = client.post(add_url(centres_index("en")), centre_form(centre, action="action-submit", **extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    return CentrePage.objects.get(slug="baku")


def act(client, moderator, page, action: str, comment: str = ""):
    client.force_login(moderator)
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment})


def test_every_home_page_tree_is_under_editorial_review(db):
    for home in HomePage.objects.all():
        workflow = home.get_workflow()
        assert workflow.name == "Editorial review"
        assert [task.name for task in workflow.tasks] == ["A moderator approves"]
        assert list(workflow.tasks[0].specific.groups.values_list("name", flat=True)) == ["Moderators"]


def test_an_editor_submits_and_nothing_is_published_until_a_moderator_approves(client, editor, moderator, baku):
    page = submitted_page(client, editor, baku)
    assert not page.live
    assert page.workflow_in_progress
    assert client.get("/en/centres/baku/").status_code == 404

    response = act(client, moderator, page, "approve", comment="Looks good")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get("/en/centres/baku/").status_code == 200


def test_an_editor_cannot_publish_alone(client, editor, baku):
    client.force_login(editor)
    response = client.post(add_url(centres_index("en")), centre_form(baku, action="action-publish"))
    assert response.status_code in (302, 403)
    page = CentrePage.objects.filter(slug="baku").first()
    assert page is None or not page.live
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[centres_index("en").pk])).content.decode()
    assert 'name="action-publish"' not in edit
    assert 'name="action-submit"' in edit


def test_a_rejected_page_stays_unpublished_and_the_editor_reads_the_comment(client, editor, moderator, baku):
    page = submitted_page(client, editor, baku)
    response = act(client, moderator, page, "reject", comment="Please add the Saturday hours.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.get(workflow_state__object_id=str(page.pk)).comment == ("Please add the Saturday hours.")
    client.force_login(editor)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Please add the Saturday hours." in history


def test_an_approved_page_with_a_go_live_date_waits_for_it(client, editor, moderator, baku):
    go_live = (timezone.localtime() + timedelta(hours=2)).replace(microsecond=0)
    page = submitted_page(client, editor, baku, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    act(client, moderator, page, "approve")
    page.refresh_from_db()
    assert not page.live
    revision = page.scheduled_revision
    assert revision is not None and revision.approved_go_live_at is not None

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live  # not yet: two hours to go

    with time_machine.travel(go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get("/en/centres/baku/").status_code == 200


def test_an_editor_previews_an_unsaved_centre_page(client, editor, baku):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_add", args=["cms", "centrepage", centres_index("en").pk])
    response = client.post(url, centre_form(baku, action="preview", title="Draft of Baku"))
    assert response.json()["is_valid"] is True
    preview = client.get(url)
    assert preview.status_code == 200
    assert "<h1>Draft of Baku</h1>" in preview.content.decode()
    assert "Pottery and carpet weaving." in preview.content.decode()


def test_signed_in_editors_get_the_userbar_with_the_accessibility_checker_and_buyers_do_not(client, editor, baku):
    from .centre_helpers import add_centre_page

    add_centre_page(baku)
    assert "<wagtail-userbar>" not in client.get("/en/centres/baku/").content.decode()
    client.force_login(editor)
    text = client.get("/en/centres/baku/").content.decode()
    assert "<wagtail-userbar>" in text
    assert 'id="checker-axe-configuration"' in text
    assert "<script>" not in text  # only data blocks and static files: the Content-Security-Policy holds
