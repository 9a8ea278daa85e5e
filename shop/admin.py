"""Django admin registrations for the shop (products and makers are edited in Wagtail's admin)."""

from . import orders_admin  # noqa: F401 - registers Order and StripeEvent
