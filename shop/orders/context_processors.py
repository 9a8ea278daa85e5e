from .cart import Cart


def cart_summary(request):
    """The header's cart count, read from the session alone: no database query beyond loading the session,
    and none at all for a visitor without a session cookie."""
    session = getattr(request, "session", None)
    return {"cart_count": Cart(session).count if session is not None else 0}
