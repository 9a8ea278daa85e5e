"""The form behind every Wagtail image upload path (add, multiple add, chooser upload, replacing a file).

Named in `WAGTAILIMAGES_IMAGE_FORM_BASE`, so Wagtail builds all of them on it. The file is checked by
`photos.photo_check` before Wagtail's own checks open it, so a bad file is a form error, never a 500.
"""

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .photos import photo_check


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
