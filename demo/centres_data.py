"""The demo centres' pages in az (the source), ru and en: what each teaches, where it is, when it is open."""

from decimal import Decimal

INDEX = {
    "az": {
        "title": "Mərkəzlərimiz",
        "intro": "<p>Ustalarımız üç mərkəzdə işləyir və öyrənir. Hər mərkəzə gəlib işləri yerində görə bilərsiniz.</p>",
    },
    "ru": {
        "title": "Наши центры",
        "intro": "<p>Наши мастера работают и учатся в трёх центрах. В каждый можно прийти и увидеть работы вживую.</p>",
    },
    "en": {
        "title": "Our centres",
        "intro": "<p>Our makers work and learn in three centres. "
        "You are welcome to visit and see the work in person.</p>",
    },
}

WEEKDAYS = {"az": "Bazar ertəsi – Cümə", "ru": "Понедельник – пятница", "en": "Monday to Friday"}
SATURDAY = {"az": "Şənbə", "ru": "Суббота", "en": "Saturday"}
SUNDAY = {"az": "Bazar", "ru": "Воскресенье", "en": "Sunday"}
CLOSED = {"az": "Bağlıdır", "ru": "Закрыто", "en": "Closed"}

# slug: coordinates, phone, Saturday hours, and the words in each language.
CENTRE_PAGES = {
    "baku": {
        "latitude": Decimal("40.379571"),
        "longitude": Decimal("49.853475"),
        "phone": "+994 12 555 01 23",
        "saturday": "11:00–16:00",
        "az": {
            "title": "Bakı mərkəzi",
            "intro": "Əsas emalatxanamız: dulusçuluq, xalçaçılıq və ağac oyma burada öyrədilir.",
            "teaches": "<p>Dulusçuluq, xalçaçılıq, ağac oyma, tikiş və rəssamlıq. Dərslər kiçik qruplarda keçir, "
            "hər ustaya təlimçi kömək edir. Uşaqlar üçün ayrıca həftəsonu məşğələləri var.</p>",
            "address": "Nəsimi rayonu, Səməd Vurğun küçəsi 34\nBakı AZ1022",
        },
        "ru": {
            "title": "Бакинский центр",
            "intro": "Наша главная мастерская: здесь учат гончарному делу, ковроткачеству и резьбе по дереву.",
            "teaches": "<p>Гончарное дело, ковроткачество, резьба по дереву, шитьё и живопись. Занятия проходят "
            "в небольших группах, каждому мастеру помогает инструктор. Для детей есть занятия по выходным.</p>",
            "address": "Насиминский район, улица Самеда Вургуна 34\nБаку AZ1022",
        },
        "en": {
            "title": "Baku centre",
            "intro": "Our main workshop, where pottery, carpet weaving and wood carving are taught.",
            "teaches": "<p>Pottery, carpet weaving, wood carving, sewing and painting. Classes are small and an "
            "instructor works beside every maker. Children have their own weekend sessions.</p>",
            "address": "34 Samad Vurgun street, Nasimi district\nBaku AZ1022",
        },
    },
    "ismayilli": {
        "latitude": Decimal("40.787500"),
        "longitude": Decimal("48.151900"),
        "phone": "+994 20 555 02 34",
        "saturday": "10:00–14:00",
        "az": {
            "title": "İsmayıllı mərkəzi",
            "intro": "Dağ kəndlərinin ənənəsi: ağac oyma, mis işləri və yun toxuculuq.",
            "teaches": "<p>Ağac oyma, toxuculuq və suvenir hazırlanması. Yerli ustalar köhnə naxışları gənclərə "
            "öyrədir.</p>",
            "address": "Heydər Əliyev prospekti 12\nİsmayıllı AZ3100",
        },
        "ru": {
            "title": "Центр в Исмаиллы",
            "intro": "Традиции горных сёл: резьба по дереву, медь и шерстяное ткачество.",
            "teaches": "<p>Резьба по дереву, ткачество и сувениры. Местные мастера передают молодым старые узоры.</p>",
            "address": "проспект Гейдара Алиева 12\nИсмаиллы AZ3100",
        },
        "en": {
            "title": "Ismayilli centre",
            "intro": "Mountain village traditions: wood carving, copper and wool weaving.",
            "teaches": "<p>Wood carving, weaving and souvenirs. Local masters pass the old patterns on to young "
            "makers.</p>",
            "address": "12 Heydar Aliyev avenue\nIsmayilli AZ3100",
        },
    },
    "barda": {
        "latitude": Decimal("40.374400"),
        "longitude": Decimal("47.126600"),
        "phone": "+994 20 555 03 45",
        "saturday": "",
        "az": {
            "title": "Bərdə mərkəzi",
            "intro": "Tikiş, keramika boyama və bəzək əşyaları; qarşılıqlı dəstək qrupu ilə.",
            "teaches": "<p>Tikiş, keramika boyama və zərgərlik. Mərkəz ailələr üçün də açıqdır: valideynlər "
            "uşaqları ilə birlikdə öyrənə bilər.</p>",
            "address": "Üzeyir Hacıbəyov küçəsi 7\nBərdə AZ0900",
        },
        "ru": {
            "title": "Центр в Барде",
            "intro": "Шитьё, роспись керамики и украшения; с группой взаимной поддержки.",
            "teaches": "<p>Шитьё, роспись керамики и украшения. Центр открыт для семей: родители могут учиться "
            "вместе с детьми.</p>",
            "address": "улица Узеира Гаджибекова 7\nБарда AZ0900",
        },
        "en": {
            "title": "Barda centre",
            "intro": "Sewing, ceramic painting and jewellery, with a peer support group.",
            "teaches": "<p>Sewing, ceramic painting and jewellery. Families are welcome: parents can learn "
            "alongside their children.</p>",
            "address": "7 Uzeyir Hajibeyov street\nBarda AZ0900",
        },
    },
}

# An edit the demo editor has submitted and a moderator has yet to review, so the workflow has something to show.
PENDING_EDIT = {
    "centre": "barda",
    "language": "en",
    "intro": "Sewing, ceramic painting and jewellery — now also on Saturdays, 10:00–13:00, with a peer support group.",
}
