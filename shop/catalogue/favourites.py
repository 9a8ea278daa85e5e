"""Favourites: the products a buyer saved, kept in the session (there are no buyer accounts), newest first.

Only ids are stored; what is shown is read again each time, so an unpublished product simply drops out.
"""

from __future__ import annotations

SESSION_KEY = "favourites"
# Enough for any real wish list; keeps a scripted client from growing a session without bound.
MAX_FAVOURITES = 200


class Favourites:
    def __init__(self, session):
        self.session = session

    @property
    def ids(self) -> list[int]:
        if self.session is None:
            return []
        return [int(pk) for pk in self.session.get(SESSION_KEY, [])]

    @property
    def count(self) -> int:
        return len(self.ids)

    def __contains__(self, product_id: int) -> bool:
        return product_id in self.ids

    def _save(self, ids: list[int]) -> None:
        self.session[SESSION_KEY] = ids[:MAX_FAVOURITES]

    def toggle(self, product_id: int) -> bool:
        """Save the product, or forget it if it was saved. True when it is saved now."""
        ids = self.ids
        if product_id in ids:
            ids.remove(product_id)
            self._save(ids)
            return False
        self._save([product_id, *ids])
        return True

    def keep_only(self, product_ids: set[int]) -> int:
        """Forget every saved id not in `product_ids`; return how many were forgotten."""
        ids = self.ids
        kept = [pk for pk in ids if pk in product_ids]
        if len(kept) != len(ids):
            self._save(kept)
        return len(ids) - len(kept)
