"""Demo words for delivery and returns, privacy and terms of sale, in az, ru and en.

The privacy page says what the shop's models really hold (shop.orders.Order, beneficiaries.Maker and
ConsentRecord): an order's contact and delivery details, no buyer accounts, no card numbers, makers' consent
records, and never a diagnosis. The keeping periods are the centre's policy as an editor would state it.
"""

from .information_data import heading, paragraph

DELIVERY = {
    "az": {
        "title": "Çatdırılma və qaytarma",
        "intro": "Bakıda kuryer, digər şəhərlərə poçt. Hazır məhsulları 14 gün ərzində qaytara bilərsiniz.",
        "body": [
            heading("Çatdırılma"),
            paragraph(
                "<ul><li><b>Bakı:</b> kuryer 1–2 iş günü ərzində gətirir.</li>"
                "<li><b>Digər şəhər və kəndlər:</b> Azərpoçt ilə 3–7 iş günü.</li>"
                "<li><b>Mərkəzdən götürmək</b> pulsuzdur: sifariş hazır olanda sizə yazırıq.</li></ul>"
                "<p>Çatdırılma haqqı ödənişdən əvvəl göstərilir: məhsulların gəldiyi hər mərkəz üçün bir dəfə.</p>"
            ),
            heading("Sifarişlə hazırlanan işlər"),
            paragraph(
                "<p>Bəzi işlər sifarişdən sonra hazırlanır. Hazırlanma müddəti məhsulun səhifəsində yazılıb.</p>"
            ),
            heading("Qaytarma"),
            paragraph(
                "<p>Hazır məhsulu aldıqdan sonra 14 gün ərzində heç bir səbəb göstərmədən qaytara bilərsiniz. "
                "Məhsul işlənməmiş olmalıdır. Sifarişlə hazırlanan işlər yalnız qüsurlu olduqda qaytarılır.</p>"
                "<p>Qaytarmaq üçün sifariş nömrənizlə bizə yazın. Pul 5–10 iş günü ərzində kartınıza qaytarılır.</p>"
            ),
        ],
    },
    "ru": {
        "title": "Доставка и возврат",
        "intro": "По Баку — курьер, в другие города — почта. Готовые изделия можно вернуть в течение 14 дней.",
        "body": [
            heading("Доставка"),
            paragraph(
                "<ul><li><b>Баку:</b> курьер привезёт за 1–2 рабочих дня.</li>"
                "<li><b>Другие города и сёла:</b> Азерпочтой за 3–7 рабочих дней.</li>"
                "<li><b>Самовывоз из центра</b> бесплатный: мы напишем, когда заказ будет готов.</li></ul>"
                "<p>Стоимость доставки видна до оплаты: один раз за каждый центр, из которого едут изделия.</p>"
            ),
            heading("Изделия на заказ"),
            paragraph("<p>Некоторые работы делаются после заказа. Срок изготовления указан на странице изделия.</p>"),
            heading("Возврат"),
            paragraph(
                "<p>Готовое изделие можно вернуть без объяснения причин в течение 14 дней после получения, "
                "если им не пользовались. Изделия на заказ возвращаются только при браке.</p>"
                "<p>Чтобы вернуть, напишите нам номер заказа. Деньги вернутся на карту за 5–10 рабочих дней.</p>"
            ),
        ],
    },
    "en": {
        "title": "Delivery and returns",
        "intro": "A courier in Baku, the post everywhere else. Ready-made items can be returned within 14 days.",
        "body": [
            heading("Delivery"),
            paragraph(
                "<ul><li><b>Baku:</b> a courier brings it within 1–2 working days.</li>"
                "<li><b>Other towns and villages:</b> Azərpoçt, 3–7 working days.</li>"
                "<li><b>Collecting from a centre</b> is free: we write when your order is ready.</li></ul>"
                "<p>The delivery fee is shown before you pay: once for each centre your items come from.</p>"
            ),
            heading("Made to order"),
            paragraph("<p>Some pieces are made after you order. The product page says how long that takes.</p>"),
            heading("Returns"),
            paragraph(
                "<p>You can return a ready-made item within 14 days of receiving it, without giving a reason, "
                "as long as it is unused. Pieces made to order can be returned only if they are faulty.</p>"
                "<p>To return an item, write to us with your order number. The money goes back to your card "
                "within 5–10 working days.</p>"
            ),
        ],
    },
}

