"""`python manage.py prepare_renditions`: make the public renditions of every image that lacks some.

Run once after a deploy that adds a size to `shop.catalogue.renditions.PUBLIC_RENDITION_SPECS` (images
uploaded before it have no such rendition yet), or after restoring media from a backup. Running it again
makes nothing new.
"""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from shop.catalogue.renditions import image_renditions_prepare


class Command(BaseCommand):
    help = "Make every public rendition (see shop.catalogue.renditions) that does not exist yet."

    def handle(self, *args, **options):
        made = 0
        for image_id in get_image_model().objects.order_by("pk").values_list("pk", flat=True).iterator():
            made += image_renditions_prepare(image_id=image_id)
        self.stdout.write(self.style.SUCCESS(f"Made {made} renditions."))
