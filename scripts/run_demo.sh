#!/usr/bin/env bash
# Serves the demo shop on 127.0.0.1:8000. Without a real STRIPE_SECRET_KEY it starts the project's fake
# Stripe server beside it, so checkout works end to end with test cards and signed webhooks. A Celery worker
# (with beat) runs beside it for e-mails, statements and the reconcile jobs: on kombu's filesystem queue in
# var/celery/ by default, on Redis when REDIS_URL is set. Everything started here stops when runserver does.
set -euo pipefail
export UV_PYTHON_DOWNLOADS=never
UV=$(command -v uv || echo "$HOME/.local/bin/uv")
PORT=${PORT:-8000}
# E-mails sent from the webhook have no request to take the address from: the demo is served exactly here.
export SHOP_BASE_URL=${SHOP_BASE_URL:-http://127.0.0.1:${PORT}}
PIDS=()
stop_helpers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_helpers EXIT
if [ -z "${STRIPE_SECRET_KEY:-}" ]; then
  FAKE_PORT=${FAKE_STRIPE_PORT:-12111}
  export STRIPE_SECRET_KEY=sk_test_demo_local
  export STRIPE_WEBHOOK_SECRET=whsec_demo_local
  export STRIPE_API_BASE="http://127.0.0.1:${FAKE_PORT}"
  "$UV" run python -m fakestripe --port "$FAKE_PORT" \
    --webhook-url "http://127.0.0.1:${PORT}/stripe/webhook/" --webhook-secret "$STRIPE_WEBHOOK_SECRET" &
  PIDS+=($!)
  echo "Fake Stripe (test cards: 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined) on $STRIPE_API_BASE"
fi
mkdir -p var/celery
"$UV" run celery -A config worker -B --pool=solo --loglevel=INFO --logfile var/celery/worker.log &
PIDS+=($!)
echo "Background jobs: a Celery worker with beat (log: var/celery/worker.log)"
echo "Shop: http://127.0.0.1:${PORT}/az/   Admin: http://127.0.0.1:${PORT}/admin/"
"$UV" run python manage.py runserver "127.0.0.1:${PORT}"
