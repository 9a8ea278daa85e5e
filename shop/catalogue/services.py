"""Catalogue writes."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission

from beneficiaries.admin_scoping import CENTRE_LEAD, INSTRUCTOR
from beneficiaries.models import Centre

from .models import CentreCollection

# What instructors and centre leads may do with photos in their centre's collection.
CENTRE_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")


@transaction.atomic
def centre_collection_ensure(*, centre: Centre) -> Collection:
    """The centre's photo collection, created with its instructors' and leads' permissions on first use."""
    link = CentreCollection.objects.select_related("collection").filter(centre=centre).first()
    if link is not None:
        return link.collection
    collection = Collection.get_first_root_node().add_child(name=centre.name)
    CentreCollection.objects.create(centre=centre, collection=collection)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=CENTRE_IMAGE_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=(INSTRUCTOR, CENTRE_LEAD)):
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)
    return collection
