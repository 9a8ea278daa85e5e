"""StreamField blocks for the information pages (about, contact, delivery and returns, privacy, terms).

Editors write prose in rich text; a centre's contact details are a structured block so every centre shows its
address, phone and hours the same way, and the phone becomes a link a buyer can tap.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

PROSE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.CharBlock(label=_("days"), max_length=60, help_text=_("For example: Monday to Friday"))
    hours = blocks.CharBlock(label=_("hours"), max_length=60, help_text=_("For example: 10:00–18:00, or Closed"))

    class Meta:
        icon = "time"
        label = _("opening hours")


class CentreContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("centre"), max_length=120)
    address = blocks.TextBlock(label=_("address"), rows=2)
    phone = blocks.CharBlock(label=_("phone"), max_length=32, help_text=_("With the country code: +994 …"))
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    opening_hours = blocks.ListBlock(OpeningHoursBlock(), label=_("opening hours"))
    note = blocks.CharBlock(label=_("note"), max_length=250, required=False, help_text=_("Access, parking, …"))

    class Meta:
        icon = "home"
        label = _("centre contact")
        template = "cms/blocks/centre_contact.html"


class InformationStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"), max_length=120, form_classname="title", template="cms/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("text"), features=PROSE_FEATURES, template="cms/blocks/paragraph.html")
    centre_contact = CentreContactBlock()
