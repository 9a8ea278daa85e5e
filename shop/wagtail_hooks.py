"""Wagtail's hook autodiscovery looks here: crafts and products are edited in the Wagtail admin, and
instructors, centre leads and finance find their centres' orders there; instructors and centre leads import
products from a file."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .catalogue import admin  # noqa: F401 - registers the catalogue snippets
from .catalogue.bulk_import_admin import bulk_import_view, may_bulk_import
from .orders.centre_admin import centre_orders, may_see_centre_orders


@hooks.register("register_admin_urls")
def centre_orders_urls():
    return [
        path("centre-orders/", centre_orders, name="shop_centre_orders"),
        path("products/import/", bulk_import_view, name="shop_product_import"),
    ]


class CentreOrdersMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_centre_orders(request.user)


@hooks.register("register_admin_menu_item")
def centre_orders_menu_item():
    return CentreOrdersMenuItem(_("Orders of my centre"), reverse("shop_centre_orders"), icon_name="list-ul", order=220)


class ProductImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_bulk_import(request.user)


@hooks.register("register_admin_menu_item")
def product_import_menu_item():
    return ProductImportMenuItem(_("Import products"), reverse("shop_product_import"), icon_name="upload", order=215)
