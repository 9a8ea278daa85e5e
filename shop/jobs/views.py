"""The failed-jobs report in the Wagtail admin, for administrators and finance officers."""

from django.template.response import TemplateResponse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from .models import FailedJob

# Finance reads the reconciliation and statement jobs' failures; the ledger permission is what makes finance.
FINANCE_PERMISSION = "beneficiaries.view_ledger"


def may_see_failed_jobs(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.has_perm(FINANCE_PERMISSION))


def _arguments(job: FailedJob) -> str:
    args = [str(value) for value in job.arguments.get("args", [])]
    kwargs = [f"{name}={value}" for name, value in job.arguments.get("kwargs", {}).items()]
    return ", ".join(args + kwargs) or "—"


class FailedJobsReportView(ReportView):
    page_title = gettext_lazy("Failed jobs")
    header_icon = "warning"
    index_url_name = "shop_failed_jobs"
    index_results_url_name = "shop_failed_jobs_results"
    paginate_by = 50
    columns = [
        Column("task_name", label=gettext_lazy("Job")),
        Column("arguments", label=gettext_lazy("Arguments"), accessor=_arguments),
        Column("error", label=gettext_lazy("Error"), accessor=lambda job: Truncator(job.error).chars(300)),
        DateColumn("failed_at", label=gettext_lazy("Failed at")),
        Column("retries", label=gettext_lazy("Retries")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_failed_jobs(request.user):
            return TemplateResponse(
                request,
                "beneficiaries/money/forbidden.html",
                {"message": _("Only administrators and finance officers may see failed jobs.")},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return FailedJob.objects.order_by("-failed_at", "-pk")
