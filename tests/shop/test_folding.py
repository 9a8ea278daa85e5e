"""The folding that search uses for both the stored words and the query: deterministic, every listed letter."""

import pytest

from shop.catalogue import folding


@pytest.mark.parametrize(
    ("letters", "folded"),
    [
        ("Əə", "ee"),
        ("Ğğ", "gg"),
        ("Iı", "ii"),  # Azerbaijani dotless I/ı
        ("İi", "ii"),  # and dotted İ/i: Python's own "İ".lower() would leave a combining dot behind
        ("Öö", "oo"),
        ("Şş", "ss"),
        ("Çç", "cc"),
        ("Üü", "uu"),
        ("Ёё", "ее"),  # Cyrillic: ё is searched as е, as Russian writers often type it
        ("Йй", "йй"),  # ... but й is a letter of its own, not и with an accent
        ("ÉéÑñ", "eenn"),
    ],
)
def test_every_letter_folds_to_its_plain_lower_case_form(letters, folded):
    assert folding.fold(letters) == folded


def test_words_drop_punctuation_and_keep_digits():
    assert folding.words("«XALÇA», 2x3 m — İpək!") == ["xalca", "2x3", "m", "ipek"]
    assert folding.words("%_'\"<>;--") == []


@pytest.mark.parametrize(
    ("word", "latin"),
    [("ковер", "kover"), ("халча", "xalca"), ("шелк", "selk"), ("чаша", "casa"), ("xalca", "xalca")],
)
def test_cyrillic_words_also_have_a_latin_spelling(word, latin):
    assert folding.transliterate(word) == latin
    assert folding.word_forms(word) == ([word] if word == latin else [word, latin])


def test_folding_is_deterministic_and_idempotent():
    text = "Qarabağ XALÇASI, ŞƏKİ İpəyi, Ковёр ручной работы"
    assert folding.fold(text) == folding.fold(text)
    assert folding.fold(folding.fold(text)) == folding.fold(text)
