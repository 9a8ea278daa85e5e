def cart_summary(request):
    """Header cart count; filled in by the cart module."""
    return {"cart_count": 0}
