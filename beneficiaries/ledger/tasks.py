"""The ledger's background jobs: they take plain values, never model instances."""

from celery import shared_task

from .statement_files import monthly_statements_prepare, previous_month


@shared_task(name="beneficiaries.ledger.tasks.monthly_statements_prepare_job")
def monthly_statements_prepare_job(*, year: int | None = None, month: int | None = None) -> int:
    """Every maker's statement PDF for the month (last month when beat runs it on the first), in private storage."""
    if year is None or month is None:
        last = previous_month()
        year, month = last.year, last.month
    return len(monthly_statements_prepare(year=year, month=month))
