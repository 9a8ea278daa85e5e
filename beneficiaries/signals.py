"""Signals other apps listen to, so beneficiaries never has to import them."""

from django.dispatch import Signal

# Sent inside the withdrawal transaction with `maker` and `scope`; receivers erase what they published.
consent_withdrawn = Signal()
