"""The Wagtail pages the demo needs: locales, the home page, the stories index (each in az, ru, en) and stories.

A data migration may already have created the locales and pages; everything here is looked up first and only
created when missing, so the loader works before and after that migration.
"""

from django.utils.html import escape
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from beneficiaries.models import Maker
from cms.models import HomePage, ImpactPage, InformationPage, MakerStoryIndexPage, MakerStoryMaker, MakerStoryPage

from .information_data import ABOUT, CONTACT
from .policies_data import DELIVERY, PRIVACY, TERMS

LANGUAGES = ("az", "ru", "en")

# The same words as cms/migrations/0002, which normally creates these pages first.
HOME = {
    "az": {
        "title": "Ana səhifə",
        "hero_title": "Əl işləri",
        "hero_text": "İnklüziv yaradıcılıq mərkəzinin ustalarının əl ilə hazırladığı işlər. "
        "Hər alış ustaya və onun ailəsinə dəstəkdir.",
    },
    "ru": {
        "title": "Главная",
        "hero_title": "Ручная работа",
        "hero_text": "Изделия ручной работы мастеров инклюзивного творческого центра. "
        "Каждая покупка поддерживает мастера и его семью.",
    },
    "en": {
        "title": "Home",
        "hero_title": "Handmade",
        "hero_text": "Handmade work by the makers of an inclusive creativity centre. "
        "Every purchase supports a maker and their family.",
    },
}
STORIES = {
    "az": {"title": "Ustaların hekayələri"},
    "ru": {"title": "Истории мастеров"},
    "en": {"title": "Makers' stories"},
}

IMPACT = {
    "az": {
        "title": "Ustalara təsirimiz",
        "intro": "<p>Hər satışdan ustanın payı onun hesabına yazılır və mərkəz tərəfindən ona ödənilir. "
        "Aşağıdakı rəqəmlər hər mərkəz, sənət və ay üzrə cəmlərdir.</p>",
    },
    "ru": {
        "title": "Что получают мастера",
        "intro": "<p>С каждой продажи доля мастера записывается на его счёт и выплачивается ему центром. "
        "Ниже — итоги по центрам, ремёслам и месяцам.</p>",
    },
    "en": {
        "title": "Our impact on the makers",
        "intro": "<p>From every sale, the maker's part is booked to them and paid out by the centre. "
        "Below are the totals per centre, craft and month.</p>",
    },
}

STORY_OPENINGS = {
    "pottery": (
        "gildən doğan formalar",
        "{name} ilk dəfə gilə toxunanda nə düzəldəcəyini bilmirdi. İndi onun "
        "kasaları və vazaları mərkəzin ən sevilən işləri arasındadır.",
    ),
    "carpets-and-rugs": (
        "düyün-düyün naxış",
        "{name} dəzgah arxasında saatlarla otura bilir. Hər xalçanın "
        "naxışını əvvəlcə kağızda çəkir, sonra rəngləri bir-bir seçir.",
    ),
    "wood-carving": (
        "ağacın dili",
        "{name} üçün ağac canlı materialdır: hər taxtanın öz damarı var. Oymağa "
        "kiçik qaşıqlarla başlayıb, indi nərd taxtaları düzəldir.",
    ),
    "sewing-and-textiles": (
        "hər tikişdə bir hekayə",
        "{name} tikişi mərkəzdəki ilk həftəsində öyrənib. Bu gün "
        "onun yastıq üzləri və çantaları alıcıların ən çox soruşduğu əşyalardır.",
    ),
    "painting": (
        "Xəzərin rəngləri",
        "{name} rəsm çəkəndə vaxtın necə keçdiyini hiss etmir. Tablolarında doğma "
        "yerlərin dağları və Xəzərin sahili var.",
    ),
    "jewellery": (
        "muncuqdan boyunbağıya",
        "{name} işə muncuqları rənglərinə görə çeşidləməkdən başlayır. Sonra "
        "onlardan boyunbağı və qolbaqlar yaranır, hər biri yeganədir.",
    ),
    "ceramics": (
        "fırçadan çiçəyə",
        "{name} fırçanı əlinə alanda naxış özü yaranır. Boşqab və fincanlarındakı çiçəklər heç vaxt təkrarlanmır.",
    ),
    "souvenirs": (
        "kiçik xatirələr",
        "{name} istəyir ki, qonaqlar Azərbaycandan özləri ilə kiçik bir xatirə "
        "aparsınlar. Onun narları və butaları elə bunun üçün yaranıb.",
    ),
}
STORY_MIDDLE = (
    "Mərkəzdə {name} təlimçilər və başqa ustalarla birlikdə işləyir. Burada hər kəs bir-birindən öyrənir: "
    "kimisi naxış təklif edir, kimisi rəng."
)
STORY_END = (
    "İşləri satılanda qiymətin böyük hissəsi birbaşa ustanın özünə çatır. Bu hekayə ustanın razılığı ilə dərc olunub."
)


