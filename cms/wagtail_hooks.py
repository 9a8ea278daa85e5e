"""Wagtail admin hooks of the site pages: maker stories are never published beyond their makers' consent."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .story_consent import story_consent_problems
from .story_models import MakerStoryPage


@hooks.register("before_publish_page")
def refuse_story_beyond_consent(request, page):
    """The editor's Publish button publishes through Wagtail's publish action directly (not `page.publish`), so
    it is checked here too; the page form refuses it first, this catches a consent withdrawn in between. The
    draft the editor wrote is kept as a revision."""
    if not isinstance(page, MakerStoryPage):
        return None
    problems = story_consent_problems(page)
    if not problems:
        return None
    for problem in problems:
        messages.error(request, problem)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_log_actions")
def register_story_log_actions(actions):
    @actions.register_action("cms.story_publish_refused")
    class StoryPublishRefused(LogFormatter):
        label = _("Publishing refused: consent missing")

        def format_message(self, log_entry):
            problems = log_entry.data.get("problems") or []
            return " ".join(problems) or str(self.label)
