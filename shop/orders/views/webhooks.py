"""Stripe's webhook endpoint: verify, record once, hand to the services. Stripe only needs the status code."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..services.webhooks import stripe_event_process
from ..stripe_gateway import InvalidWebhook, webhook_event_construct

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = webhook_event_construct(payload=request.body, signature=request.headers.get("Stripe-Signature"))
    except InvalidWebhook as exc:
        logger.warning("Rejected Stripe webhook: %s", exc)
        return HttpResponseBadRequest("invalid signature or payload", content_type="text/plain")
    outcome = stripe_event_process(event=event)
    return HttpResponse(outcome, content_type="text/plain")
