"""Editorial review is data: editors submit pages, a moderator approves (publishes) or rejects with a comment.

The "Editorial review" workflow has one task, approved by the "Moderators" group (Wagtail's own group, made by
its first migrations; made here if missing). It is assigned to every home page, so it covers each language's
whole page tree (home, stories, centres, information pages). The "Editor" group keeps adding and editing pages
but loses publishing, which `shop/migrations/0005_roles.py` granted: otherwise an editor could publish past
the review. Moderators may add, edit, publish, lock and unlock pages. Reversing restores the editors' publish
permission and removes the workflow; groups and other permissions stay.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW = "Editorial review"
TASK = "A moderator approves"
MODERATORS = "Moderators"
EDITOR = "Editor"
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MODERATOR_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("shop", "view_product"),  # the home page's product chooser
    ("beneficiaries", "view_centre"),  # the centre pages' centre chooser
)
MODERATOR_IMAGE_PERMISSIONS = ("add_image", "choose_image")


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def workflow_configure(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    HomePage = apps.get_model("cms", "HomePage")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(*[_permission(apps, app, codename) for app, codename in MODERATOR_PERMISSIONS])
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in MODERATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page=root_page, permission=_permission(apps, "wagtailcore", codename)
            )
        GroupPagePermission.objects.filter(
            group__name=EDITOR, permission__content_type__app_label="wagtailcore", permission__codename="publish_page"
        ).delete()
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for codename in MODERATOR_IMAGE_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=moderators, collection=root_collection, permission=_permission(apps, "wagtailimages", codename)
            )

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
        task.groups.set([moderators])
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for home in HomePage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=home.pk, defaults={"workflow": workflow})


def workflow_remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    WorkflowPage.objects.filter(workflow__name=WORKFLOW).delete()
    Workflow.objects.filter(name=WORKFLOW).update(active=False)
    editor = Group.objects.filter(name=EDITOR).first()
    root_page = Page.objects.filter(depth=1).first()
    if editor is not None and root_page is not None:
        GroupPagePermission.objects.get_or_create(
            group=editor, page=root_page, permission=_permission(apps, "wagtailcore", "publish_page")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_centre_pages_and_home_curation"),
        ("shop", "0005_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(workflow_configure, workflow_remove)]
