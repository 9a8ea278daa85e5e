from .favourites import Favourites


def favourites_summary(request):
    """The header's favourites count and the saved ids (for the cards' toggles), from the session alone."""
    favourites = Favourites(getattr(request, "session", None))
    ids = favourites.ids
    return {"favourites_count": len(ids), "favourite_ids": frozenset(ids)}
