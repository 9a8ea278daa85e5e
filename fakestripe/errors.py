"""Errors answered in Stripe's JSON error format, so the SDK raises the same exception classes as live."""

from __future__ import annotations


class StripeError(Exception):
    """An API error; `status` picks the SDK exception (400/404 InvalidRequest, 402 Card, 401 Auth...)."""

    def __init__(
        self,
        message: str,
        *,
        status: int = 400,
        error_type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        decline_code: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.status = status
        self.type = error_type
        self.code = code
        self.param = param
        self.decline_code = decline_code

    def to_dict(self) -> dict:
        # Stripe leaves absent fields out rather than sending nulls.
        error = {"type": self.type, "message": self.message}
        for key in ("code", "param", "decline_code"):
            value = getattr(self, key)
            if value is not None:
                error[key] = value
        return {"error": error}


def missing_param(param: str) -> StripeError:
    return StripeError(f"Missing required param: {param}.", code="parameter_missing", param=param)


def invalid_param(param: str, message: str, code: str = "parameter_invalid") -> StripeError:
    return StripeError(message, code=code, param=param)


def no_such(kind: str, object_id: str, param: str = "id") -> StripeError:
    return StripeError(f"No such {kind}: '{object_id}'", status=404, code="resource_missing", param=param)


def api_error(status: int = 500) -> StripeError:
    return StripeError(
        "An unknown error occurred while processing your request (fake outage).",
        status=status,
        error_type="api_error",
    )