PRIVACY = {
    "az": {
        "title": "Məxfilik",
        "intro": "Alıcılar və ustalar haqqında nə saxlayırıq, nə qədər və niyə.",
        "body": [
            heading("Alıcılar"),
            paragraph(
                "<p>Hesab yaratmaq lazım deyil. Sifariş üçün adınızı, e-poçtunuzu, telefonunuzu, çatdırılma "
                "ünvanınızı və qeydinizi, dilinizi, aldığınız məhsulları və ödənişin vəziyyətini saxlayırıq. "
                "Kart məlumatlarını Stripe-ın səhifəsinə daxil edirsiniz; onlar bizə gəlmir.</p>"
                "<p>Sifariş məlumatları mühasibat qaydalarına görə 5 il saxlanılır, sonra silinir. Səbətiniz "
                "brauzerinizdəki sessiya kukisindədir, onun müddəti 2 həftəyə bitir.</p>"
            ),
            heading("Ustalar"),
            paragraph(
                "<p>Ustanın özü seçdiyi ad, onun mərkəzi və satışlardan payı saxlanılır. Şəkil, tərcümeyi-hal və "
                "hekayə yalnız ustanın və ya qəyyumunun yazılı razılığı ilə dərc olunur; razılığı kimin, nə vaxt "
                "verdiyini və kimin qeyd etdiyini saxlayırıq. Razılıq geri götürüldükdə şəkil, tərcümeyi-hal və "
                "hekayə dərhal silinir.</p>"
                "<p>Diaqnoz və ya əlillik kateqoriyası heç vaxt saxlanılmır. Şəkillərdən yer (GPS) daxil olmaqla "
                "bütün metadata silinir. Ödəniş qeydləri mühasibat üçün 5 il saxlanılır.</p>"
            ),
            heading("Sualınız varsa"),
            paragraph('<p>Yazın: <a href="mailto:privacy@crafts.example.az">privacy@crafts.example.az</a>.</p>'),
        ],
    },
    "ru": {
        "title": "Конфиденциальность",
        "intro": "Что мы храним о покупателях и мастерах, как долго и зачем.",
        "body": [
            heading("Покупатели"),
            paragraph(
                "<p>Учётная запись не нужна. Для заказа мы храним ваше имя, e-mail, телефон, адрес доставки и "
                "комментарий, язык, купленные изделия и состояние оплаты. Данные карты вы вводите на странице "
                "Stripe, к нам они не попадают.</p>"
                "<p>Данные заказов хранятся 5 лет по правилам бухгалтерского учёта, затем удаляются. Корзина "
                "хранится в сессионном cookie, срок которого — 2 недели.</p>"
            ),
            heading("Мастера"),
            paragraph(
                "<p>Мы храним имя, которое выбрал мастер, его центр и его долю от продаж. Фото, биография и "
                "история публикуются только с записанного согласия мастера или его опекуна; мы храним, кто и "
                "когда дал согласие и кто его записал. При отзыве согласия фото, биография и история сразу "
                "удаляются.</p>"
                "<p>Диагноз или категория инвалидности не хранятся никогда. Из фотографий удаляются все "
                "метаданные, включая геолокацию. Записи о выплатах хранятся 5 лет для учёта.</p>"
            ),
            heading("Вопросы"),
            paragraph('<p>Пишите: <a href="mailto:privacy@crafts.example.az">privacy@crafts.example.az</a>.</p>'),
        ],
    },
    "en": {
        "title": "Privacy",
        "intro": "What we keep about buyers and makers, for how long, and why.",
        "body": [
            heading("Buyers"),
            paragraph(
                "<p>There are no accounts. For an order we keep your name, e-mail, phone, delivery address and "
                "note, your language, what you bought and whether it is paid. You type your card details on "
                "Stripe's page; they never reach us.</p>"
                "<p>Order details are kept for 5 years, as accounting rules require, then deleted. Your cart "
                "lives in a session cookie that expires after 2 weeks.</p>"
            ),
            heading("Makers"),
            paragraph(
                "<p>We keep the name a maker chose to be shown under, their centre and their share of sales. A "
                "photo, a bio or a story is published only with the recorded consent of the maker or their "
                "guardian; we keep who gave it, when, and who recorded it. When consent is withdrawn, the photo, "
                "bio or story is erased at once.</p>"
                "<p>We never store a diagnosis or a disability category. Every photo is stripped of its "
                "metadata, location included. Payment records are kept for 5 years for the accounts.</p>"
            ),
            heading("Questions"),
            paragraph('<p>Write to <a href="mailto:privacy@crafts.example.az">privacy@crafts.example.az</a>.</p>'),
        ],
    },
}

TERMS = {
    "az": {
        "title": "Satış şərtləri",
        "intro": "Satıcı İnklüziv Yaradıcılıq Mərkəzi İctimai Birliyidir (Bakı).",
        "body": [
            paragraph(
                "<ul><li>Qiymətlər manatla (₼) göstərilir. Çatdırılma haqqı ödənişdən əvvəl ayrıca yazılır.</li>"
                "<li>Ödəniş təsdiqlənəndə sifariş qəbul olunur və sizə e-poçt göndəririk.</li>"
                "<li>Hər iş əl ilə hazırlanıb: rəng və ölçü şəkildəkindən bir az fərqlənə bilər.</li>"
                "<li>Sifarişi göndərilənə qədər ləğv edə bilərsiniz; pul tam qaytarılır.</li>"
                "<li>Qaytarma qaydaları “Çatdırılma və qaytarma” səhifəsindədir.</li>"
                "<li>Mübahisələr Azərbaycan Respublikasının qanunlarına əsasən həll olunur.</li></ul>"
            ),
        ],
    },
    "ru": {
        "title": "Условия продажи",
        "intro": "Продавец — Общественное объединение «Инклюзивный творческий центр» (Баку).",
        "body": [
            paragraph(
                "<ul><li>Цены указаны в манатах (₼). Стоимость доставки показывается отдельно до оплаты.</li>"
                "<li>Заказ принят, когда подтверждена оплата; мы пришлём письмо.</li>"
                "<li>Каждая вещь сделана вручную: цвет и размер могут немного отличаться от фото.</li>"
                "<li>Заказ можно отменить до отправки; деньги вернутся полностью.</li>"
                "<li>Правила возврата — на странице «Доставка и возврат».</li>"
                "<li>Споры решаются по законам Азербайджанской Республики.</li></ul>"
            ),
        ],
    },
    "en": {
        "title": "Terms of sale",
        "intro": "The seller is the Inclusive Creativity Centre Public Union (Baku).",
        "body": [
            paragraph(
                "<ul><li>Prices are in manat (₼). The delivery fee is shown separately before you pay.</li>"
                "<li>Your order is accepted once the payment is confirmed; we send you an e-mail.</li>"
                "<li>Every piece is handmade: colour and size may differ a little from the photo.</li>"
                "<li>You can cancel an order until it is sent; you get all your money back.</li>"
                "<li>Returns are explained on the “Delivery and returns” page.</li>"
                "<li>Disputes are settled under the laws of the Republic of Azerbaijan.</li></ul>"
            ),
        ],
    },
}