def locales_ensure() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _translations_ensure(page: Page, locales: dict[str, Locale], texts: dict[str, dict[str, str]]) -> None:
    for code in LANGUAGES[1:]:
        if page.get_translation_or_none(locales[code]) is not None:
            continue
        if type(page).objects.filter(locale=locales[code]).exists():
            continue  # made by a migration without a shared translation key: use it rather than add a second
        copy = page.copy_for_translation(locales[code])
        for field, value in texts[code].items():
            setattr(copy, field, value)
        _publish(copy)


def home_ensure(locales: dict[str, Locale]) -> HomePage:
    """The az home page as the default site's root, with its ru and en translations."""
    home = HomePage.objects.filter(locale=locales["az"]).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's "Welcome" placeholder holds the slug "home"; deleting it also deletes its Site (recreated below).
        for placeholder in root.get_children().filter(slug="home").exact_type(Page):
            placeholder.delete()
        home = HomePage(slug="home", locale=locales["az"], **HOME["az"])
        root.add_child(instance=home)
        _publish(home)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Əl işləri")
    elif not isinstance(site.root_page.specific, HomePage):
        site.root_page = home
        site.save()
    _translations_ensure(home, locales, HOME)
    return home


def stories_index_ensure(home: HomePage, locales: dict[str, Locale]) -> MakerStoryIndexPage:
    index = MakerStoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = MakerStoryIndexPage(slug="stories", locale=locales["az"], **STORIES["az"])
        home.add_child(instance=index)
        _publish(index)
    _translations_ensure(index, locales, STORIES)
    return index


def impact_ensure(home: HomePage, locales: dict[str, Locale]) -> ImpactPage:
    page = ImpactPage.objects.child_of(home).first()
    if page is None:
        page = ImpactPage(slug="impact", locale=locales["az"], **IMPACT["az"])
        home.add_child(instance=page)
        _publish(page)
    _translations_ensure(page, locales, IMPACT)
    return page


# Footer order; the slug is the same in every language (each language is its own tree under /<lang>/).
INFORMATION = (
    (InformationPage.Purpose.ABOUT, "about", ABOUT),
    (InformationPage.Purpose.CONTACT, "contact", CONTACT),
    (InformationPage.Purpose.DELIVERY, "delivery-and-returns", DELIVERY),
    (InformationPage.Purpose.PRIVACY, "privacy", PRIVACY),
    (InformationPage.Purpose.TERMS, "terms", TERMS),
)


def information_pages_ensure(home: HomePage, locales: dict[str, Locale]) -> int:
    """About, contact, delivery and returns, privacy and terms in az, ru and en; returns how many were created.

    Found by purpose, not slug, so a page an editor renamed or moved is not made again."""
    created = 0
    for purpose, slug, texts in INFORMATION:
        page = InformationPage.objects.filter(purpose=purpose, locale=locales["az"]).first()
        if page is None:
            page = InformationPage(slug=slug, purpose=purpose, locale=locales["az"], **texts["az"])
            home.add_child(instance=page)
            _publish(page)
            created += 1
        for code in LANGUAGES[1:]:
            if InformationPage.objects.filter(purpose=purpose, locale=locales[code]).exists():
                continue
            copy = page.copy_for_translation(locales[code])
            for field, value in texts[code].items():
                setattr(copy, field, value)
            _publish(copy)
            created += 1
    return created


