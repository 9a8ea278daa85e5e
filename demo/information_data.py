"""Demo words for the information pages that say who we are and how to reach us: about the centre and contact.

Addresses are the demo centres' own (catalogue_data); phone numbers use the 555 range and e-mail addresses the
example.az domain, so nobody real is ever called or written to. Delivery, privacy and terms are in
`policies_data`.
"""

from .catalogue_data import CENTRES


def heading(text: str) -> dict:
    return {"type": "heading", "value": text}


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def _centre(name: str, address: str, phone: str, email: str, hours: list[tuple[str, str]], note: str) -> dict:
    return {
        "type": "centre_contact",
        "value": {
            "name": name,
            "address": address,
            "phone": phone,
            "email": email,
            "opening_hours": [{"days": days, "hours": time} for days, time in hours],
            "note": note,
        },
    }


ADDRESS = {centre.slug: centre.address for centre in CENTRES}
PHONE = {"baku": "+994 12 555 01 23", "ismayilli": "+994 24 555 02 34", "barda": "+994 20 555 03 45"}
EMAIL = {slug: f"{slug}@crafts.example.az" for slug in PHONE}

HOURS = {
    "az": [("Bazar ertəsi – cümə", "10:00–18:00"), ("Şənbə", "10:00–15:00"), ("Bazar", "Bağlıdır")],
    "ru": [("Понедельник – пятница", "10:00–18:00"), ("Суббота", "10:00–15:00"), ("Воскресенье", "Выходной")],
    "en": [("Monday to Friday", "10:00–18:00"), ("Saturday", "10:00–15:00"), ("Sunday", "Closed")],
}
CENTRE_NAMES = {
    "az": {"baku": "Bakı mərkəzi", "ismayilli": "İsmayıllı filialı", "barda": "Bərdə filialı"},
    "ru": {"baku": "Центр в Баку", "ismayilli": "Филиал в Исмаиллы", "barda": "Филиал в Барде"},
    "en": {"baku": "Baku centre", "ismayilli": "Ismayilli branch", "barda": "Barda branch"},
}
NOTES = {
    "az": {
        "baku": "Giriş pilləkənsizdir, binanın qarşısında əlillər üçün park yeri var.",
        "ismayilli": "Sifarişləri götürmək üçün əvvəlcədən zəng edin.",
        "barda": "Giriş pilləkənsizdir. Sifarişləri götürmək üçün əvvəlcədən zəng edin.",
    },
    "ru": {
        "baku": "Вход без ступенек, перед зданием есть парковка для людей с инвалидностью.",
        "ismayilli": "Перед тем как забрать заказ, пожалуйста, позвоните.",
        "barda": "Вход без ступенек. Перед тем как забрать заказ, пожалуйста, позвоните.",
    },
    "en": {
        "baku": "Step-free entrance; accessible parking in front of the building.",
        "ismayilli": "Please call before you come to collect an order.",
        "barda": "Step-free entrance. Please call before you come to collect an order.",
    },
}


def _centres(code: str) -> list[dict]:
    return [
        _centre(CENTRE_NAMES[code][slug], ADDRESS[slug], PHONE[slug], EMAIL[slug], HOURS[code], NOTES[code][slug])
        for slug in ("baku", "ismayilli", "barda")
    ]


ABOUT = {
    "az": {
        "title": "Mərkəz haqqında",
        "intro": "İnklüziv yaradıcılıq mərkəzi Bakıda, İsmayıllıda və Bərdədə təxminən 280 nəfərə sənət öyrədir.",
        "body": [
            paragraph(
                "<p>Mərkəzə əlilliyi olan insanlar, şəhid ailələri, valideyn himayəsindən məhrum uşaqlar və "
                "dəstəyə ehtiyacı olan başqa insanlar gəlir. Onlar burada dulusçuluq, xalçaçılıq, ağac oyma, "
                "tikiş, rəssamlıq, musiqi və aşpazlıq öyrənirlər.</p>"
            ),
            heading("Niyə onlayn mağaza"),
            paragraph(
                "<p>Ustaların işləri indiyədək yalnız sərgilərdə satılırdı. Onlayn mağaza bu işləri hər yerə "
                "çatdırır, satışdan gələn pul isə ustaların rifahına gedir.</p>"
            ),
            heading("Pul hara gedir"),
            paragraph(
                "<p>Hər məhsulun səhifəsində qiymətin nə qədərinin ustaya çatdığı yazılıb. Qalan hissə "
                "materiallara, təlimçilərə və mərkəzin xərclərinə gedir. Ustalara ödənişlər hər rüb edilir.</p>"
            ),
        ],
    },
    "ru": {
        "title": "О центре",
        "intro": "Инклюзивный творческий центр учит ремёслам около 280 человек в Баку, Исмаиллы и Барде.",
        "body": [
            paragraph(
                "<p>В центр приходят люди с инвалидностью, семьи погибших военнослужащих, дети, оставшиеся без "
                "попечения родителей, и другие люди, которым нужна поддержка. Здесь они учатся гончарному делу, "
                "ковроткачеству, резьбе по дереву, шитью, живописи, музыке и кулинарии.</p>"
            ),
            heading("Зачем интернет-магазин"),
            paragraph(
                "<p>Раньше работы мастеров продавались только на выставках. Интернет-магазин открывает их "
                "покупателям повсюду, а деньги от продаж идут на благополучие мастеров.</p>"
            ),
            heading("Куда идут деньги"),
            paragraph(
                "<p>На странице каждого изделия указано, какая часть цены достаётся мастеру. Остальное идёт на "
                "материалы, работу наставников и расходы центра. Мастерам платят раз в квартал.</p>"
            ),
        ],
    },
    "en": {
        "title": "About the centre",
        "intro": "Our inclusive creativity centre teaches crafts to about 280 people in Baku, Ismayilli and Barda.",
        "body": [
            paragraph(
                "<p>People with disabilities, families of fallen soldiers, children without parental care and "
                "others who need support come to the centre. Here they learn pottery, carpet weaving, wood "
                "carving, sewing, painting, music and cooking.</p>"
            ),
            heading("Why an online shop"),
            paragraph(
                "<p>Until now the makers' work was sold only at fairs. The shop brings it to buyers everywhere, "
                "and the money from every sale supports the makers' welfare.</p>"
            ),
            heading("Where the money goes"),
            paragraph(
                "<p>Every product page shows how much of the price goes to its makers. The rest pays for "
                "materials, the instructors and the centre's running costs. Makers are paid every quarter.</p>"
            ),
        ],
    },
}

CONTACT = {
    "az": {
        "title": "Əlaqə",
        "intro": "Sualınız varsa, zəng edin və ya yazın. Sifarişləri hər üç mərkəzdən pulsuz götürə bilərsiniz.",
        "body": _centres("az"),
    },
    "ru": {
        "title": "Контакты",
        "intro": "Если у вас есть вопрос, позвоните или напишите нам. Заказ можно бесплатно забрать в любом "
        "из трёх центров.",
        "body": _centres("ru"),
    },
    "en": {
        "title": "Contact",
        "intro": "If you have a question, call or write to us. You can collect an order free of charge from "
        "any of the three centres.",
        "body": _centres("en"),
    },
}
