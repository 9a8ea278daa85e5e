"""Product search: the stored search documents, how a query becomes a database condition, and highlighting.

Every product has one `ProductSearchDocument`: the folded words of its title, description and materials in
every language, its craft's and centre's names and the display names of its makers who consent to being named.
On PostgreSQL a GIN-indexed tsvector (Azerbaijani through the `simple` configuration, Russian and English text
also stemmed by their own) answers the query, ranked with ts_rank, the last word matching as a prefix while the
buyer types; when that finds nothing, pg_trgm's word similarity over the folded words (GIN trigram index) finds
near spellings ("xalka" -> "xalça"). SQLite, the embedded default, matches each folded word with LIKE, which
gives the same results for whole words. Filters stay on Product, so search and filters are one query.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet, Value
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from beneficiaries.models import Centre, ConsentRecord, Maker
from beneficiaries.selectors import active_consent_exists
from beneficiaries.signals import consent_withdrawn

from . import folding
from .models import Craft, Product, ProductMaker, ProductSearchDocument, ProductTranslation
from .page_cache import page_cache_bump

# The form cuts the query to 200 characters; beyond this many words a query only gets slower, not better.
SEARCH_MAX_WORDS = 8
# A word longer than any real one is a paste accident; cut so it cannot bloat the query.
SEARCH_MAX_WORD_LENGTH = 40
# pg_trgm's word similarity a typo must reach (its default, 0.6, misses one wrong letter in a 5-letter word).
TYPO_SIMILARITY = 0.45
_TEXT_FIELDS = ("title", "description", "materials")


def query_words(text: str) -> list[str]:
    """The folded words of a buyer's query, without punctuation, capped in number and length."""
    return [word[:SEARCH_MAX_WORD_LENGTH] for word in folding.words(text)[:SEARCH_MAX_WORDS]]


# --- documents ---------------------------------------------------------------------------------------------


def _name_values(obj) -> list[str]:
    """A craft's or centre's name in every language it has (any `name*` text field, e.g. `name_ru`)."""
    return [
        getattr(obj, field.attname) or ""
        for field in obj._meta.concrete_fields
        if field.name.startswith("name") and field.get_internal_type() in ("CharField", "TextField")
    ]


def _folded(texts) -> str:
    """Unique folded words (each with its Latin spelling when Cyrillic), in first-seen order."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in folding.words(text):
            for form in folding.word_forms(word):
                seen.setdefault(form, None)
    return " ".join(seen)


def _vector(parts: list[tuple[str, str, str]]):
    """One tsvector from (configuration, weight, text) parts; A for titles, C for everything else."""
    vectors = [SearchVector(Value(text), config=config, weight=weight) for config, weight, text in parts if text]
    vector = vectors[0] if vectors else SearchVector(Value(""), config="simple")
    for more in vectors[1:]:
        vector = vector + more
    return vector


def product_search_refresh(*, product_id: int) -> None:
    """Rewrite one product's search document from what is in the database now (safe to call any time)."""
    product = Product.objects.select_related("craft", "centre").filter(pk=product_id).first()
    if product is None:
        return
    translations = list(ProductTranslation.objects.filter(product_id=product_id).select_related("locale"))
    named = (
        Maker.objects.filter(product_shares__product_id=product_id, is_active=True)
        .filter(active_consent_exists(ConsentRecord.Scope.NAME))
        .values_list("public_display_name", flat=True)
    )
    titles = [product.title] + [t.title for t in translations]
    rest = [getattr(product, field) for field in _TEXT_FIELDS[1:]]
    rest += [getattr(t, field) for t in translations for field in _TEXT_FIELDS[1:]]
    rest += _name_values(product.craft) + _name_values(product.centre) + list(named)
    words = _folded(titles + rest)
    ProductSearchDocument.objects.update_or_create(product_id=product_id, defaults={"words": words})
    if connection.vendor != "postgresql":
        return
    parts = [("simple", "A", _folded(titles)), ("simple", "C", _folded(rest))]
    for translation in translations:
        config = {"ru": "russian", "en": "english"}.get(translation.locale.language_code)
        if config:
            own = " ".join(folding.words(" ".join([translation.description, translation.materials])))
            parts += [(config, "A", " ".join(folding.words(translation.title))), (config, "C", own)]
    ProductSearchDocument.objects.filter(pk=product_id).update(vector=_vector(parts))


