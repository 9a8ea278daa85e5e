"""A maker's statement as CSV and PDF (ReportLab, with a TrueType font that has ə, ş, ğ, ı, ç, ö, ü).

Call these inside `translation.override(maker.language)`: labels, dates and amounts follow the active language.
"""

import csv
import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..money import format_money
from .selectors import Statement

FONT_NAME = "LedgerSans"


def statement_title(statement: Statement) -> str:
    return _("Statement for %(maker)s, %(start)s – %(end)s") % {
        "maker": statement.maker.public_display_name,
        "start": date_format(statement.start, "SHORT_DATE_FORMAT"),
        "end": date_format(statement.last_day, "SHORT_DATE_FORMAT"),
    }


def summary_rows(statement: Statement) -> list[tuple[str, object]]:
    """The totals every format shows, in the same order: what the tests compare with the ledger."""
    return [
        (_("Opening balance"), statement.opening),
        (_("Sales"), statement.totals["sale_credit"]),
        (_("Refunds"), statement.totals["refund_debit"]),
        (_("Payouts"), statement.totals["payout"]),
        (_("Payouts reversed"), statement.totals["payout_reversal"]),
        (_("Adjustments"), statement.totals["adjustment"]),
        (_("Earned in the period"), statement.earned),
        (_("Paid in the period"), statement.paid),
        (_("Closing balance"), statement.closing),
    ]


def statement_csv(statement: Statement) -> str:
    """Plain amounts (no currency signs or thousands separators) so a spreadsheet can add them up."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([statement_title(statement)])
    writer.writerow([_("Currency"), statement.currency])
    writer.writerow([])
    writer.writerow([_("Date"), _("Entry"), _("Product or payee"), _("Quantity"), _("Amount")])
    for line in statement.lines:
        writer.writerow(
            [
                timezone.localtime(line.at).date().isoformat(),
                line.kind_label,
                line.title,
                line.quantity if line.quantity is not None else "",
                f"{line.amount:.2f}",
            ]
        )
    writer.writerow([])
    for label, amount in summary_rows(statement):
        writer.writerow([label, f"{amount:.2f}"])
    return out.getvalue()


def _register_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    path = Path(settings.LEDGER_PDF_FONT)
    if not path.is_file():
        raise ImproperlyConfigured(
            f"LEDGER_PDF_FONT points at {path}, which does not exist. Install Debian's fonts-dejavu-core "
            "(scripts/ensure_system_packages.sh does) or set LEDGER_PDF_FONT to a TrueType font with "
            "Azerbaijani letters (ə ş ğ ı ç ö ü)."
        )
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(path)))
    return FONT_NAME


def statement_pdf(statement: Statement) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _register_font()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():
        style.fontName = font
    money = lambda amount: format_money(amount, statement.currency)  # noqa: E731
    buffer = io.BytesIO()
    maker = statement.maker
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=statement_title(statement), author=maker.centre.name, leftMargin=18 * mm
    )
    story = [
        Paragraph(statement_title(statement), styles["Title"]),
        Paragraph(f"{maker.centre.name}, {maker.centre.city}", styles["Normal"]),
        Spacer(1, 6 * mm),
    ]
    if statement.is_year:
        # The page a maker or guardian hands to a social-benefits office: the year's earnings in one sentence.
        story += [
            Paragraph(_("Yearly earnings summary"), styles["Heading2"]),
            Paragraph(
                _("In %(year)s the maker earned %(earned)s from the sale of their work and was paid %(paid)s.")
                % {"year": statement.start.year, "earned": money(statement.earned), "paid": money(statement.paid)},
                styles["Normal"],
            ),
            Spacer(1, 6 * mm),
        ]
    grid = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), font),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
        ]
    )
    rows = [[_("Date"), _("Entry"), _("Product or payee"), _("Quantity"), _("Amount")]]
    for line in statement.lines:
        rows.append(
            [
                date_format(timezone.localtime(line.at).date(), "SHORT_DATE_FORMAT"),
                line.kind_label,
                Paragraph(line.title, styles["BodyText"]),
                "" if line.quantity is None else str(line.quantity),
                money(line.amount),
            ]
        )
    if len(rows) == 1:
        rows.append(["", _("No entries in this period."), "", "", ""])
    story += [Table(rows, colWidths=[24 * mm, 30 * mm, 70 * mm, 18 * mm, 32 * mm], style=grid), Spacer(1, 6 * mm)]
    story.append(
        Table([[label, money(amount)] for label, amount in summary_rows(statement)], style=grid, hAlign="LEFT")
    )
    if len(statement.months) > 3:
        story += [Spacer(1, 6 * mm), Paragraph(_("Earnings per month"), styles["Heading2"])]
        monthly = [[_("Month"), _("Earned"), _("Paid")]]
        monthly += [[date_format(m, "F Y"), money(earned), money(paid)] for m, earned, paid in statement.months]
        story.append(Table(monthly, style=grid, hAlign="LEFT"))
    story += [
        Spacer(1, 8 * mm),
        Paragraph(
            _("Issued by %(centre)s on %(date)s from the makers' ledger.")
            % {"centre": maker.centre.name, "date": date_format(timezone.localdate(), "DATE_FORMAT")},
            styles["Normal"],
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
