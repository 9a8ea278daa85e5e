"""Roles are data: the Instructor, Centre lead, Editor and Finance groups with their permissions.

Which centre a person works for is a `CentreMembership` row; the admin scopes instructors and centre leads to
it. Permissions are only ever added here, never cleared: other apps (the makers' ledger) add their own to the
same groups. Each existing centre gets its photo collection; new centres get one when they are saved.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACCESS_ADMIN = ("wagtailadmin", "access_admin")
INSTRUCTOR = [
    ACCESS_ADMIN,
    ("shop", "add_product"),
    ("shop", "change_product"),
    ("shop", "view_product"),
    ("beneficiaries", "view_maker"),
    ("beneficiaries", "change_maker"),
]
ROLES = {
    "Instructor": INSTRUCTOR,
    "Centre lead": INSTRUCTOR + [("shop", "delete_product"), ("beneficiaries", "add_maker")],
    "Editor": [
        ACCESS_ADMIN,
        ("shop", "add_product"),
        ("shop", "change_product"),
        ("shop", "view_product"),
        ("shop", "add_craft"),
        ("shop", "change_craft"),
        ("shop", "view_craft"),
        ("beneficiaries", "add_maker"),
        ("beneficiaries", "change_maker"),
        ("beneficiaries", "view_maker"),
        ("beneficiaries", "add_consentrecord"),
        ("beneficiaries", "change_consentrecord"),
        ("beneficiaries", "view_consentrecord"),
        ("beneficiaries", "view_centre"),
    ],
    "Finance": [
        ACCESS_ADMIN,
        ("shop", "view_order"),
        ("shop", "change_order"),
        ("shop", "refund_order"),
        ("shop", "view_refund"),
        ("shop", "view_product"),
        ("beneficiaries", "view_maker"),
        ("beneficiaries", "view_centre"),
    ],
}
CENTRE_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _child_path(parent, last_child_path):
    """treebeard's materialised path of the next child (historical models have no tree methods)."""
    if last_child_path is None:
        return parent.path + "0001"
    number = int(last_child_path[-STEPLEN:], 36) + 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = ALPHABET[digit] + step
    return parent.path + step.rjust(STEPLEN, "0")


def _centre_collections(apps):
    Centre = apps.get_model("beneficiaries", "Centre")
    Collection = apps.get_model("wagtailcore", "Collection")
    CentreCollection = apps.get_model("shop", "CentreCollection")
    root = Collection.objects.filter(depth=1).first()
    collections = []
    for centre in Centre.objects.order_by("pk"):
        link = CentreCollection.objects.filter(centre=centre).first()
        if link is None:
            last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
            collection = Collection.objects.create(
                name=centre.name, path=_child_path(root, last.path if last else None), depth=2, numchild=0
            )
            root.numchild += 1
            root.save(update_fields=["numchild"])
            link = CentreCollection.objects.create(centre=centre, collection=collection)
        collections.append(link.collection)
    return root, collections


def roles_create(apps, schema_editor):
    # Model permissions are normally made after `migrate`; make them now so this migration can grant them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")

    groups = {}
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(apps, app, codename) for app, codename in permissions])
        groups[name] = group

    root_collection, centre_collections = _centre_collections(apps)
    image_permissions = [_permission(apps, "wagtailimages", c) for c in CENTRE_IMAGE_PERMISSIONS]
    for permission in image_permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=groups["Editor"], collection=root_collection, permission=permission
        )
        for collection in centre_collections:
            for name in ("Instructor", "Centre lead"):
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=collection, permission=permission
                )
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=groups["Editor"], page=root_page, permission=_permission(apps, "wagtailcore", codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0004_centre_collections_and_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("beneficiaries", "0002_currency_from_setting"),
    ]

    operations = [migrations.RunPython(roles_create, migrations.RunPython.noop)]
