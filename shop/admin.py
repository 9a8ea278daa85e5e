"""Django's admin autodiscovery looks here: orders and refunds are managed in the Django admin."""

from .orders import admin  # noqa: F401 - registers Order and StripeEvent
