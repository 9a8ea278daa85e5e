"""Wagtail admin for centres, makers and their consent records, and the finance pages ("Makers' money").

Consent is recorded and withdrawn only through `beneficiaries.services`, so a withdrawal made in the admin
also erases what it covered (the photo file, the bio) exactly as one made anywhere else. A Maker is a plain
model (not clusterable), so its consent records are listed read-only on the maker's form and edited as
their own snippet, each linked from that list.
"""

from django import forms
from django.urls import include, path, reverse, reverse_lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_scoping import CentreScopedViewSetMixin
from .ledger import urls as money_urls
from .ledger.access import can_see_money
from .models import Centre, ConsentRecord, Maker
from .services import consent_record, consent_withdraw


class ConsentSummaryPanel(HelpPanel):
    """The maker's consent records, newest first, with links to record or withdraw one."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = self._summary()

        def _summary(self) -> str:
            add_url = reverse("wagtailsnippets_beneficiaries_consentrecord:add")
            if not self.instance or not self.instance.pk:
                return format_html("<p>{}</p>", _("Save the maker first, then record their consent."))
            records = self.instance.consents.order_by("-given_at")
            rows = format_html_join(
                "",
                '<li><a href="{}">{}</a>: {}</li>',
                (
                    (
                        reverse("wagtailsnippets_beneficiaries_consentrecord:edit", args=[record.pk]),
                        record.get_scope_display(),
                        _("withdrawn") if record.withdrawn_at else _("active"),
                    )
                    for record in records
                ),
            )
            empty = format_html("<li>{}</li>", _("No consent recorded: nothing about this maker is public."))
            return format_html(
                '<ul>{}</ul><p><a class="button button-small button-secondary" href="{}">{}</a></p>',
                rows or empty,
                add_url,
                _("Record a consent"),
            )


class ConsentRecordForm(WagtailAdminModelForm):
    withdraw = forms.BooleanField(
        label=_("Withdraw this consent now"),
        help_text=_("Unpublishes at once and erases what it covered (the photo file, the bio)."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A consent given is a historical fact: it is withdrawn, never rewritten.
            for name in ("maker", "scope", "given_by", "guardian_name", "given_at"):
                if name in self.fields:
                    self.fields[name].disabled = True
            if self.instance.withdrawn_at:
                self.fields["withdraw"].disabled = True
        else:
            self.fields["withdraw"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        if (
            not self.instance.pk
            and cleaned.get("given_by") == ConsentRecord.GivenBy.GUARDIAN
            and not cleaned.get("guardian_name")
        ):
            self.add_error("guardian_name", _("Name the guardian who gave consent."))
        return cleaned

    def save(self, commit=True):
        if not self.instance.pk:
            return consent_record(
                maker=self.cleaned_data["maker"],
                scope=self.cleaned_data["scope"],
                given_by=self.cleaned_data["given_by"],
                guardian_name=self.cleaned_data.get("guardian_name", ""),
                recorded_by=getattr(self, "for_user", None),
            )
        if self.cleaned_data.get("withdraw") and not self.instance.withdrawn_at:
            consent_withdraw(maker=self.instance.maker, scope=self.instance.scope)
            self.instance.refresh_from_db()
        return self.instance


class CentreViewSet(SnippetViewSet):
    model = Centre
    icon = "home"
    list_display = ["name", "city", "commission_percent", "courier_fee"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("city"),
        FieldPanel("address"),
        FieldPanel("commission_percent"),
        FieldPanel("courier_fee"),
    ]


class MakerViewSet(CentreScopedViewSetMixin, SnippetViewSet):
    model = Maker
    icon = "user"
    list_display = ["public_display_name", "centre", "is_active"]
    list_filter = ["centre", "is_active"]
    search_fields = ["public_display_name", "slug"]
    search_backend_name = None
    panels = [
        FieldPanel("public_display_name"),
        FieldPanel("slug"),
        FieldPanel("centre"),
        FieldPanel("public_bio"),
        FieldPanel("photo"),
        FieldPanel("is_active"),
        FieldPanel("language"),
        ConsentSummaryPanel(heading=_("Consent to publish")),
    ]


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "doc-full"
    list_display = ["maker", "scope", "given_by", "given_at", "withdrawn_at"]
    list_filter = ["scope", "given_by"]
    search_fields = ["maker__public_display_name"]
    search_backend_name = None
    ordering = ["-given_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("maker"),
            FieldPanel("scope"),
            FieldPanel("given_by"),
            FieldPanel("guardian_name"),
            FieldPanel("given_at"),
            FieldPanel("withdraw"),
        ],
        base_form_class=ConsentRecordForm,
    )


class MakersViewSetGroup(SnippetViewSetGroup):
    items = (CentreViewSet, MakerViewSet, ConsentRecordViewSet)
    menu_icon = "group"
    menu_label = _("Makers and centres")
    menu_name = "makers"
    menu_order = 210


register_snippet(MakersViewSetGroup)


class MoneyMenuItem(MenuItem):
    """Shown to finance officers and centre leads only; the pages themselves check again."""

    def is_shown(self, request):
        return can_see_money(request.user)


class FinanceMenuItem(MenuItem):
    """Finance officers only: pages about every centre's makers at once (prepared statements)."""

    def is_shown(self, request):
        return request.user.has_perm("beneficiaries.view_ledger")


@hooks.register("register_admin_urls")
def register_money_urls():
    return [path("money/", include(money_urls, namespace="beneficiaries_money"))]


@hooks.register("register_admin_menu_item")
def register_money_menu_item():
    return SubmenuMenuItem(
        _("Makers' money"),
        Menu(
            items=[
                MoneyMenuItem(_("Balances"), reverse_lazy("beneficiaries_money:dashboard"), icon_name="doc-full"),
                MoneyMenuItem(_("Payouts"), reverse_lazy("beneficiaries_money:payouts"), icon_name="tick"),
                FinanceMenuItem(
                    _("Monthly statements"),
                    reverse_lazy("beneficiaries_money:prepared_statements"),
                    icon_name="doc-full",
                ),
            ]
        ),
        name="makers-money",
        icon_name="doc-full",
        order=220,
    )
