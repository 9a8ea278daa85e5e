"""Finance pages, mounted under /admin/money/ by `wagtail_hooks` (URL names `beneficiaries_money:*`)."""

from django.urls import path

from . import views
from .reports import BalancesReportView

app_name = "beneficiaries_money"

urlpatterns = [
    path("", BalancesReportView.as_view(), name="dashboard"),
    path("results/", BalancesReportView.as_view(results_only=True), name="dashboard_results"),
    path("makers/<int:pk>/", views.maker_detail, name="maker"),
    path("makers/<int:pk>/payout/", views.payout_new, name="payout_new"),
    path("makers/<int:pk>/adjustment/", views.adjustment_new, name="adjustment_new"),
    path("makers/<int:pk>/statement/", views.statement_html, name="statement"),
    path("makers/<int:pk>/statement.csv", views.statement_csv_view, name="statement_csv"),
    path("makers/<int:pk>/statement.pdf", views.statement_pdf_view, name="statement_pdf"),
    path("payouts/", views.payout_list, name="payouts"),
    path("payouts/<int:pk>/", views.payout_detail, name="payout"),
    path("payouts/<int:pk>/approve/", views.payout_approve_view, name="payout_approve"),
    path("payouts/<int:pk>/reverse/", views.payout_reverse_view, name="payout_reverse"),
    path("payouts/<int:pk>/receipts/", views.payout_receipt_upload, name="payout_receipt"),
    path("centres/<int:pk>/", views.centre_detail, name="centre"),
    path("statements/", views.prepared_statements_view, name="prepared_statements"),
    path("statements/prepare/", views.statements_prepare_view, name="statements_prepare"),
    path("statements/<str:month>/<str:name>", views.prepared_statement_download, name="prepared_statement"),
]
