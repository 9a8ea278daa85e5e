"""Demo makers (pseudonymous, with recorded consents) and demo staff accounts with their groups.

Makers are shown by a first name and an initial only; their slugs are neutral ("baku-usta-07") so a URL never
carries a real name. Bios talk about the craft, never about health or circumstances.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from beneficiaries.models import Centre, CentreMembership, ConsentRecord

from .catalogue_data import CENTRES, CRAFTS

# Copy into README: the demo accounts `load_demo_data` creates. Never used outside a DEBUG machine.
DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("admin", "demo-admin-2026", "superuser"),
    ("instructor-baku", "demo-instructor-2026", "instructor, Baku centre"),
    ("instructor-ismayilli", "demo-instructor-2026", "instructor, Ismayilli centre"),
    ("instructor-barda", "demo-instructor-2026", "instructor, Barda centre"),
    ("editor", "demo-editor-2026", "editor (Wagtail 'Editors' group)"),
    ("finance", "demo-finance-2026", "finance officer ('Finance' group)"),
    ("finance-2", "demo-finance-2026", "second finance officer: approves payouts 'finance' records, and back"),
)

FIRST_NAMES = (
    "Aysel",
    "Murad",
    "Nigar",
    "Ruslan",
    "Leyla",
    "Elvin",
    "Günay",
    "Rəşad",
    "Səbinə",
    "Tural",
    "Aynur",
    "Kamran",
    "Nərmin",
    "Orxan",
    "Lalə",
    "Emil",
    "Gülnar",
    "Vüqar",
    "Fidan",
    "Elnur",
    "Zəhra",
    "Fərid",
    "Aygün",
    "Samir",
    "Könül",
    "Anar",
    "Türkan",
    "Ramil",
    "Ülviyyə",
    "Cavid",
    "Sevinc",
    "Nicat",
    "Mehriban",
    "Taleh",
    "Xədicə",
    "Nurlan",
    "Arzu",
    "Rauf",
    "Şəbnəm",
    "Elçin",
    "Gülşən",
    "Əli",
    "Humay",
    "İlkin",
)
INITIALS = "ABCDEƏFGHİKLMNOPRSTUVYZ"
GUARDIANS = ("Rəna Əliyeva", "Tofiq Həsənov", "Sevda Quliyeva", "Zaur Məmmədov", "Mələk İsmayılova")

# Which centre the n-th maker belongs to; 11 places give Baku 5, Ismayilli 3, Barda 3 (44 makers: 20/12/12).
CENTRE_PATTERN = (
    "baku",
    "ismayilli",
    "barda",
    "baku",
    "baku",
    "ismayilli",
    "barda",
    "baku",
    "ismayilli",
    "barda",
    "baku",
)

BIOS = {
    "pottery": (
        "{name} gillə işləməyi sevir: ən çox dulus çarxında vaza və kasalar düzəldir.",
        "{name} üçün ən xoş an sobadan təzə çıxan şirli qabı ilk dəfə görməkdir.",
    ),
    "carpets-and-rugs": (
        "{name} nənəsindən öyrəndiyi naxışları dəzgahda toxuyur.",
        "{name} kiçik xalçalar toxuyur və rəngləri özü seçir.",
    ),
    "wood-carving": (
        "{name} qoz və tut ağacından qaşıq, mücrü və lövhələr oyur.",
        "{name} bıçaqla kiçik üçbucaqlardan böyük naxışlar yaradır.",
    ),
    "sewing-and-textiles": (
        "{name} yastıq üzləri və çantalar tikir, təkəldüz tikməni çox sevir.",
        "{name} qalıq parçalardan rəngarəng yamaq işləri tikir.",
    ),
    "painting": (
        "{name} dağları, dənizi və doğma şəhərinin küçələrini çəkir.",
        "{name} akvarellə işləyir; sevdiyi rəng Xəzərin mavisidir.",
    ),
    "jewellery": (
        "{name} muncuq və təbii daşlardan boyunbağı və qolbaqlar düzəldir.",
        "{name} misdən kiçik sırğalar və broşlar hazırlayır.",
    ),
    "ceramics": (
        "{name} boşqab və fincanlara fırça ilə çiçək naxışları çəkir.",
        "{name} ağ gildən kaşılar düzəldir və onları mavi naxışlarla bəzəyir.",
    ),
    "souvenirs": (
        "{name} narlar, butalar və Qız qalası fiqurları hazırlayır.",
        "{name} hər suvenirə kiçik bir hekayə qoşmağı sevir.",
    ),
}


@dataclass(frozen=True)
class MakerSpec:
    index: int
    slug: str
    display_name: str
    first_name: str
    centre: str
    craft: str
    bio: str
    is_active: bool
    consents: tuple[str, ...]  # scopes
    guardian_name: str  # empty when the maker consented themselves


def maker_spec(*, index: int, seed: int) -> MakerSpec:
    """The n-th maker. Consent patterns repeat by index so even a small run has every kind of maker."""
    first = FIRST_NAMES[(index + seed) % len(FIRST_NAMES)]
    initial = INITIALS[(index * 7 + seed) % len(INITIALS)]
    craft = CRAFTS[(index * 3) % len(CRAFTS)].slug
    centre = CENTRE_PATTERN[index % len(CENTRE_PATTERN)]
    same_centre_before = sum(1 for i in range(index) if CENTRE_PATTERN[i % len(CENTRE_PATTERN)] == centre)
    no_consent = index % 11 == 7
    consents: tuple[str, ...] = ()
    if not no_consent:
        consents = (ConsentRecord.Scope.NAME,)
        if index % 3 == 0:
            consents += (ConsentRecord.Scope.PHOTO,)
        if index % 7 == 1:
            consents += (ConsentRecord.Scope.STORY,)
    return MakerSpec(
        index=index,
        slug=f"{centre}-usta-{same_centre_before + 1:02d}",
        display_name=f"{first} {initial}.",
        first_name=first,
        centre=centre,
        craft=craft,
        bio=BIOS[craft][index % 2].format(name=first),
        is_active=index % 20 != 13,
        consents=consents,
        guardian_name=GUARDIANS[index % len(GUARDIANS)] if consents and index % 5 == 2 else "",
    )


def _permissions(*pairs: tuple[str, str]) -> list[Permission]:
    return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]


ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def groups_ensure() -> dict[str, Group]:
    """Instructors list products and upload photos; editors edit and publish pages; finance gets into the admin."""
    instructors, _ = Group.objects.get_or_create(name="Instructors")
    instructors.permissions.add(
        *_permissions(ADMIN_ACCESS, ("shop", "add_product"), ("shop", "change_product"), ("shop", "view_product"))
    )
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(*_permissions(ADMIN_ACCESS, ("shop", "change_product"), ("shop", "view_product")))
    finance, _ = Group.objects.get_or_create(name="Finance")
    finance.permissions.add(*_permissions(ADMIN_ACCESS, ("shop", "view_product")))

    root_collection = Collection.get_first_root_node()
    for codename in ("add_image", "choose_image", "change_image"):
        permission = _permissions(("wagtailimages", codename))[0]
        for group in (instructors, editors):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    root_page = Page.get_first_root_node()
    for codename in ("add_page", "change_page", "publish_page"):
        permission = _permissions(("wagtailcore", codename))[0]
        GroupPagePermission.objects.get_or_create(group=editors, page=root_page, permission=permission)
    return {"instructors": instructors, "editors": editors, "finance": finance}


def accounts_ensure(groups: dict[str, Group]) -> dict[str, object]:
    """Create the demo accounts; an existing account keeps its password (someone may have changed it)."""
    user_model = get_user_model()
    hashes: dict[str, str] = {}  # hashing is slow on purpose; the three instructors share one demo password
    users = {}
    for username, password, _role in DEMO_ACCOUNTS:
        user, created = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@crafts.example.az"}
        )
        if created:
            if password not in hashes:
                hashes[password] = make_password(password)
            user.password = hashes[password]
            if username == "admin":
                user.is_superuser = user.is_staff = True
            user.save()
        users[username] = user
    for centre in CENTRES:
        instructor = users[f"instructor-{centre.slug}"]
        instructor.groups.add(groups["instructors"])
        CentreMembership.objects.get_or_create(
            user=instructor,
            centre=Centre.objects.get(slug=centre.slug),
            defaults={"role": CentreMembership.Role.INSTRUCTOR},
        )
    users["editor"].groups.add(groups["editors"])
    users["finance"].groups.add(groups["finance"])
    users["finance-2"].groups.add(groups["finance"])
    return users
