"""`python manage.py rebuild_search`: rewrite every product's search document.

Documents follow every edit through signals, and `migrate` builds the missing ones; run this after changing
how documents are made (shop.catalogue.search or folding) or after writing to products behind Django's back
(raw SQL, `QuerySet.update` on consent records). Safe to run any time and twice.
"""

from django.core.management.base import BaseCommand

from shop.catalogue.search import documents_rebuild


class Command(BaseCommand):
    help = "Rewrite the search document of every product (or only the missing ones with --missing)."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="only products that have no document yet")

    def handle(self, *args, missing=False, **options):
        written = documents_rebuild(only_missing=missing)
        self.stdout.write(self.style.SUCCESS(f"Wrote {written} search documents."))
