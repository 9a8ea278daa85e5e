from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site pages")

    def ready(self) -> None:
        from beneficiaries.signals import consent_withdrawn

        from .admin_csp import chooser_scripts_install
        from .consent import erase_stories_on_withdrawal

        consent_withdrawn.connect(erase_stories_on_withdrawal, dispatch_uid="erase_stories_on_withdrawal")
        # The Wagtail admin runs under the Content-Security-Policy too: no inline scripts from chooser widgets.
        chooser_scripts_install()
