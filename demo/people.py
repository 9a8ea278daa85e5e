"""Demo makers (pseudonymous, with recorded consents) and demo staff accounts with their roles and centres.

Makers are shown by a first name and an initial only; their slugs are neutral ("baku-usta-07") so a URL never
carries a real name. Bios talk about the craft, never about health or circumstances.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from beneficiaries.admin_scoping import CENTRE_LEAD, EDITOR, FINANCE, INSTRUCTOR
from beneficiaries.models import Centre, CentreMembership, ConsentRecord

from .catalogue_data import CENTRES, CRAFTS, Text

# Copy into README: the demo accounts `load_demo_data` creates. Never used outside a DEBUG machine.
DEMO_ACCOUNTS: tuple[tuple[str, str, str], ...] = (
    ("admin", "demo-admin-2026", "superuser"),
    ("instructor-baku", "demo-instructor-2026", "instructor, Baku centre"),
    ("instructor-ismayilli", "demo-instructor-2026", "instructor, Ismayilli centre"),
    ("instructor-barda", "demo-instructor-2026", "instructor, Barda centre"),
    ("lead-baku", "demo-lead-2026", "centre lead, Baku centre (approves listings)"),
    ("editor", "demo-editor-2026", "editor ('Editor' group): writes pages, submits them for review"),
    ("moderator", "demo-moderator-2026", "moderator ('Moderators' group): approves or rejects submitted pages"),
    ("finance", "demo-finance-2026", "finance officer ('Finance' group: makers' money, orders and refunds)"),
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
        Text(
            "{name} gillə işləməyi sevir: ən çox dulus çarxında vaza və kasalar düzəldir.",
            "{name} loves working with clay: mostly vases and bowls on the potter's wheel.",
            "{name} любит работать с глиной: чаще всего делает вазы и чаши на гончарном круге.",
        ),
        Text(
            "{name} üçün ən xoş an sobadan təzə çıxan şirli qabı ilk dəfə görməkdir.",
            "For {name} the best moment is seeing a glazed pot fresh from the kiln for the first time.",
            "Для {name} самый приятный момент — впервые увидеть глазурованный сосуд, только что вынутый из печи.",
        ),
    ),
    "carpets-and-rugs": (
        Text(
            "{name} nənəsindən öyrəndiyi naxışları dəzgahda toxuyur.",
            "{name} weaves on the loom the patterns learnt from her grandmother.",
            "{name} ткёт на станке узоры, которым научилась у бабушки.",
        ),
        Text(
            "{name} kiçik xalçalar toxuyur və rəngləri özü seçir.",
            "{name} weaves small carpets and chooses the colours herself.",
            "{name} ткёт небольшие ковры и сама подбирает цвета.",
        ),
    ),
    "wood-carving": (
        Text(
            "{name} qoz və tut ağacından qaşıq, mücrü və lövhələr oyur.",
            "{name} carves spoons, boxes and boards from walnut and mulberry wood.",
            "{name} вырезает ложки, шкатулки и доски из ореха и шелковицы.",
        ),
        Text(
            "{name} bıçaqla kiçik üçbucaqlardan böyük naxışlar yaradır.",
            "{name} builds large patterns out of small triangles cut with a knife.",
            "{name} складывает большие узоры из маленьких треугольников, вырезанных ножом.",
        ),
    ),
    "sewing-and-textiles": (
        Text(
            "{name} yastıq üzləri və çantalar tikir, təkəldüz tikməni çox sevir.",
            "{name} sews cushion covers and bags and loves tekeldoz embroidery.",
            "{name} шьёт наволочки и сумки и очень любит вышивку тэкэлдуз.",
        ),
        Text(
            "{name} qalıq parçalardan rəngarəng yamaq işləri tikir.",
            "{name} sews colourful patchwork from leftover fabric.",
            "{name} шьёт яркие лоскутные работы из остатков ткани.",
        ),
    ),
    "painting": (
        Text(
            "{name} dağları, dənizi və doğma şəhərinin küçələrini çəkir.",
            "{name} paints the mountains, the sea and the streets of the home town.",
            "{name} рисует горы, море и улицы родного города.",
        ),
        Text(
            "{name} akvarellə işləyir; sevdiyi rəng Xəzərin mavisidir.",
            "{name} works in watercolour; the favourite colour is the blue of the Caspian.",
            "{name} пишет акварелью; любимый цвет — синева Каспия.",
        ),
    ),
    "jewellery": (
        Text(
            "{name} muncuq və təbii daşlardan boyunbağı və qolbaqlar düzəldir.",
            "{name} makes necklaces and bracelets from beads and natural stones.",
            "{name} делает ожерелья и браслеты из бусин и натуральных камней.",
        ),
        Text(
            "{name} misdən kiçik sırğalar və broşlar hazırlayır.",
            "{name} makes small earrings and brooches from copper.",
            "{name} делает маленькие серьги и броши из меди.",
        ),
    ),
    "ceramics": (
        Text(
            "{name} boşqab və fincanlara fırça ilə çiçək naxışları çəkir.",
            "{name} paints flower patterns on plates and cups with a brush.",
            "{name} расписывает тарелки и чашки цветочными узорами.",
        ),
        Text(
            "{name} ağ gildən kaşılar düzəldir və onları mavi naxışlarla bəzəyir.",
            "{name} makes tiles from white clay and decorates them with blue patterns.",
            "{name} делает изразцы из белой глины и украшает их синими узорами.",
        ),
    ),
    "souvenirs": (
        Text(
            "{name} narlar, butalar və Qız qalası fiqurları hazırlayır.",
            "{name} makes pomegranates, botehs and little Maiden Towers.",
            "{name} делает гранаты, бута и маленькие фигурки Девичьей башни.",
        ),
        Text(
            "{name} hər suvenirə kiçik bir hekayə qoşmağı sevir.",
            "{name} likes to give every souvenir a little story.",
            "{name} любит придумывать к каждому сувениру маленькую историю.",
        ),
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
    bio: Text  # az, en, ru; {name} filled in
    is_active: bool
    consents: tuple[str, ...]  # scopes
    guardian_name: str  # empty when the maker consented themselves


def maker_spec(*, index: int, seed: int) -> MakerSpec:
    """The n-th maker. Consent patterns repeat by index so even a small run has every kind of maker."""
    first = FIRST_NAMES[(index + seed) % len(FIRST_NAMES)]
    initial = INITIALS[(index * 7 + seed) % len(INITIALS)]
    craft = CRAFTS[(index * 3) % len(CRAFTS)].slug
    bio = BIOS[craft][index % 2]
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
        bio=Text(*(text.format(name=first) for text in (bio.az, bio.en, bio.ru))),
        is_active=index % 20 != 13,
        consents=consents,
        guardian_name=GUARDIANS[index % len(GUARDIANS)] if consents and index % 5 == 2 else "",
    )


def accounts_ensure() -> dict[str, object]:
    """Create the demo accounts and their centre memberships; an existing account keeps its password.

    The groups and their permissions come from a migration (`shop/migrations/0005_roles.py`): here accounts
    only join them.
    """
    groups = {name: Group.objects.get(name=name) for name in (INSTRUCTOR, CENTRE_LEAD, EDITOR, FINANCE)}
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
        instructor.groups.add(groups[INSTRUCTOR])
        CentreMembership.objects.get_or_create(
            user=instructor,
            centre=Centre.objects.get(slug=centre.slug),
            defaults={"role": CentreMembership.Role.INSTRUCTOR},
        )
    lead = users["lead-baku"]
    lead.groups.add(groups[CENTRE_LEAD])
    CentreMembership.objects.get_or_create(
        user=lead, centre=Centre.objects.get(slug="baku"), defaults={"role": CentreMembership.Role.LEAD}
    )
    users["editor"].groups.add(groups[EDITOR])
    # Wagtail's own group, given the "Editorial review" task by cms/migrations/0006.
    users["moderator"].groups.add(Group.objects.get_or_create(name="Moderators")[0])
    # Orders and refunds are in Django's admin, which lets in staff only.
    for officer in ("finance", "finance-2"):
        user_model.objects.filter(pk=users[officer].pk).update(is_staff=True)
        users[officer].groups.add(groups[FINANCE])
    return users
