"""Text folding for search: one deterministic function used for the stored search text and for the buyer's query.

PostgreSQL's `unaccent` leaves ə and ı alone and SQLite has nothing comparable, so the folding is done here, in
Python, identically for both databases: a buyer typing on a keyboard without Azerbaijani letters ("xalca",
"ipek", "seki") finds "xalça", "İpək", "Şəki", and "kover" or "ковер" finds "ковёр".
"""

import re
import unicodedata

# Azerbaijani letters that Unicode does not decompose into a base letter plus an accent (ə, ı) or whose
# upper/lower case differs from the default mapping (İ/i, I/ı); the others (ğ ö ş ç ü) lose their marks below.
_BEFORE_LOWER = str.maketrans({"İ": "i", "I": "i", "Ə": "e", "Ё": "е"})
_AFTER_LOWER = str.maketrans({"ə": "e", "ı": "i", "ё": "е"})
_COMBINING_MARK = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[а-яй]")

# Russian to the Latin letters an Azerbaijani or English speaker would type, after folding (so ч is "c" like
# a folded ç, ш is "s" like a folded ş, х is "x" as in Azerbaijani): "ковер" -> "kover", "халча" -> "xalca".
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
        "ф": "f", "х": "x", "ц": "ts", "ч": "c", "ш": "s", "щ": "sc", "ъ": "", "ы": "i", "ь": "", "э": "e",
        "ю": "yu", "я": "ya",
    }
)  # fmt: skip


def fold(text: str) -> str:
    """Lower case without accents: "XALÇA İpək Ковёр" -> "xalca ipek ковер". Й stays (it is its own letter)."""
    text = text.translate(_BEFORE_LOWER).lower().translate(_AFTER_LOWER)
    # Decompose, drop the accents, recompose: й decomposes to и + breve, so it is protected by recomposing
    # only when the mark that was dropped was not a breve on и.
    text = text.replace("й", "\x00")
    text = _COMBINING_MARK.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFC", text).replace("\x00", "й")


def words(text: str) -> list[str]:
    """The folded words of `text`, in order, punctuation dropped: "Xalça, 2x3 m!" -> ["xalca", "2x3", "m"]."""
    return _WORD.findall(fold(text))


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


def transliterate(word: str) -> str:
    """A folded Cyrillic word in Latin letters ("ковер" -> "kover"); other words are returned unchanged."""
    return word.translate(_CYRILLIC_TO_LATIN)


def word_forms(word: str) -> list[str]:
    """The spellings one folded word is searched and indexed under: itself, and its Latin form if Cyrillic."""
    latin = transliterate(word)
    return [word] if latin == word else [word, latin]
