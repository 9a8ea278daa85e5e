"""Bulk import of products for one centre from a CSV (UTF-8, with or without BOM) or XLSX file.

Three steps, each a function: `bulk_file_read` turns the upload into plain rows of strings (so they can wait in
the session between the dry run and the import), `bulk_rows_check` says per row what would be created or why
it is refused, and `bulk_import` checks again and creates every row as a draft submitted to review, or nothing.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from beneficiaries.admin_scoping import scope_queryset
from beneficiaries.models import Centre, Maker

from .models import Craft, Product, ProductTranslation
from .services import product_create, product_shares_validate, product_submit

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
MAX_XLSX_UNPACKED = 50 * 1024 * 1024
COLUMNS = (
    "title_az",
    "description_az",
    "title_ru",
    "description_ru",
    "title_en",
    "description_en",
    "craft",
    "price",
    "stock",
    "made_to_order",
    "lead_time_days",
    "materials",
    "dimensions",
    "care",
    "makers",
)
REQUIRED_COLUMNS = ("title_az", "craft", "price", "makers")
TRANSLATED = ("ru", "en")
YES = {"1", "true", "yes", "y", "x", "bəli", "he", "да", "д"}
NO = {"", "0", "false", "no", "n", "xeyr", "yox", "нет", "н"}
LIMITS = {"title_az": 140, "title_ru": 140, "title_en": 140, "materials": 255, "dimensions": 120, "care": 255}
MAX_PRICE = Decimal("99999999.99")


@dataclass
class CheckedRow:
    number: int  # as a spreadsheet numbers it: the header is row 1
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    craft: Craft | None = None
    price: Decimal | None = None
    stock: int = 0
    made_to_order: bool = False
    lead_time_days: int | None = None
    shares: list[tuple[Maker, Decimal]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class BulkImportRefused(Exception):
    def __init__(self, rows: list[CheckedRow]):
        super().__init__("some rows are refused")
        self.rows = rows


# Reading the file


def bulk_file_read(*, name: str, data: bytes) -> list[tuple[int, dict[str, str]]]:
    """The file's data rows as (row number, {column: text}); blank rows are skipped. Raises ValidationError
    with a message for the person who uploaded it when the file cannot be used at all."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        table = _xlsx_rows(data)
    elif lower.endswith(".csv"):
        table = _csv_rows(data)
    else:
        raise ValidationError(_("Upload a CSV (.csv) or Excel (.xlsx) file."))
    header = next(table, None)
    if header is None:
        raise ValidationError(_("The file is empty."))
    header = [str(cell or "").strip().lower() for cell in header]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ValidationError(
            _("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    rows = []
    for number, cells in enumerate(table, start=2):
        values = {column: _text(cell) for column, cell in zip(header, cells, strict=False) if column in COLUMNS}
        if not any(values.values()):
            continue
        if len(rows) == MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(max)s products; split it into smaller files.") % {"max": MAX_ROWS}
            )
        rows.append((number, {column: values.get(column, "") for column in COLUMNS}))
    if not rows:
        raise ValidationError(_("The file has no products under its header row."))
    return rows


def _text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _csv_rows(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not a UTF-8 CSV file; save it as “CSV UTF-8” and try again.")) from error
    if "\x00" in text:
        raise ValidationError(_("The file is not a CSV file."))
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to Azerbaijani or Russian save CSV with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as error:
        raise ValidationError(_("The CSV file could not be read: %(error)s.") % {"error": error}) from error
    return iter(rows)


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        # A 2 MB zip can unpack to gigabytes; zipfile stops a member that lies about its size (bad CRC).
        if sum(member.file_size for member in zipfile.ZipFile(io.BytesIO(data)).infolist()) > MAX_XLSX_UNPACKED:
            raise ValidationError(_("The Excel file unpacks to more than 50 MB; save it again without extra sheets."))
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        # Blank rows are kept as () so row numbers match the sheet; one product over the limit is enough to
        # refuse, so an unbounded sheet is never read into memory.
        rows, filled = [], 0
        for row in sheet.iter_rows(values_only=True, max_col=len(COLUMNS) + 10):
            full = any(cell not in (None, "") for cell in row)
            rows.append(row if full else ())
            filled += full
            if filled > MAX_ROWS + 1:
                break
        book.close()
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds on a broken file; none may be a 500
        raise ValidationError(_("The file is not a readable Excel (.xlsx) file.")) from error
    return iter(rows)


# Checking the rows


def bulk_rows_check(*, user, centre: Centre, rows: list[tuple[int, dict[str, str]]]) -> list[CheckedRow]:
    """What each row would create, or why it is refused. Makers outside `user`'s centres are "unknown"."""
    crafts = list(Craft.objects.all())
    makers = {maker.slug: maker for maker in scope_queryset(Maker.objects.all(), user)}
    seen: dict[tuple, int] = {}
    checked = []
    for number, values in rows:
        row = CheckedRow(number=number, values=values)
        key = tuple(values[column].casefold() for column in COLUMNS)
        if key in seen:
            row.errors.append(_("The same as row %(row)s.") % {"row": seen[key]})
        seen.setdefault(key, number)
        _check_texts(row)
        _check_craft(row, crafts)
        _check_numbers(row)
        _check_makers(row, centre, makers)
        checked.append(row)
    return checked


def _check_texts(row: CheckedRow) -> None:
    values = row.values
    if not values["title_az"]:
        row.errors.append(_("The Azerbaijani title (title_az) is missing."))
    for code in TRANSLATED:
        if values[f"description_{code}"] and not values[f"title_{code}"]:
            row.errors.append(_("description_%(code)s is given without title_%(code)s.") % {"code": code})
    for column, limit in LIMITS.items():
        if len(values[column]) > limit:
            row.errors.append(_("%(column)s is longer than %(limit)s characters.") % {"column": column, "limit": limit})


def _check_craft(row: CheckedRow, crafts: list[Craft]) -> None:
    wanted = row.values["craft"].casefold()
    row.craft = next((c for c in crafts if wanted in (c.slug.casefold(), c.name.casefold())), None)
    if row.craft is None:
        row.errors.append(_("Unknown craft “%(craft)s”.") % {"craft": row.values["craft"]})


def _decimal(text: str) -> Decimal | None:
    text = text.replace(" ", "").replace("\u00a0", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _whole(text: str) -> int | None:
    value = _decimal(text)
    return int(value) if value is not None and value == value.to_integral_value() else None


def _check_numbers(row: CheckedRow) -> None:
    values = row.values
    price = _decimal(values["price"])
    if price is None or price <= 0 or price > MAX_PRICE or price != price.quantize(Decimal("0.01")):
        row.errors.append(
            _("The price “%(price)s” is not a positive amount with at most two decimals.") % {"price": values["price"]}
        )
    else:
        row.price = price.quantize(Decimal("0.01"))
    stock = _whole(values["stock"] or "0")
    if stock is None or stock < 0:
        row.errors.append(_("The stock “%(stock)s” is not a whole number of 0 or more.") % {"stock": values["stock"]})
    else:
        row.stock = stock
    flag = values["made_to_order"].casefold()
    if flag not in YES | NO:
        row.errors.append(_("made_to_order must be yes or no, not “%(value)s”.") % {"value": values["made_to_order"]})
    row.made_to_order = flag in YES
    if values["lead_time_days"]:
        days = _whole(values["lead_time_days"])
        if days is None or not 0 < days <= 365:
            row.errors.append(_("The lead time must be a whole number of days from 1 to 365."))
        else:
            row.lead_time_days = days
    elif row.made_to_order:
        row.errors.append(_("A made-to-order item needs a lead time in days (lead_time_days)."))


def _check_makers(row: CheckedRow, centre: Centre, makers: dict[str, Maker]) -> None:
    parts = [part.strip() for part in row.values["makers"].split(";") if part.strip()]
    if not parts:
        row.errors.append(_("Name at least one maker (makers), e.g. “maker-slug:60; other-slug:40”."))
        return
    shares, errors = [], []
    for part in parts:
        slug, _sep, share_text = (piece.strip() for piece in part.partition(":"))
        maker = makers.get(slug)
        if maker is None:
            errors.append(_("Unknown maker “%(maker)s”.") % {"maker": slug})
            continue
        if not share_text and len(parts) == 1:
            share = Decimal("100")
        else:
            share = _decimal(share_text)
            if share is None or not 0 < share <= 100:
                errors.append(_("The share of %(maker)s is not a percentage above 0.") % {"maker": slug})
                continue
        shares.append((maker, share))
    if not errors:
        try:
            product_shares_validate(centre=centre, shares=shares)
        except ValidationError as error:
            errors.extend(error.messages)
    row.errors.extend(errors)
    row.shares = shares


# Importing


@transaction.atomic
def bulk_import(*, user, centre: Centre, rows: list[tuple[int, dict[str, str]]]) -> list[Product]:
    """Check every row again and create each as a draft submitted to "Product review", or create nothing
    (raises BulkImportRefused with the checked rows)."""
    checked = bulk_rows_check(user=user, centre=centre, rows=rows)
    if not all(row.ok for row in checked):
        raise BulkImportRefused(checked)
    locales = {}
    products = []
    for row in checked:
        values = row.values
        translations = []
        for code in TRANSLATED:
            if values[f"title_{code}"]:
                if code not in locales:
                    locales[code] = Locale.objects.get_or_create(language_code=code)[0]
                translations.append(
                    ProductTranslation(
                        locale=locales[code], title=values[f"title_{code}"], description=values[f"description_{code}"]
                    )
                )
        product = product_create(
            user=user,
            centre=centre,
            craft=row.craft,
            title=values["title_az"],
            description=values["description_az"],
            price=row.price,
            stock=row.stock,
            makers=row.shares,
            made_to_order=row.made_to_order,
            lead_time_days=row.lead_time_days,
            materials=values["materials"],
            dimensions=values["dimensions"],
            care=values["care"],
            translations=translations,
        )
        product_submit(product=product, user=user)
        products.append(product)
    return products
