"""Wagtail's hook autodiscovery looks here: crafts and products are edited in the Wagtail admin, and
instructors, centre leads and finance find their centres' orders there; instructors and centre leads import
products from a file; administrators and finance see background jobs that failed."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .catalogue import admin  # noqa: F401 - registers the catalogue snippets
from .catalogue.bulk_import_admin import bulk_import_view, may_bulk_import
from .catalogue.translation_report import may_see_missing_translations, missing_translations_view
from .jobs.views import FailedJobsReportView, may_see_failed_jobs
from .orders.centre_admin import centre_orders, may_see_centre_orders, packing_slip
from .orders.commission_admin import commission_detail, commission_list, may_see_commissions


@hooks.register("register_admin_urls")
def centre_orders_urls():
    return [
        path("centre-orders/", centre_orders, name="shop_centre_orders"),
        path("centre-orders/<int:order_id>/packing-slip/", packing_slip, name="shop_packing_slip"),
        path("commission-requests/", commission_list, name="shop_commission_list"),
        path("commission-requests/<int:pk>/", commission_detail, name="shop_commission_detail"),
        path("products/import/", bulk_import_view, name="shop_product_import"),
        path("missing-translations/", missing_translations_view, name="shop_missing_translations"),
        path("failed-jobs/", FailedJobsReportView.as_view(), name="shop_failed_jobs"),
        path("failed-jobs/results/", FailedJobsReportView.as_view(results_only=True), name="shop_failed_jobs_results"),
    ]


class CentreOrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_centre_orders(request.user)


@hooks.register("register_admin_menu_item")
def centre_orders_menu_item():
    return CentreOrdersMenuItem(_("Orders of my centre"), reverse("shop_centre_orders"), icon_name="list-ul", order=220)


class CommissionsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_commissions(request.user)


@hooks.register("register_admin_menu_item")
def commissions_menu_item():
    return CommissionsMenuItem(_("Custom piece requests"), reverse("shop_commission_list"), icon_name="mail", order=221)


class ProductImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_bulk_import(request.user)


@hooks.register("register_admin_menu_item")
def product_import_menu_item():
    return ProductImportMenuItem(_("Import products"), reverse("shop_product_import"), icon_name="upload", order=215)


class MissingTranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_missing_translations(request.user)


@hooks.register("register_admin_menu_item")
def missing_translations_menu_item():
    return MissingTranslationsMenuItem(
        _("Missing translations"), reverse("shop_missing_translations"), icon_name="globe", order=216
    )


class FailedJobsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_failed_jobs(request.user)


@hooks.register("register_admin_menu_item")
def failed_jobs_menu_item():
    return FailedJobsMenuItem(_("Failed jobs"), reverse("shop_failed_jobs"), icon_name="warning", order=900)
