"""Wagtail's hook autodiscovery looks here: crafts and products are edited in the Wagtail admin."""

from .catalogue import admin  # noqa: F401 - registers the catalogue snippets
