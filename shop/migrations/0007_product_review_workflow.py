"""Product review is data: the "Product review" workflow on products, whose one task a centre lead (of the
product's centre) or an editor approves.

Existing products keep what buyers see: a PUBLISHED product is live, anything else is a draft. Centre leads
and editors may publish; instructors only submit. Permissions are added, never cleared.
"""

from django.db import migrations
from django.db.models import Q

REVIEWERS = ("Centre lead", "Editor")
EXTRA_PERMISSIONS = {"publish": REVIEWERS, "lock": REVIEWERS, "unlock": REVIEWERS}


def review_configure(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Product = apps.get_model("shop", "Product")
    CentreApprovalTask = apps.get_model("shop", "CentreApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    Product.objects.filter(status="published").update(live=True, has_unpublished_changes=False)
    Product.objects.filter(~Q(status="published")).update(live=False, has_unpublished_changes=True)

    product_type, _ = ContentType.objects.get_or_create(app_label="shop", model="product")
    for action, group_names in EXTRA_PERMISSIONS.items():
        # The same rows Wagtail's post_migrate handler would make; made here so they can be granted now.
        permission, _ = Permission.objects.get_or_create(
            content_type=product_type, codename=f"{action}_product", defaults={"name": f"Can {action} product"}
        )
        for group_name in group_names:
            group, _ = Group.objects.get_or_create(name=group_name)
            group.permissions.add(permission)

    if Workflow.objects.filter(name="Product review").exists():
        return
    task_type, _ = ContentType.objects.get_or_create(app_label="shop", model="centreapprovaltask")
    task = CentreApprovalTask.objects.create(
        name="Centre lead or editor approves", content_type=task_type, active=True
    )
    task.groups.set(Group.objects.filter(name__in=REVIEWERS))
    workflow = Workflow.objects.create(name="Product review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(workflow=workflow, content_type=product_type)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0006_product_review"),
        ("shop", "0005_roles"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(review_configure, migrations.RunPython.noop)]
