"""Photos live in one Wagtail collection per centre; instructors and centre leads reach only their own.

Wagtail's image views all share one permission policy object (`wagtail.images.permissions.permission_policy`,
imported by value into each view module), so we give that object our subclass instead of replacing it: every
image view, chooser and upload path then asks the same, centre-aware question.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.images import get_image_model
from wagtail.images.views.chooser import ImageSelectFormatView
from wagtail.models import Collection, GroupCollectionPermission
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from beneficiaries.admin_scoping import user_centre_ids


class CentreScopedImagePolicy(CollectionOwnershipPermissionPolicy):
    """Collection permissions, keeping for centre-bound users only the grants on their centres' collections."""

    def get_all_permissions_for_user(self, user) -> QuerySet[GroupCollectionPermission]:
        permissions = super().get_all_permissions_for_user(user)
        centres = user_centre_ids(user)
        if centres is None:
            return permissions
        return permissions.filter(collection__centre_photos__centre_id__in=centres)


class CheckedImageSelectFormatView(ImageSelectFormatView):
    """Wagtail's "select format" step of the image chooser does not check who may choose the image."""

    def dispatch(self, request, *args, image_id, **kwargs):
        from wagtail.images.permissions import permission_policy

        image = get_object_or_404(get_image_model(), id=image_id)
        if not permission_policy.user_has_permission_for_instance(request.user, "choose", image):
            raise Http404
        return super().dispatch(request, *args, image_id=image_id, **kwargs)


def image_scoping_install() -> None:
    """Called from `ShopConfig.ready()`, before the admin's URLs are built."""
    from wagtail.images import permissions
    from wagtail.images.views.chooser import viewset as image_chooser_viewset

    policy = permissions.permission_policy
    if not isinstance(policy, CentreScopedImagePolicy):
        policy.__class__ = CentreScopedImagePolicy
    image_chooser_viewset.select_format_view_class = CheckedImageSelectFormatView


def centre_collection(centre_id: int) -> Collection | None:
    return Collection.objects.filter(centre_photos__centre_id=centre_id).first()
