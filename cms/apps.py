from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from beneficiaries.signals import consent_withdrawn

        from .consent import erase_stories_on_withdrawal

        consent_withdrawn.connect(erase_stories_on_withdrawal, dispatch_uid="erase_stories_on_withdrawal")
