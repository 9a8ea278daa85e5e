"""Centres and crafts of the demo shop, with the words that describe them in az (the source), en and ru.

Crafts and centres keep the Azerbaijani name in `name` and the Russian and English ones in `name_ru`/`name_en`.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Text:
    az: str
    en: str
    ru: str


@dataclass(frozen=True)
class CentreData:
    slug: str
    name: str
    city: str
    address: str
    commission_percent: Decimal
    courier_fee: Decimal
    located: Text  # "in Baku" in each language, for descriptions
    names: Text  # the centre's (and its city's) name in each language
    weight: int  # how many makers and products the centre gets, relatively


CENTRES: tuple[CentreData, ...] = (
    CentreData(
        slug="baku",
        name="Bakı",
        city="Bakı",
        address="Nəsimi rayonu, Səməd Vurğun küçəsi 34, Bakı AZ1022",
        commission_percent=Decimal("20.00"),
        courier_fee=Decimal("5.00"),
        located=Text("Bakıdakı", "in Baku", "в Баку"),
        names=Text("Bakı", "Baku", "Баку"),
        weight=2,
    ),
    CentreData(
        slug="ismayilli",
        name="İsmayıllı",
        city="İsmayıllı",
        address="Heydər Əliyev prospekti 12, İsmayıllı AZ3100",
        commission_percent=Decimal("15.00"),
        courier_fee=Decimal("8.00"),
        located=Text("İsmayıllıdakı", "in Ismayilli", "в Исмаиллы"),
        names=Text("İsmayıllı", "Ismayilli", "Исмаиллы"),
        weight=1,
    ),
    CentreData(
        slug="barda",
        name="Bərdə",
        city="Bərdə",
        address="Üzeyir Hacıbəyov küçəsi 7, Bərdə AZ0900",
        commission_percent=Decimal("15.00"),
        courier_fee=Decimal("8.00"),
        located=Text("Bərdədəki", "in Barda", "в Барде"),
        names=Text("Bərdə", "Barda", "Барда"),
        weight=1,
    ),
)

MADE_IN = Text(
    "{located} emalatxanamızda əl ilə hazırlanıb.",
    "Handmade in our workshop {located}.",
    "Сделано вручную в нашей мастерской {located}.",
)


@dataclass(frozen=True)
class CraftData:
    slug: str
    name: Text
    colours: tuple[str, ...]  # English names from pictures.PALETTE the items are usually made in
    care: Text
    intros: tuple[Text, ...]
    details: tuple[Text, ...]
    made_to_order_share: float
    lead_days: tuple[int, int]
    # Names an earlier demo load gave this craft; the next load renames it (a name an editor chose is kept).
    former_names: tuple[str, ...] = ()


CRAFTS: tuple[CraftData, ...] = (
    CraftData(
        slug="pottery",
        name=Text("Dulusçuluq", "Pottery", "Гончарное дело"),
        colours=("terracotta", "cobalt blue", "turquoise", "ochre", "olive green", "walnut brown", "cream"),
        care=Text(
            "Əl ilə yuyun; qabyuyan maşına və mikrodalğalı sobaya qoymayın.",
            "Wash by hand; not for the dishwasher or the microwave.",
            "Мыть вручную; не для посудомоечной машины и микроволновой печи.",
        ),
        intros=(
            Text(
                "Dulus çarxında formalaşdırılıb, iki dəfə bişirilib və əl ilə şirlənib.",
                "Thrown on the wheel, fired twice and glazed by hand.",
                "Сформовано на гончарном круге, дважды обожжено и покрыто глазурью вручную.",
            ),
            Text(
                "Yerli qırmızı gildən, köhnə dulusçuluq ənənəsi ilə hazırlanıb.",
                "Made from local red clay in the old potters' tradition.",
                "Сделано из местной красной глины по старинной гончарной традиции.",
            ),
            Text(
                "Hər parça əl ilə formalaşdırılır, ona görə forması və rəngi bir az fərqli ola bilər.",
                "Every piece is shaped by hand, so its shape and colour may differ a little.",
                "Каждое изделие сформовано вручную, поэтому форма и цвет могут немного отличаться.",
            ),
        ),
        details=(
            Text(
                "Gündəlik istifadə və ya evin bəzəyi üçün uyğundur.",
                "Good for everyday use or as a decoration for the home.",
                "Подходит для повседневного использования и для украшения дома.",
            ),
            Text(
                "Şir qurğuşunsuzdur, qida üçün təhlükəsizdir.",
                "The glaze is lead-free and safe for food.",
                "Глазурь без свинца, безопасна для пищи.",
            ),
        ),
        made_to_order_share=0.15,
        lead_days=(10, 21),
    ),
    CraftData(
        slug="carpets-and-rugs",
        name=Text("Xalça və kilim", "Carpets and rugs", "Ковры и килимы"),
        colours=("pomegranate red", "indigo", "cobalt blue", "turquoise", "violet", "olive green", "ochre"),
        care=Text(
            "Yalnız quru təmizləmə; birbaşa günəş işığından qoruyun, ildə bir dəfə silkələyin.",
            "Dry clean only; keep out of direct sunlight and shake out once a year.",
            "Только сухая чистка; берегите от прямого солнца, раз в год выбивайте.",
        ),
        intros=(
            Text(
                "Əl dəzgahında, düyün-düyün toxunub.",
                "Hand-knotted on a loom, one knot at a time.",
                "Соткано вручную на станке, узелок за узелком.",
            ),
            Text(
                "Yun təbii boyaqlarla — boyaqotu, qoz qabığı və nar qabığı ilə boyanıb.",
                "The wool is dyed with natural dyes: madder, walnut husk and pomegranate peel.",
                "Шерсть окрашена натуральными красителями: мареной, скорлупой ореха и кожурой граната.",
            ),
            Text(
                "Naxışlar Azərbaycan xalçaçılıq məktəblərinin ənənəvi kompozisiyalarından götürülüb.",
                "The patterns come from the traditional designs of Azerbaijan's carpet schools.",
                "Узоры взяты из традиционных композиций азербайджанских ковровых школ.",
            ),
        ),
        details=(
            Text(
                "Sıx toxunuşu sayəsində uzun illər xidmət edəcək.",
                "Its dense weave will last for many years.",
                "Благодаря плотному плетению прослужит долгие годы.",
            ),
            Text(
                "Döşəməyə sərmək və ya divardan asmaq olar.",
                "Lay it on the floor or hang it on a wall.",
                "Можно постелить на пол или повесить на стену.",
            ),
        ),
        made_to_order_share=0.35,
        lead_days=(21, 45),
    ),
    CraftData(
        slug="wood-carving",
        name=Text("Ağac oymacılığı", "Wood carving", "Резьба по дереву"),
        colours=("walnut brown", "ochre", "cream", "terracotta", "saffron"),
        care=Text(
            "Nəm parça ilə silin, suda saxlamayın; arabir təbii yağla yağlayın.",
            "Wipe with a damp cloth and never soak; oil now and then with a natural oil.",
            "Протирайте влажной тканью, не замачивайте; время от времени смазывайте натуральным маслом.",
        ),
        intros=(
            Text(
                "Bütöv ağacdan kəsilib və bıçaqla əl ilə oyulub.",
                "Cut from solid wood and carved by hand with a knife.",
                "Вырезано из цельного дерева вручную, ножом.",
            ),
            Text(
                "Həndəsi naxışlar kiçik üçbucaqlar şəklində bir-bir oyulub.",
                "The geometric pattern is chip-carved, one small triangle at a time.",
                "Геометрический узор вырезан по одному маленькому треугольнику.",
            ),
        ),
        details=(
            Text(
                "Səthi təbii yağ və mumla işlənib.",
                "Finished with natural oil and beeswax.",
                "Покрыто натуральным маслом и пчелиным воском.",
            ),
            Text(
                "Ağacın damarları hər parçada fərqlidir.",
                "The grain of the wood is different in every piece.",
                "Рисунок древесины у каждого изделия свой.",
            ),
        ),
        made_to_order_share=0.15,
        lead_days=(7, 21),
    ),
    CraftData(
        slug="sewing-and-textiles",
        name=Text("Tikiş və tekstil", "Sewing and textiles", "Шитьё и текстиль"),
        colours=("pomegranate red", "emerald green", "saffron", "rose", "indigo", "cream", "violet"),
        care=Text(
            "Əl ilə və ya 30°C-də incə rejimdə yuyun, sıxmayın.",
            "Wash by hand or on a gentle cycle at 30°C; do not wring.",
            "Стирка вручную или в деликатном режиме при 30°C; не отжимать.",
        ),
        intros=(
            Text(
                "Parçası biçilib, tikilib və əl ilə bəzədilib.",
                "Cut, sewn and finished by hand.",
                "Раскроено, сшито и отделано вручную.",
            ),
            Text(
                "Naxışları ənənəvi Azərbaycan tikmələrindən ilhamlanıb.",
                "The patterns are inspired by traditional Azerbaijani embroidery.",
                "Узоры навеяны традиционной азербайджанской вышивкой.",
            ),
        ),
        details=(
            Text(
                "Yumşaq, təbii parçadan tikilib.",
                "Sewn from soft, natural fabric.",
                "Сшито из мягкой натуральной ткани.",
            ),
            Text(
                "Gözəl hədiyyə olar.",
                "It makes a lovely present.",
                "Прекрасный подарок.",
            ),
        ),
        made_to_order_share=0.15,
        lead_days=(7, 14),
    ),
    CraftData(
        slug="painting",
        name=Text("Rəssamlıq", "Painting", "Живопись"),
        colours=("cobalt blue", "turquoise", "ochre", "rose", "violet", "saffron", "olive green"),
        care=Text(
            "Birbaşa günəş işığından və rütubətdən uzaq saxlayın; tozunu yumşaq quru fırça ilə alın.",
            "Keep away from direct sunlight and damp; dust with a soft dry brush.",
            "Берегите от прямого солнца и сырости; пыль удаляйте мягкой сухой кистью.",
        ),
        intros=(
            Text(
                "Orijinal əsərdir, surət deyil.",
                "An original work, not a print.",
                "Оригинальная работа, не репродукция.",
            ),
            Text(
                "Təbiətdən və xatirələrdən ilhamlanaraq çəkilib.",
                "Painted from nature and from memory.",
                "Написано с натуры и по памяти.",
            ),
        ),
        details=(
            Text(
                "Çərçivədədir, divardan asmağa hazırdır.",
                "Framed and ready to hang.",
                "В раме, готово к развеске.",
            ),
            Text(
                "Arxa tərəfində müəllifin imzası var.",
                "Signed by the maker on the back.",
                "На обороте подпись автора.",
            ),
        ),
        made_to_order_share=0.1,
        lead_days=(14, 30),
    ),
    CraftData(
        slug="jewellery",
        name=Text("Zərgərlik", "Jewellery", "Украшения"),
        colours=("turquoise", "pomegranate red", "cobalt blue", "emerald green", "cream", "charcoal", "rose"),
        care=Text(
            "Sudan, ətirdən və kremlərdən qoruyun; yumşaq parça ilə silin.",
            "Keep away from water, perfume and creams; polish with a soft cloth.",
            "Берегите от воды, духов и кремов; протирайте мягкой тканью.",
        ),
        intros=(
            Text(
                "Hər muncuq və daş əl ilə seçilib və düzülüb.",
                "Every bead and stone was chosen and strung by hand.",
                "Каждая бусина и каждый камень подобраны и нанизаны вручную.",
            ),
            Text(
                "Ənənəvi formalar müasir dizaynla birləşir.",
                "Traditional shapes meet a modern design.",
                "Традиционные формы в современном исполнении.",
            ),
        ),
        details=(
            Text(
                "Kiçik hədiyyə qutusunda göndərilir.",
                "Sent in a small gift box.",
                "Отправляется в маленькой подарочной коробке.",
            ),
            Text(
                "Yüngüldür, bütün gün taxmaq rahatdır.",
                "Light and comfortable to wear all day.",
                "Лёгкое и удобное для ношения весь день.",
            ),
        ),
        made_to_order_share=0.1,
        lead_days=(5, 14),
    ),
    CraftData(
        slug="ceramics",
        # Not just "Ceramics": beside "Pottery" that read as one craft under two names. These are the
        # brush-painted pieces of white clay; the pottery is thrown on the wheel from red clay.
        name=Text("Naxışlı keramika", "Painted ceramics", "Расписная керамика"),
        former_names=("Keramika",),
        colours=("cobalt blue", "turquoise", "saffron", "emerald green", "pomegranate red", "indigo"),
        care=Text(
            "Qabyuyan maşında yuyula bilər; kəskin temperatur dəyişməsindən qoruyun.",
            "Dishwasher safe; avoid sudden changes of temperature.",
            "Можно мыть в посудомоечной машине; избегайте резких перепадов температуры.",
        ),
        intros=(
            Text(
                "Naxışı fırça ilə əl ilə çəkilib və şirin altında bişirilib.",
                "The pattern is painted by hand with a brush and fired under the glaze.",
                "Узор нанесён кистью вручную и обожжён под глазурью.",
            ),
            Text(
                "Ağ gildən formalaşdırılıb, yüksək temperaturda bişirilib.",
                "Shaped from white clay and fired at a high temperature.",
                "Сформовано из белой глины и обожжено при высокой температуре.",
            ),
        ),
        details=(
            Text(
                "Süfrəni bəzəyəcək, hər gün istifadə üçün də yararlıdır.",
                "It dresses up a table and is made for every day, too.",
                "Украсит стол и подходит для каждого дня.",
            ),
            Text(
                "Rənglər zamanla solmur.",
                "The colours do not fade with time.",
                "Цвета не выцветают со временем.",
            ),
        ),
        made_to_order_share=0.1,
        lead_days=(10, 21),
    ),
    CraftData(
        slug="souvenirs",
        name=Text("Suvenirlər", "Souvenirs", "Сувениры"),
        colours=("pomegranate red", "cobalt blue", "saffron", "terracotta", "turquoise", "cream"),
        care=Text(
            "Quru, yumşaq parça ilə silin.",
            "Wipe with a soft dry cloth.",
            "Протирайте мягкой сухой тканью.",
        ),
        intros=(
            Text(
                "Azərbaycandan kiçik, əl ilə hazırlanmış xatirə.",
                "A small handmade keepsake from Azerbaijan.",
                "Небольшой сувенир ручной работы из Азербайджана.",
            ),
            Text(
                "Ölkənin rəmzlərindən ilhamlanıb: nar, buta və Qız qalası.",
                "Inspired by the country's symbols: the pomegranate, the buta and the Maiden Tower.",
                "Навеяно символами страны: гранатом, бутой и Девичьей башней.",
            ),
        ),
        details=(
            Text(
                "Yüngüldür, yola aparmaq asandır.",
                "Light and easy to take home in a suitcase.",
                "Лёгкий, его удобно увезти в чемодане.",
            ),
            Text(
                "Dostlara və yaxınlara gözəl hədiyyədir.",
                "A lovely present for friends and family.",
                "Хороший подарок друзьям и близким.",
            ),
        ),
        made_to_order_share=0.05,
        lead_days=(5, 10),
    ),
)

CRAFTS_BY_SLUG = {craft.slug: craft for craft in CRAFTS}
CENTRES_BY_SLUG = {centre.slug: centre for centre in CENTRES}