def products_search_refresh(product_ids) -> None:
    for product_id in sorted(set(product_ids)):
        product_search_refresh(product_id=product_id)


def documents_rebuild(*, only_missing: bool = False) -> int:
    """Rewrite every product's document (or only the missing ones); returns how many were written."""
    products = Product.objects.all()
    if only_missing:
        products = products.filter(search_document__isnull=True)
    ids = list(products.values_list("pk", flat=True))
    products_search_refresh(ids)
    # Cached listings (search results' ids included) were worked out from the old documents.
    page_cache_bump()
    return len(ids)


# --- keeping documents up to date --------------------------------------------------------------------------


def _product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        product_search_refresh(product_id=instance.pk)


def _part_changed(sender, instance, raw=False, origin=None, **kwargs):
    # Deleting the product deletes its parts (and its document) too: nothing to rewrite then.
    if raw or isinstance(origin, Product):
        return
    product_search_refresh(product_id=instance.product_id)


def _products_of(makers) -> list[int]:
    return list(ProductMaker.objects.filter(maker__in=makers).values_list("product_id", flat=True))


def _maker_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        products_search_refresh(_products_of([instance]))


def _consent_changed(sender, instance=None, raw=False, maker=None, scope=None, **kwargs):
    """A name consent recorded, edited or withdrawn (the service updates rows, then sends `consent_withdrawn`)."""
    if raw:
        return
    scope = scope or getattr(instance, "scope", None)
    if scope == ConsentRecord.Scope.NAME:
        products_search_refresh(_products_of([maker or instance.maker_id]))


def _named_thing_saved(field: str):
    def refresh(sender, instance, raw=False, **kwargs):
        if not raw:
            products_search_refresh(Product.objects.filter(**{field: instance}).values_list("pk", flat=True))

    return refresh


_craft_saved = _named_thing_saved("craft")
_centre_saved = _named_thing_saved("centre")


def _build_missing(sender, **kwargs):
    documents_rebuild(only_missing=True)


def connect_search_refresh() -> None:
    """Rewrite a product's document whenever something it holds changes (called from ShopConfig.ready)."""
    post_save.connect(_product_saved, sender=Product, dispatch_uid="search_product")
    for part in (ProductTranslation, ProductMaker):
        post_save.connect(_part_changed, sender=part, dispatch_uid=f"search_{part.__name__}_saved")
        post_delete.connect(_part_changed, sender=part, dispatch_uid=f"search_{part.__name__}_deleted")
    post_save.connect(_maker_changed, sender=Maker, dispatch_uid="search_maker")
    post_save.connect(_consent_changed, sender=ConsentRecord, dispatch_uid="search_consent_saved")
    post_delete.connect(_consent_changed, sender=ConsentRecord, dispatch_uid="search_consent_deleted")
    consent_withdrawn.connect(_consent_changed, dispatch_uid="search_consent_withdrawn")
    post_save.connect(_craft_saved, sender=Craft, dispatch_uid="search_craft")
    post_save.connect(_centre_saved, sender=Centre, dispatch_uid="search_centre")


def connect_missing_documents_build(app_config) -> None:
    # After `migrate` (the first deploy of search, a restored dump): products without a document get one.
    post_migrate.connect(_build_missing, sender=app_config, dispatch_uid="search_build_missing")


# --- the query ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductSearch:
    """A query's condition and its relevance (None on SQLite, where matches are ordered as the catalogue)."""

    condition: Q
    rank: object | None
    fuzzy: bool = False


def _word_query(word: str, *, prefix: bool) -> SearchQuery:
    # Words hold only letters and digits (folding.words), so they are safe inside a raw tsquery. The stemmed
    # alternative gets the same prefix mark: ts_rank scores 0 when one lexeme is both "x" and "x:*" in a query.
    suffix = ":*" if prefix else ""
    query = None
    for form in folding.word_forms(word):
        one = SearchQuery(f"{form}{suffix}", search_type="raw", config="simple")
        query = one if query is None else query | one
    stemmed = "russian" if folding.is_cyrillic(word) else "english"
    return query | SearchQuery(f"{word}{suffix}", search_type="raw", config=stemmed)


