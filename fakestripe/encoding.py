"""Stripe's form encoding (`a[b][0][c]=v`) to nested dicts and lists, and typed access to the result.

The SDK sends every list with explicit indexes (`expand[0]`), but list URLs handed back by the API use
`expand[]`, so both spellings are accepted.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from .errors import StripeError, invalid_param, missing_param

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
_PART = re.compile(r"\[([^\[\]]*)\]")


def parse_params(encoded: str) -> dict:
    root: dict = {}
    for key, value in parse_qsl(encoded, keep_blank_values=True):
        match = _KEY.match(key)
        parts = [match.group(1), *_PART.findall(match.group(2))] if match else [key]
        _assign(root, parts, value, key)
    return _listify(root)


def _assign(root: dict, parts: list[str], value: str, key: str) -> None:
    node = root
    for index, part in enumerate(parts):
        if part == "":
            # `expand[]=a&expand[]=b`: each occurrence appends.
            part = str(len(node))
        if index == len(parts) - 1:
            if isinstance(node.get(part), dict):
                raise StripeError(f"Invalid parameter: {key} is both a value and a hash.", param=key)
            node[part] = value
            return
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise StripeError(f"Invalid parameter: {key} is both a value and a hash.", param=key)
        node = child


def _listify(node):
    if not isinstance(node, dict):
        return node
    converted = {key: _listify(value) for key, value in node.items()}
    if converted and all(key.isdigit() for key in converted):
        return [converted[key] for key in sorted(converted, key=int)]
    return converted


def reject_unknown(params: dict, allowed: set[str], prefix: str = "") -> None:
    """Stripe refuses parameters it does not know; doing the same catches typos in the shop early."""
    for name in params:
        if name not in allowed:
            full = f"{prefix}[{name}]" if prefix else name
            raise StripeError(f"Received unknown parameter: {full}", code="parameter_unknown", param=full)


def get_str(
    params: dict, name: str, *, param: str | None = None, required: bool = False, max_length: int | None = None
) -> str | None:
    param = param or name
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise missing_param(param)
        return None
    if not isinstance(value, str):
        raise invalid_param(param, f"Invalid string: {param} must be a string.", "parameter_invalid_string")
    if max_length is not None and len(value) > max_length:
        raise invalid_param(param, f"Invalid string: {param} is longer than {max_length} characters.")
    return value


def get_int(
    params: dict, name: str, *, param: str | None = None, required: bool = False, minimum: int | None = None
) -> int | None:
    param = param or name
    raw = get_str(params, name, param=param, required=required)
    if raw is None:
        return None
    try:
        value = int(raw)
    except ValueError:
        raise invalid_param(param, f"Invalid integer: {raw}", "parameter_invalid_integer") from None
    if minimum is not None and value < minimum:
        raise invalid_param(
            param, f"This value must be greater than or equal to {minimum}.", "parameter_invalid_integer"
        )
    return value


def get_bool(params: dict, name: str, *, param: str | None = None) -> bool | None:
    raw = get_str(params, name, param=param)
    if raw is None:
        return None
    if raw not in ("true", "false"):
        raise invalid_param(param or name, f"Invalid boolean: {raw}")
    return raw == "true"


def get_dict(params: dict, name: str, *, param: str | None = None) -> dict:
    value = params.get(name)
    if value is None or value == "":
        return {}
    if not isinstance(value, dict):
        raise invalid_param(param or name, f"Invalid object: {param or name} must be a hash.")
    return value


def get_list(params: dict, name: str, *, param: str | None = None) -> list:
    value = params.get(name)
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise invalid_param(param or name, f"Invalid array: {param or name} must be an array.")
    return value


def get_metadata(params: dict, name: str = "metadata", *, param: str | None = None) -> dict[str, str]:
    param = param or name
    raw = get_dict(params, name, param=param)
    metadata: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(value, str):
            raise invalid_param(f"{param}[{key}]", "Metadata values must be strings.")
        if len(key) > 40 or len(value) > 500:
            raise invalid_param(f"{param}[{key}]", "Metadata keys are limited to 40 and values to 500 characters.")
        if value != "":  # an empty value unsets the key, as on Stripe
            metadata[key] = value
    if len(metadata) > 50:
        raise invalid_param(param, "Metadata can have at most 50 keys.")
    return metadata


def get_expand(params: dict) -> list[str]:
    paths = get_list(params, "expand")
    if not all(isinstance(path, str) for path in paths):
        raise invalid_param("expand", "Invalid array: expand must hold strings.")
    return paths
