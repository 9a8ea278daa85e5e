"""Wagtail admin for centres, makers and their consent records, and the finance pages ("Makers' money").

Consent is recorded and withdrawn only through `beneficiaries.services`, so a withdrawal made in the admin
also erases what it covered (the photo file, the bio) exactly as one made anywhere else. A Maker is a plain
model (not clusterable), so its consent records are listed read-only on the maker's form and edited as
their own snippet, each linked from that list.
"""

import logging

from django import forms
from django.conf import settings
from django.urls import include, path, reverse, reverse_lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import private_views
from .admin_scoping import CentreScopedViewSetMixin
from .file_storage import STORAGE_ERRORS, STORAGE_UNREACHABLE_MESSAGE
from .ledger import urls as money_urls
from .ledger.access import can_see_money
from .models import Centre, ConsentRecord, Maker
from .private_files import can_see_consent_scan, private_file_check
from .selectors import maker_has_consent
from .services import consent_record, consent_scan_attach, consent_withdraw, private_file_store

logger = logging.getLogger(__name__)


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
            records = self.instance.consents.select_related("maker").order_by("-given_at")
            rows = format_html_join(
                "",
                '<li><a href="{}">{}</a>: {}{}</li>',
                (
                    (
                        reverse("wagtailsnippets_beneficiaries_consentrecord:edit", args=[record.pk]),
                        record.get_scope_display(),
                        _("withdrawn") if record.withdrawn_at else _("active"),
                        self._scan_link(record),
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

        def _scan_link(self, record) -> str:
            if not record.scan or not can_see_consent_scan(self.request.user, record):
                return ""
            return format_html(
                ' (<a href="{}" target="_blank" rel="noopener">{}</a>)',
                reverse("beneficiaries_private:consent_scan", args=[record.pk]),
                _("signed form, opens in a new tab"),
            )


class ConsentScanPanel(HelpPanel):
    """Whether a signed form is on file, and a link to open it for those allowed to (`private_files`)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = self._summary()

        def _summary(self) -> str:
            if not self.instance or not self.instance.scan:
                return format_html("<p>{}</p>", _("No scan of the signed consent form has been uploaded."))
            if not can_see_consent_scan(self.request.user, self.instance):
                return format_html(
                    "<p>{}</p>", _("A scan is on file; only admins and this centre's instructors may open it.")
                )
            minutes = max(1, settings.PRIVATE_LINK_SECONDS // 60)
            return format_html(
                '<p><a href="{}" target="_blank" rel="noopener">{}</a> {}</p>',
                reverse("beneficiaries_private:consent_scan", args=[self.instance.pk]),
                _("Open the signed consent form"),
                ngettext(
                    "(opens in a new tab; the link works for %(minutes)d minute)",
                    "(opens in a new tab; the link works for %(minutes)d minutes)",
                    minutes,
                )
                % {"minutes": minutes},
            )


class ConsentRecordForm(WagtailAdminModelForm):
    withdraw = forms.BooleanField(
        label=_("Withdraw this consent now"),
        help_text=_("Unpublishes at once and erases what it covered (the photo file, the bio)."),
        required=False,
    )
    scan_upload = forms.FileField(
        label=_("Scan of the signed consent form"),
        help_text=_("PDF, JPEG or PNG, at most 10 MB. Kept private; a new scan replaces the one on file."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    _stored_scan = ""

    def clean_scan_upload(self):
        upload = self.cleaned_data.get("scan_upload")
        return private_file_check(upload) if upload else None

    def _post_clean(self):
        super()._post_clean()
        checked = self.cleaned_data.get("scan_upload")
        if self.errors or not checked:
            return
        # Stored now, while a failure can still be a form error; the record points at it in save().
        try:
            self._stored_scan = private_file_store(checked=checked, folder="consent-scans")
        except STORAGE_ERRORS:
            logger.exception("consent scan: private storage unreachable")
            self.add_error("scan_upload", STORAGE_UNREACHABLE_MESSAGE)

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
        record = self._save_consent()
        if self._stored_scan:
            consent_scan_attach(consent=record, stored_name=self._stored_scan)
        return record

    def _save_consent(self) -> ConsentRecord:
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
        FieldPanel("name", help_text=_("In Azerbaijani.")),
        FieldRowPanel([FieldPanel("name_ru"), FieldPanel("name_en")]),
        FieldPanel("slug"),
        FieldPanel("city", help_text=_("In Azerbaijani.")),
        FieldRowPanel([FieldPanel("city_ru"), FieldPanel("city_en")]),
        FieldPanel("address"),
        FieldPanel("commission_percent"),
        FieldPanel("courier_fee"),
    ]


class MakerForm(WagtailAdminModelForm):
    """A portrait is public on the maker's page, so choosing one is refused until photo consent is on record
    (the same message a story gets when it shows a maker beyond their consent)."""

    def clean(self):
        cleaned = super().clean()
        photo = cleaned.get("photo")
        has_consent = self.instance.pk is not None and maker_has_consent(self.instance, ConsentRecord.Scope.PHOTO)
        if photo is not None and not has_consent:
            name = cleaned.get("public_display_name") or self.instance.public_display_name
            message = _("Cannot publish: %(maker)s has no recorded consent for %(what)s.") % {
                "maker": name,
                "what": _("a face photo"),
            }
            self.add_error("photo", message)
        return cleaned


class MakerViewSet(CentreScopedViewSetMixin, SnippetViewSet):
    model = Maker
    icon = "user"
    list_display = ["public_display_name", "centre", "is_active"]
    list_filter = ["centre", "is_active"]
    search_fields = ["public_display_name", "slug"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("public_display_name"),
            FieldPanel("slug"),
            FieldPanel("centre"),
            FieldPanel("public_bio", help_text=_("In Azerbaijani. Shown only with name consent.")),
            FieldPanel("public_bio_ru"),
            FieldPanel("public_bio_en"),
            FieldPanel("photo"),
            FieldPanel("is_active"),
            FieldPanel("language"),
            ConsentSummaryPanel(heading=_("Consent to publish")),
        ],
        base_form_class=MakerForm,
    )


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
            FieldPanel("scan_upload"),
            ConsentScanPanel(heading=_("Signed consent form")),
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


@hooks.register("register_admin_urls")
def register_private_file_urls():
    return [path("private/", include(private_views, namespace="beneficiaries_private"))]


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
