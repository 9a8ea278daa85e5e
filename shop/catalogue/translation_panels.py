"""What the product editor and the product list say about missing Russian and English text.

A buyer in ru or en who meets a missing translation reads the Azerbaijani text (marked `lang="az"`), so the
admin names exactly what is missing where it is edited, instead of leaving instructors to guess.
"""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel
from wagtail.admin.ui.tables import Column

from .selectors import product_missing_texts

LANGUAGE_NAMES = {"ru": _("Russian"), "en": _("English")}
FIELD_NAMES = {
    "title": _("title"),
    "description": _("description"),
    "materials": _("materials"),
    "care": _("care notes"),
}


def missing_summary(product) -> str:
    """ "Russian, English" or "" : the languages in which some of the product's text is missing."""
    return ", ".join(str(LANGUAGE_NAMES[code]) for code in product_missing_texts(product))


class MissingTranslationsColumn(Column):
    """The product list's "Missing translations" column: blank when ru and en are complete."""

    def __init__(self):
        super().__init__("missing_translations", label=_("Missing translations"), accessor=missing_summary)


class MissingTranslationsPanel(HelpPanel):
    """At the top of the Translations section: which fields still lack Russian or English text."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = self._summary()

        def _summary(self) -> str:
            missing = product_missing_texts(self.instance) if self.instance else {}
            if not missing:
                return format_html('<p class="help-block help-info">{}</p>', _("Russian and English are complete."))
            items = format_html_join(
                "",
                "<li><strong>{}</strong>: {}</li>",
                (
                    (LANGUAGE_NAMES[code], ", ".join(str(FIELD_NAMES[field]) for field in fields))
                    for code, fields in missing.items()
                ),
            )
            return format_html(
                '<div class="help-block help-warning"><p>{}</p><ul>{}</ul></div>',
                _("Missing, so buyers see the Azerbaijani text instead:"),
                items,
            )
