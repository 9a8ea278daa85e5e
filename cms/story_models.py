"""Maker stories: the index a buyer filters by craft and centre, and the story itself.

A story is about one or more makers (a workshop group is one story). It is served only while every one of them
has an active story consent (and real-name consent when the story declares it gives a real name, and photo
consent when a picture shows a maker); `story_consent` names what is missing, publishing refuses it
(`MakerStoryPage.publish`, the admin form and the `before_publish_page` hook) and `consent` erases a story
when a consent it relied on is withdrawn.
"""

import logging
from functools import cached_property

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageLogEntry, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from beneficiaries.models import ConsentRecord
from beneficiaries.selectors import active_consent_exists

from .story_blocks import StoryStreamBlock, story_pictures
from .story_forms import MakerStoryForm, StoryFilterForm

logger = logging.getLogger(__name__)

STORIES_PER_PAGE = 12


class MakerStoryIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.MakerStoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("maker stories index")

    def get_context(self, request, *args, **kwargs):
        from .selectors import stories_filtered, story_filter_options

        context = super().get_context(request, *args, **kwargs)
        form = StoryFilterForm(request.GET or None, options=story_filter_options())
        craft, centre = form.chosen()
        stories = stories_filtered(
            MakerStoryPage.objects.child_of(self).live().public().story_consented(), craft=craft, centre=centre
        )
        paginator = Paginator(stories.order_by("-first_published_at", "-pk"), STORIES_PER_PAGE)
        # Clamp instead of failing: page 0, -1 or "abc" show the first page, a page past the end the last one.
        try:
            requested = int(request.GET.get("page", "1"))
        except ValueError:
            requested = 1
        page_obj = paginator.page(min(max(requested, 1), paginator.num_pages))
        context.update(
            filter_form=form, page_obj=page_obj, stories=page_obj.object_list, is_filtered=bool(craft or centre)
        )
        return context


class MakerStoryQuerySet(PageQuerySet):
    def story_consented(self):
        """Stories with at least one maker, every one of whom consents to the story (and to their real name when
        the story gives it). Photo consent is checked per page on serve, where the pictures are known."""
        links = MakerStoryMaker.objects.filter(page=OuterRef("pk"))
        lacking_story = links.filter(~active_consent_exists(ConsentRecord.Scope.STORY, maker_ref=OuterRef("maker_id")))
        lacking_real_name = links.filter(
            ~active_consent_exists(ConsentRecord.Scope.REAL_NAME, maker_ref=OuterRef("maker_id"))
        )
        return (
            self.filter(Exists(links))
            .exclude(Exists(lacking_story))
            .exclude(models.Q(uses_real_name=True) & Exists(lacking_real_name))
        )


class MakerStoryPage(Page):
    summary = models.CharField(_("summary"), max_length=250)
    uses_real_name = models.BooleanField(
        _("gives a maker's real name"),
        default=False,
        help_text=_("Tick when the story names a maker by their real name: every maker then needs real-name consent."),
    )
    body = StreamField(StoryStreamBlock(), verbose_name=_("story"), blank=True)

    content_panels = Page.content_panels + [
        InlinePanel("story_makers", label=_("makers in this story"), min_num=1),
        FieldPanel("summary"),
        FieldPanel("uses_real_name"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["cms.MakerStoryIndexPage"]
    subpage_types: list[str] = []
    base_form_class = MakerStoryForm

    objects = PageManager.from_queryset(MakerStoryQuerySet)()

    class Meta:
        verbose_name = _("maker story")
        verbose_name_plural = _("maker stories")

    @cached_property
    def card_picture(self) -> dict | None:
        """The first picture of the story with its alt text, for cards and the shared-link image."""
        return next((picture for picture in story_pictures(self.body) if picture["image"] is not None), None)

    def publish(self, revision, user=None, **kwargs):
        """Every publish that is not the editor's own button ends here (scheduled go-live, the workflow's final
        approval, bulk publish): without the consent the revision needs, it stays unpublished and the page's
        history says why. Raising instead would stop `publish_scheduled` for every other page."""
        from .story_consent import story_consent_problems

        problems = story_consent_problems(revision.as_object())
        if not problems:
            return super().publish(revision, user=user, **kwargs)
        logger.warning("story %s: publishing refused: %s", self.pk, "; ".join(str(p) for p in problems))
        # A scheduled revision is no longer scheduled: the editor publishes again once consent is recorded.
        self.revisions.filter(approved_go_live_at__isnull=False).update(approved_go_live_at=None)
        PageLogEntry.objects.log_action(
            self,
            "cms.story_publish_refused",
            user=user,
            revision=revision,
            data={"problems": [str(problem) for problem in problems]},
        )
        return None

    def get_context(self, request, *args, **kwargs):
        from .selectors import story_makers_for_page, story_products

        context = super().get_context(request, *args, **kwargs)
        makers = story_makers_for_page(self)
        context["story_makers"] = makers
        context["story_products"] = story_products(makers)
        return context

    def serve(self, request, *args, **kwargs):
        from .story_consent import story_consent_problems

        # Preview is for editors writing the story before consent is recorded; nothing public is served then.
        if not getattr(request, "is_preview", False) and story_consent_problems(self):
            raise Http404
        return super().serve(request, *args, **kwargs)


class MakerStoryMaker(Orderable):
    """One maker a story is about."""

    page = ParentalKey(MakerStoryPage, on_delete=models.CASCADE, related_name="story_makers")
    maker = models.ForeignKey(
        "beneficiaries.Maker", on_delete=models.PROTECT, related_name="story_links", verbose_name=_("maker")
    )

    panels = [FieldPanel("maker")]

    class Meta(Orderable.Meta):
        verbose_name = _("maker in the story")
        verbose_name_plural = _("makers in the story")
