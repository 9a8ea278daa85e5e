from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _centre_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    from .catalogue.services import centre_collection_ensure

    centre_collection_ensure(centre=instance)


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self) -> None:
        from beneficiaries.models import Centre

        from .catalogue.page_cache import connect_page_cache_invalidation
        from .catalogue.permissions import image_scoping_install
        from .catalogue.renditions import connect_rendition_preparation
        from .catalogue.search import connect_missing_documents_build, connect_search_refresh
        from .catalogue.services import connect_status_sync
        from .jobs.services import failed_job_recording_connect

        image_scoping_install()
        connect_status_sync()
        failed_job_recording_connect()
        connect_rendition_preparation()
        connect_search_refresh()
        connect_missing_documents_build(self)
        connect_page_cache_invalidation()
        # Every centre gets its photo collection as soon as it exists.
        post_save.connect(_centre_saved, sender=Centre, dispatch_uid="centre_photo_collection")
