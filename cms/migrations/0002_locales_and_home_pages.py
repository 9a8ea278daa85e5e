"""Create the ru/en locales and replace Wagtail's "Welcome" page with our home page in az, ru and en.

Historical models have no treebeard methods, so the tree is written by hand (path/depth/numchild), as
Wagtail's own project template does. The three home pages share a translation_key, which is exactly what
`copy_for_translation` would produce; the same goes for the "stories" index below each of them.
"""

import uuid

from django.db import migrations
from django.utils import timezone

HOME = {
    "az": {
        "title": "Ana səhifə",
        "slug": "home",
        "hero_title": "Əl işləri",
        "hero_text": "İnklüziv yaradıcılıq mərkəzinin ustalarının əl ilə hazırladığı işlər. "
        "Hər alış ustaya və onun ailəsinə dəstəkdir.",
        "search_description": "Bakı, İsmayıllı və Bərdədəki inklüziv yaradıcılıq mərkəzinin ustalarından əl işləri.",
        "stories_title": "Ustaların hekayələri",
    },
    "ru": {
        "title": "Главная",
        "slug": "home-ru",
        "hero_title": "Ручная работа",
        "hero_text": "Изделия ручной работы мастеров инклюзивного творческого центра. "
        "Каждая покупка поддерживает мастера и его семью.",
        "search_description": "Изделия ручной работы мастеров инклюзивного творческого центра "
        "в Баку, Исмаиллы и Барде.",
        "stories_title": "Истории мастеров",
    },
    "en": {
        "title": "Home",
        "slug": "home-en",
        "hero_title": "Handmade",
        "hero_text": "Handmade work by the makers of an inclusive creativity centre. "
        "Every purchase supports a maker and their family.",
        "search_description": "Handmade work by makers of an inclusive creativity centre in Baku, Ismayilli and Barda.",
        "stories_title": "Makers' stories",
    },
}


def create_home_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("cms.HomePage")
    MakerStoryIndexPage = apps.get_model("cms.MakerStoryIndexPage")

    if HomePage.objects.exists():
        return  # an existing site (e.g. restored from a dump) keeps its pages

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("az", "ru", "en")}

    # The welcome page is Wagtail's placeholder at 00010001; deleting it also deletes the Site pointing at it.
    Page.objects.filter(path="00010001", depth=2, content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)

    home_ct, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    index_ct, _ = ContentType.objects.get_or_create(app_label="cms", model="makerstoryindexpage")
    home_key, index_key = uuid.uuid4(), uuid.uuid4()
    now = timezone.now()
    taken = set(Page.objects.filter(depth=2).values_list("path", flat=True))
    next_step = 1
    az_home = None
    for code in ("az", "ru", "en"):
        while f"0001{next_step:04d}" in taken:
            next_step += 1
        path = f"0001{next_step:04d}"
        taken.add(path)
        text = HOME[code]
        published = {"live": True, "first_published_at": now, "last_published_at": now}
        home = HomePage.objects.create(
            title=text["title"],
            draft_title=text["title"],
            slug=text["slug"],
            content_type=home_ct,
            path=path,
            depth=2,
            numchild=1,
            url_path=f"/{text['slug']}/",
            locale=locales[code],
            translation_key=home_key,
            hero_title=text["hero_title"],
            hero_text=text["hero_text"],
            search_description=text["search_description"],
            **published,
        )
        MakerStoryIndexPage.objects.create(
            title=text["stories_title"],
            draft_title=text["stories_title"],
            slug="stories",
            content_type=index_ct,
            path=f"{path}0001",
            depth=3,
            numchild=0,
            url_path=f"/{text['slug']}/stories/",
            locale=locales[code],
            translation_key=index_key,
            **published,
        )
        if code == "az":
            az_home = home
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    Site.objects.update_or_create(
        hostname="localhost", port=80, defaults={"root_page_id": az_home.pk, "is_default_site": True}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_home_pages, migrations.RunPython.noop)]
