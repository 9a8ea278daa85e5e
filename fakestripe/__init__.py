"""A stateful fake of the parts of Stripe the shop uses, spoken to through the real `stripe` SDK.

Standard library only, so it can run beside the shop in tests and in `make demo`. See README.md.
"""

from .server import FakeStripeServer
from .state import FakeStripe
from .store import ApiRequest

__all__ = ["ApiRequest", "FakeStripe", "FakeStripeServer"]
