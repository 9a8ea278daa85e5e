"""Centre scoping for the Wagtail admin: instructors and centre leads see and change only their centre's rows.

Who works where is data (`CentreMembership`). Superusers, editors and finance are not limited to a centre
(their group permissions still decide what they may do). Everyone else sees only the centres they are
members of, which may be none.

Scoping is applied in three places so that no view is forgotten:
- the permission policy (`CentreScopedPermissionPolicy`): buttons, object checks, chooser lists;
- the viewset (`CentreScopedViewSetMixin`): list queryset, form field choices, and a guard on every URL with
  a `pk`, so any view Wagtail adds later (history, usage, revisions, unpublish, ...) answers 404 for another
  centre's object before the view runs;
- the chooser viewset (`CentreScopedChooserViewSet`): what a chooser offers and what it hands back.
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404
from django.urls import URLPattern
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.images import get_image_model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
    SnippetCreateView,
)

from .models import Centre, CentreMembership

INSTRUCTOR = "Instructor"
CENTRE_LEAD = "Centre lead"
EDITOR = "Editor"
FINANCE = "Finance"
# Groups whose members work across every centre.
UNSCOPED_GROUPS = (EDITOR, FINANCE)
CENTRE_FIELD = "centre"

_CACHE = "_centre_scope_cache"


def user_centre_ids(user) -> frozenset[int] | None:
    """The centres `user` may work on, or None when they are not limited to centres."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    if not hasattr(user, _CACHE):
        if user.groups.filter(name__in=UNSCOPED_GROUPS).exists():
            scope = None
        else:
            scope = frozenset(CentreMembership.objects.filter(user=user).values_list("centre_id", flat=True))
        setattr(user, _CACHE, scope)
    return getattr(user, _CACHE)


def scope_queryset(queryset: QuerySet, user, centre_field: str = CENTRE_FIELD) -> QuerySet:
    centres = user_centre_ids(user)
    if centres is None:
        return queryset
    if queryset.model is Centre:
        return queryset.filter(pk__in=centres)
    return queryset.filter(**{f"{centre_field}__in": centres})


def in_scope(user, instance: Model, centre_field: str = CENTRE_FIELD) -> bool:
    centres = user_centre_ids(user)
    return centres is None or getattr(instance, f"{centre_field}_id") in centres


def _has_centre(model) -> bool:
    try:
        field = model._meta.get_field(CENTRE_FIELD)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist and friends: the model is not centre-bound
        return False
    return getattr(field, "related_model", None) is Centre


def scope_form_fields(form, user) -> None:
    """Limit every model choice on `form` (and its inline formsets) to what `user` may pick."""
    if user is None:
        return
    from wagtail.images.permissions import permission_policy as image_policy

    image_model = get_image_model()
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        if queryset.model is Centre or _has_centre(queryset.model):
            field.queryset = scope_queryset(queryset, user)
        elif queryset.model is image_model:
            field.queryset = queryset & image_policy.instances_user_has_any_permission_for(user, ["choose"])
    for formset in getattr(form, "formsets", {}).values():
        for subform in formset.forms:
            scope_form_fields(subform, user)


class CentreScopedAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scope_form_fields(self, getattr(self, "for_user", None))


class CentreScopedPermissionPolicy(ModelPermissionPolicy):
    """Django model permissions, and on top: the object must belong to one of the user's centres."""

    def user_has_permission_for_instance(self, user, action, instance):
        return in_scope(user, instance) and super().user_has_permission_for_instance(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return in_scope(user, instance) and super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return scope_queryset(super().instances_user_has_any_permission_for(user, actions), user)


def _object_in_scope(model, user, pk) -> bool:
    try:
        return scope_queryset(model._default_manager.filter(pk=unquote(str(pk))), user).exists()
    except (ValueError, TypeError, ValidationError):
        return False


def guard_object_urls(patterns: list, model) -> list:
    """Wrap every view whose URL carries a `pk` so another centre's object is a 404 before the view runs."""

    def guarded(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and not _object_in_scope(model, request.user, pk):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    result = []
    for pattern in patterns:
        if not isinstance(pattern, URLPattern):
            raise TypeError(f"unexpected nested URLs in {model.__name__}'s admin: {pattern!r}")
        result.append(URLPattern(pattern.pattern, guarded(pattern.callback), pattern.default_args, pattern.name))
    return result


class _ScopedChooserList:
    def get_object_list(self):
        return scope_queryset(super().get_object_list(), self.request.user)


class ScopedChooseView(_ScopedChooserList, ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooserList, ChooseResultsView):
    pass


class ScopedChosenView(SnippetChosenView):
    def get_object(self, pk):
        return scope_queryset(self.model_class.objects.all(), self.request.user).get(pk=pk)


class ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope_queryset(super().get_objects(pks), self.request.user)


class ScopedChooserCreateView(SnippetCreateView):
    def dispatch(self, request, *args, **kwargs):
        # Snippet choosers here have no creation form; without this a POST answers 500.
        if self.get_creation_form_class() is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CentreScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView
    create_view_class = ScopedChooserCreateView

    def get_urlpatterns(self):
        return guard_object_urls(super().get_urlpatterns(), self.model)


class CentreScopedViewSetMixin:
    """Mix into a SnippetViewSet whose model has a `centre` foreign key."""

    chooser_viewset_class = CentreScopedChooserViewSet

    @property
    def permission_policy(self):
        return CentreScopedPermissionPolicy(self.model)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if queryset is None:
            queryset = self.model._default_manager.all()
        return scope_queryset(queryset, request.user)

    def get_edit_handler(self):
        if not hasattr(self, "edit_handler") and hasattr(self, "panels"):
            return ObjectList(self.panels, base_form_class=CentreScopedAdminForm).bind_to_model(self.model)
        return super().get_edit_handler()

    def get_urlpatterns(self):
        return guard_object_urls(super().get_urlpatterns(), self.model)
