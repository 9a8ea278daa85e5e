from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import get_page_models
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from beneficiaries.signals import consent_withdrawn
        from shop.catalogue.page_cache import page_cache_bump_on

        from .admin_csp import chooser_scripts_install
        from .consent import erase_stories_on_withdrawal
        from .models import CentrePage, InformationPage

        consent_withdrawn.connect(erase_stories_on_withdrawal, dispatch_uid="erase_stories_on_withdrawal")
        # The Wagtail admin runs under the Content-Security-Policy too: no inline scripts from chooser widgets.
        chooser_scripts_install()
        # Titles, slugs and live state all show in the footer; a move or rename saves the page, so post_save
        # catches what the publishing signals do not.
        for name, signal in (
            ("published", page_published),
            ("unpublished", page_unpublished),
            ("saved", post_save),
            ("deleted", post_delete),
        ):
            signal.connect(_forget_information_links, sender=InformationPage, dispatch_uid=f"information_links_{name}")
            signal.connect(_forget_centre_page_urls, sender=CentrePage, dispatch_uid=f"centre_page_urls_{name}")
        # Cached public pages (config.page_cache) show pages' titles, links and content: any publish, unpublish,
        # move or delete starts a new generation. Saves too: a draft save is rare and a rename saves the page.
        page_cache_bump_on(*get_page_models())
        page_signals = (("published", page_published), ("unpublished", page_unpublished), ("moved", post_page_move))
        for name, signal in page_signals:
            signal.connect(_forget_cached_pages, dispatch_uid=f"page_cache_{name}")


def _forget_information_links(**kwargs) -> None:
    from .selectors import information_links_forget

    information_links_forget(code for code, _name in settings.LANGUAGES)


def _forget_centre_page_urls(**kwargs) -> None:
    from .selectors import centre_page_urls_forget

    centre_page_urls_forget(code for code, _name in settings.LANGUAGES)


def _forget_cached_pages(**kwargs) -> None:
    from shop.catalogue.page_cache import page_cache_bump

    page_cache_bump()