def _full_text(words: list[str]) -> ProductSearch:
    tsquery = None
    for index, word in enumerate(words):
        one = _word_query(word, prefix=index == len(words) - 1)
        tsquery = one if tsquery is None else tsquery & one
    rank = SearchRank(F("search_document__vector"), tsquery)
    return ProductSearch(Q(search_document__vector=tsquery), rank)


def _typos(words: list[str]) -> ProductSearch:
    from django.contrib.postgres.search import TrigramWordSimilarity

    with connection.cursor() as cursor:  # `%>` compares with this session setting, not with a parameter
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(TYPO_SIMILARITY)])
    condition = Q()
    rank = None
    for word in words:
        forms = folding.word_forms(word)
        any_form = Q()
        for form in forms:
            any_form |= Q(search_document__words__trigram_word_similar=form)
        condition &= any_form
        similarity = TrigramWordSimilarity(Value(forms[-1]), "search_document__words")
        rank = similarity if rank is None else rank + similarity
    return ProductSearch(condition, rank, fuzzy=True)


def _like(words: list[str]) -> ProductSearch:
    condition = Q()
    for word in words:
        any_form = Q()
        for form in folding.word_forms(word):
            any_form |= Q(search_document__words__contains=form)
        condition &= any_form
    return ProductSearch(condition, None)


def product_search(text: str, *, fuzzy: bool = False) -> ProductSearch:
    """The condition for `text`. `fuzzy` asks for the typo-tolerant variant, which only PostgreSQL has
    (elsewhere it is the plain condition)."""
    words = query_words(text)
    if not words:
        # Only punctuation ("%", "--"): nothing can match it, and listing everything would look like it did.
        return ProductSearch(Q(pk__in=[]), None)
    if connection.vendor != "postgresql":
        return _like(words)
    return _typos(words) if fuzzy else _full_text(words)


def supports_typos(text: str) -> bool:
    return connection.vendor == "postgresql" and bool(query_words(text))


def searched(products: QuerySet[Product], search: ProductSearch) -> QuerySet[Product]:
    products = products.filter(search.condition)
    if search.rank is not None:
        products = products.alias(search_rank=search.rank)
    return products


# --- highlighting ------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"([^\W_]+)")


def _matches(token: str, terms: list[str]) -> bool:
    forms = folding.word_forms(folding.fold(token))
    for term in terms:
        for term_form in folding.word_forms(term):
            for form in forms:
                # Prefixes (typing, plurals) and a shared stem (чаша / чашу) both count as the term.
                stem = term_form[: max(4, len(term_form) - 2)]
                if form.startswith(term_form) or (len(form) >= 4 and len(term_form) >= 4 and form.startswith(stem)):
                    return True
    return False


def highlight(text: str, terms: list[str]) -> SafeString:
    """`text` escaped, with each word that matches a search term wrapped in <mark>. Escaping happens per
    piece before any markup is added, so nothing the buyer or an editor typed can become HTML."""
    if not terms:
        return escape(text)
    pieces = []
    for index, piece in enumerate(_TOKEN.split(text)):
        if index % 2 and _matches(piece, terms):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece was escaped above


def excerpt(text: str, terms: list[str], *, width: int = 160) -> SafeString:
    """About `width` characters of `text` around its first matching word, highlighted; empty without a match."""
    if not terms or not text:
        return mark_safe("")
    for match in _TOKEN.finditer(text):
        if _matches(match.group(1), terms):
            start = max(0, match.start() - width // 3)
            start = text.rfind(" ", 0, start) + 1 if start else 0
            piece = text[start : start + width]
            end = piece.rfind(" ") if start + width < len(text) else len(piece)
            piece = piece[: end if end > 0 else len(piece)]
            prefix = "… " if start else ""
            suffix = " …" if start + len(piece) < len(text) else ""
            return mark_safe(escape(prefix) + highlight(piece, terms) + escape(suffix))  # noqa: S308 - escaped
    return mark_safe("")