QUOTES = {
    "az": "Əvvəl əllərimə inanmırdım. İndi hər iş mənə bir az daha cəsarət verir.",
}
GROUP_STORY = {
    "title": "Bir emalatxana, bir neçə usta",
    "summary": "Mərkəzin ustaları bir-birindən öyrənir və birlikdə işləyir.",
    "text": "Bu hekayə birlikdə işləyən ustalar haqqındadır. Hər biri öz işini gətirir, hamısı bir-birinə kömək edir.",
}


def _picture(photo: dict) -> dict:
    return {"image": photo["image"], "alt": photo["alt"], "caption": "", "shows_maker": photo["shows_maker"]}


def _story_blocks(*, paragraphs, first_name: str, photos: list[dict]) -> list:
    """Every kind of block an editor has: picture, text, quote, gallery, and the maker's work listed by itself."""
    opening, middle, end = paragraphs
    blocks = []
    if photos:
        blocks.append(("image", _picture(photos[0])))
    blocks.append(("paragraph", RichText(f"<p>{escape(opening)}</p>")))
    blocks.append(("quote", {"text": QUOTES["az"], "attribution": first_name}))
    blocks.append(("paragraph", RichText(f"<p>{escape(middle)}</p>")))
    if len(photos) > 1:
        blocks.append(("gallery", {"heading": "Emalatxanadan", "images": [_picture(p) for p in photos[1:4]]}))
    blocks.append(("paragraph", RichText(f"<p>{escape(end)}</p>")))
    blocks.append(("makers_products", {"heading": ""}))
    return blocks


def _story_add(index, page: MakerStoryPage, makers: list[Maker]) -> None:
    page.story_makers = [MakerStoryMaker(maker=maker, sort_order=n) for n, maker in enumerate(makers)]
    index.add_child(instance=page)
    _publish(page)


def story_page_ensure(*, index, maker: Maker, craft: str, first_name: str, photos: list[dict]) -> bool:
    """Publish a story about a maker who consented to one; returns whether a page was created.

    `photos`: [{"image", "alt", "shows_maker"}] of the maker's work; a photo that shows the maker is passed only
    when the maker consented to photos."""
    slug = f"story-{maker.slug}"
    if MakerStoryPage.objects.filter(slug=slug).exists():
        return False
    headline, opening = STORY_OPENINGS[craft]
    opening = opening.format(name=first_name)
    paragraphs = (opening, STORY_MIDDLE.format(name=first_name), STORY_END)
    page = MakerStoryPage(
        title=f"{maker.public_display_name}: {headline}",
        slug=slug,
        summary=opening.split(". ")[0] + ".",
        body=_story_blocks(paragraphs=paragraphs, first_name=first_name, photos=photos),
    )
    _story_add(index, page, [maker])
    return True


def group_story_ensure(*, index, makers: list[Maker], photos: list[dict]) -> bool:
    """A story about a workshop group: several makers of one centre, each of whom consented to stories."""
    slug = "story-workshop-group"
    if len(makers) < 2 or MakerStoryPage.objects.filter(slug=slug).exists():
        return False
    body = [("paragraph", RichText(f"<p>{escape(GROUP_STORY['text'])}</p>"))]
    if photos:
        body.append(("gallery", {"heading": "", "images": [_picture(p) for p in photos[:3]]}))
    body.append(("makers_products", {"heading": ""}))
    page = MakerStoryPage(title=GROUP_STORY["title"], slug=slug, summary=GROUP_STORY["summary"], body=body)
    _story_add(index, page, makers)
    return True
