"""Text of a record in the buyer's language, falling back to Azerbaijani, and saying which language it is in.

Crafts, centres, maker bios and photo alt texts keep their Azerbaijani text in the base field (`name`) and the
other languages in `<field>_<language>` columns (`name_ru`, `name_en`); a product keeps its other languages in
`ProductTranslation` rows and answers through its `translation_text(field, language)`. Every template reaches
both through `localized` (the `tr`, `tr_text` and `tr_lang` filters of `shop_tags`), so a missing translation
shows the Azerbaijani text marked `lang="az"` the same way everywhere.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

BASE_LANGUAGE = settings.LANGUAGE_CODE  # "az": the language every base field is written in
OTHER_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != BASE_LANGUAGE)


@dataclass(frozen=True)
class Localized:
    text: str
    language: str  # the language `text` is written in
    wanted: str  # the language that was asked for

    @property
    def is_fallback(self) -> bool:
        """True when the text is not in the wanted language (a missing translation); "" is never a fallback."""
        return bool(self.text) and self.language != self.wanted

    def __str__(self) -> str:
        return self.text


def active_language() -> str:
    language = (get_language() or BASE_LANGUAGE).split("-")[0]
    return language if language in OTHER_LANGUAGES else BASE_LANGUAGE


def localized(obj, field: str, language: str | None = None) -> Localized:
    """`obj.field` in `language` (default: the active one) when translated, else the Azerbaijani text."""
    wanted = language or active_language()
    base = (getattr(obj, field, "") or "") if obj is not None else ""
    if obj is None or wanted == BASE_LANGUAGE:
        return Localized(base, BASE_LANGUAGE, wanted)
    translated = getattr(obj, f"{field}_{wanted}", None)
    if translated is None and hasattr(obj, "translation_text"):
        translated = obj.translation_text(field, wanted)
    if translated:
        return Localized(translated, wanted, wanted)
    return Localized(base, BASE_LANGUAGE, wanted)
