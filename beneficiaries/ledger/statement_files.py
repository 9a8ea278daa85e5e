"""Monthly statement PDFs prepared in the background, one per maker, kept in the private storage.

`monthly_statements_prepare` (the write; run by `tasks.monthly_statements_prepare_job`) renders them with the
same renderer as the ad-hoc download; the reads list what is prepared and open one file for finance. Files sit
under `statements/<YYYY-MM>/`, never at a public URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone, translation

from ..models import Maker
from .models import LedgerEntry
from .selectors import maker_statement, start_of_day, statement_period
from .statements import statement_pdf

FOLDER = "statements"
MONTH_FOLDER = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FILE_NAME = re.compile(r"^statement-[-A-Za-z0-9_]+-\d{4}-\d{2}\.pdf$")


def _storage():
    return storages["private"]


def previous_month(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)


def _file_name(maker: Maker, month: date) -> str:
    return f"statement-{maker.slug}-{month:%Y-%m}.pdf"


def monthly_statements_prepare(*, year: int, month: int) -> list[str]:
    """Render the month's statement of every maker with ledger entries up to its end; returns the paths.

    Running it again replaces the month's files (late entries, a corrected renderer), it never adds copies.
    """
    start, end = statement_period("month", year, month)
    storage = _storage()
    makers = (
        Maker.objects.filter(pk__in=LedgerEntry.objects.filter(created_at__lt=start_of_day(end)).values("maker"))
        .select_related("centre")
        .order_by("pk")
    )
    paths = []
    for maker in makers:
        with translation.override(maker.language):
            body = statement_pdf(maker_statement(maker=maker, start=start, end=end))
        path = f"{FOLDER}/{start:%Y-%m}/{_file_name(maker, start)}"
        if storage.exists(path):
            storage.delete(path)
        paths.append(storage.save(path, ContentFile(body)))
    return paths


@dataclass(frozen=True)
class PreparedMonth:
    month: date
    files: list[str]


def prepared_statements() -> list[PreparedMonth]:
    """Every month with prepared statements, newest first, with its file names."""
    storage = _storage()
    try:
        folders, _files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return []
    months = []
    for folder in sorted((name for name in folders if MONTH_FOLDER.match(name)), reverse=True):
        _dirs, files = storage.listdir(f"{FOLDER}/{folder}")
        year, month = map(int, folder.split("-"))
        months.append(PreparedMonth(month=date(year, month, 1), files=sorted(f for f in files if FILE_NAME.match(f))))
    return months


def prepared_statement_open(*, month: str, name: str):
    """The prepared file, opened for reading; FileNotFoundError for anything that is not one (no path tricks)."""
    if not MONTH_FOLDER.match(month) or not FILE_NAME.match(name):
        raise FileNotFoundError(name)
    path = f"{FOLDER}/{month}/{name}"
    storage = _storage()
    if not storage.exists(path):
        raise FileNotFoundError(name)
    return storage.open(path, "rb")
