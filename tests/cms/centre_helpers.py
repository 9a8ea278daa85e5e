"""Building centre pages the way an editor's published page looks (used by the cms tests)."""

from cms.models import CentreIndexPage, CentrePage, HomePage


def centres_index(language: str = "en") -> CentreIndexPage:
    home = HomePage.objects.get(locale__language_code=language)
    index = CentreIndexPage.objects.child_of(home).first()
    if index is None:
        index = CentreIndexPage(title={"az": "Mərkəzlərimiz", "ru": "Наши центры"}.get(language, "Our centres"))
        index.slug = "centres"
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def add_centre_page(centre, *, language: str = "en", publish: bool = True, **fields) -> CentrePage:
    values = {
        "title": f"{centre.name} centre",
        "slug": centre.slug,
        "teaches": "<p>Pottery, carpet weaving and wood carving for adults and children.</p>",
        "address": "34 Samad Vurgun street\nBaku AZ1022",
        **fields,
    }
    page = CentrePage(centre=centre, live=publish, **values)  # a draft an editor saves is not live
    centres_index(language).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
