"""The form behind every Wagtail image upload path (add, multiple add, chooser upload, replacing a file).

Named in `WAGTAILIMAGES_IMAGE_FORM_BASE`, so Wagtail builds all of them on it. The file is checked by
`photos.photo_check` before Wagtail's own checks open it, so a bad file is a form error, never a 500.

The cleaned picture is also stored while the form is validated, not when the view saves it: Wagtail's views
save inside their own code, where a storage failure (S3 unreachable) would be a 500 after half the work. Here
it is a form error on the file, and no Image row is written.
"""

import logging

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .file_storage import STORAGE_ERRORS, STORAGE_UNREACHABLE_MESSAGE
from .photos import photo_check, photo_strip_in_place

logger = logging.getLogger(__name__)


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "read"):
            photo_check(data)
        return super().to_python(data)


class SafeImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.fields.get("file")
        if current is not None and not isinstance(current, SafeImageField):
            field = SafeImageField(label=current.label, required=current.required, widget=current.widget)
            self.fields["file"] = field

    def _post_clean(self):
        super()._post_clean()
        if self.errors or "file" not in self.changed_data:
            return
        photo_strip_in_place(self.instance)
        upload = self.instance.file
        try:
            # save=False: only the file goes to storage now; the row is written by the view, after this.
            upload.save(upload.name, upload.file, save=False)
        except STORAGE_ERRORS:
            logger.exception("image upload: storage unreachable")
            self.add_error("file", STORAGE_UNREACHABLE_MESSAGE)
