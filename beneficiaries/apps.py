from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeneficiariesConfig(AppConfig):
    name = "beneficiaries"
    verbose_name = _("Makers and centres")

    def ready(self) -> None:
        from . import photos, private_files

        photos.connect_metadata_stripping()
        private_files.connect_private_file_cleanup()
