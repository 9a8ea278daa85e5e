"""Forms of the maker stories: the editor's page form (refuses to publish beyond consent) and the index filter."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


def _publishing(data) -> bool:
    """Whether the editor pressed Publish (or Schedule) or approves the story in its workflow."""
    if data.get("action-publish"):
        return True
    return bool(data.get("action-workflow-action")) and data.get("workflow-action-name") == "approve"


class MakerStoryForm(WagtailAdminPageForm):
    """Saving a draft is always allowed (a story is often written before the consent form is signed); publishing
    or approving is refused with one message per missing consent, naming the maker."""

    def clean(self):
        cleaned = super().clean()
        makers = []
        formset = self.formsets.get("story_makers")
        if formset is not None:
            formset.is_valid()  # ClusterForm validates its formsets after this clean(); their data is needed now
        for form in getattr(formset, "forms", []):
            data = getattr(form, "cleaned_data", None) or {}
            maker = data.get("maker")
            if maker is None or data.get("DELETE"):
                continue
            if maker in makers:
                raise ValidationError(
                    _("%(maker)s is linked to this story twice.") % {"maker": maker.public_display_name}
                )
            makers.append(maker)
        if _publishing(self.data):
            from .story_consent import consent_problems

            problems = consent_problems(
                makers=makers, uses_real_name=cleaned.get("uses_real_name", False), body=cleaned.get("body")
            )
            if problems:
                raise ValidationError(problems)
        return cleaned


class StoryFilterForm(forms.Form):
    """The index's filters. An unknown craft or centre in the address is dropped, never an error page."""

    craft = forms.ChoiceField(label=_("Craft"), required=False)
    centre = forms.ChoiceField(label=_("Centre"), required=False)

    def __init__(self, *args, options: dict[str, list[tuple[str, str]]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["craft"].choices = [("", _("All crafts")), *options["crafts"]]
        self.fields["centre"].choices = [("", _("All centres")), *options["centres"]]

    def chosen(self) -> tuple[str, str]:
        """(craft slug, centre slug), each "" when absent or unknown."""
        if not self.is_bound:
            return "", ""
        self.is_valid()
        craft, centre = self.cleaned_data.get("craft", ""), self.cleaned_data.get("centre", "")
        # Shown as "All" rather than as an error next to a filter the buyer never typed.
        for name in ("craft", "centre"):
            if name in self.errors:
                self.data = self.data.copy()
                self.data[name] = ""
        self._errors = {}
        return craft, centre
