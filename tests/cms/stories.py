"""Build maker stories the way an editor's form does: linked makers, StreamField blocks, a published revision."""

from django.utils.text import slugify
from wagtail.rich_text import RichText

from cms.models import MakerStoryIndexPage, MakerStoryMaker, MakerStoryPage


def story_body(*, text="<p>Body</p>", image=None, image_alt="", shows_maker=True, extra=()) -> list:
    blocks = []
    if image is not None:
        blocks.append(("image", {"image": image, "alt": image_alt, "caption": "", "shows_maker": shows_maker}))
    if text:
        blocks.append(("paragraph", RichText(text)))
    return [*blocks, *extra]


def story_build(makers, *, title, language="az", slug=None, summary=None, body=None, uses_real_name=False):
    index = MakerStoryIndexPage.objects.get(locale__language_code=language)
    story = MakerStoryPage(
        title=title,
        slug=slug or slugify(title),
        summary=summary or f"{title} summary",
        uses_real_name=uses_real_name,
        live=False,  # a draft until published, as the editor creates it
        body=story_body() if body is None else body,
    )
    story.story_makers = [MakerStoryMaker(maker=maker, sort_order=n) for n, maker in enumerate(makers)]
    index.add_child(instance=story)
    return story


def story_publish(makers, **kwargs) -> MakerStoryPage:
    story = story_build(makers, **kwargs)
    story.save_revision().publish()
    story.refresh_from_db()
    return story
