"""What each craft makes (items) and how (styles); a product title is a style plus an item.

Titles read "<style> <item>" in Azerbaijani and English and "<item> <style>" in Russian, where the style is a
phrase that needs no agreement ("с синей глазурью"); paintings read "<item>, <style>" in every language.
"""

from dataclasses import dataclass

from .catalogue_data import Text
from .materials_data import CLAY, COTTON, WHITE_CLAY, WOOD, WOOL


@dataclass(frozen=True)
class Item:
    shape: str  # what pictures.drawings draws
    name: Text
    materials: Text
    dimensions: str  # "{a} × {b} cm" filled from the ranges below
    ranges: tuple[tuple[int, int], ...]
    price: tuple[float, float]  # AZN, whole manats are drawn between these
    styles: tuple[str, ...] = ()  # style keys that fit this item; empty means all of the craft's styles


ITEMS: dict[str, tuple[Item, ...]] = {
    "pottery": (
        Item(
            "vase",
            Text("gil vaza", "clay vase", "Глиняная ваза"),
            CLAY,
            "{a} × {b} cm",
            ((22, 40), (12, 20)),
            (35, 120),
        ),
        Item(
            "jug",
            Text("gil dolça", "clay water jug", "Глиняный кувшин"),
            CLAY,
            "{a} × {b} cm",
            ((20, 32), (12, 18)),
            (28, 90),
        ),
        Item(
            "pot",
            Text("saxsı küp", "earthenware jar", "Глиняный горшок"),
            CLAY,
            "{a} × {b} cm",
            ((18, 30), (16, 26)),
            (30, 110),
        ),
        Item(
            "bowl",
            Text("saxsı kasa", "earthenware bowl", "Глиняная чаша"),
            CLAY,
            "Ø {b} cm, {a} cm",
            ((6, 10), (14, 26)),
            (14, 45),
        ),
        Item(
            "lamp",
            Text("gil çıraq", "clay lantern", "Глиняный светильник"),
            CLAY,
            "{a} × {b} cm",
            ((16, 28), (10, 16)),
            (25, 70),
        ),
        Item(
            "pot",
            Text("gil güldan", "clay flower pot", "Глиняный цветочный горшок"),
            CLAY,
            "{a} × {b} cm",
            ((10, 22), (10, 20)),
            (12, 40),
        ),
    ),
    "carpets-and-rugs": (
        Item(
            "carpet",
            Text("xalça", "carpet", "Ковёр"),
            WOOL,
            "{a} × {b} cm",
            ((120, 200), (80, 140)),
            (180, 450),
            ("guba", "gazakh", "shirvan", "karabakh", "red", "blue", "ganja"),
        ),
        Item("kilim", Text("kilim", "kilim", "Килим"), WOOL, "{a} × {b} cm", ((100, 180), (70, 120)), (90, 260)),
        Item(
            "runner",
            Text("xalça yolluq", "runner rug", "Ковровая дорожка"),
            WOOL,
            "{a} × {b} cm",
            ((150, 250), (50, 70)),
            (120, 320),
        ),
        Item(
            "mat",
            Text("kiçik xalça", "small rug", "Небольшой ковёр"),
            WOOL,
            "{a} × {b} cm",
            ((50, 80), (35, 60)),
            (45, 140),
        ),
        Item(
            "kilim",
            Text("palaz", "palaz flatweave", "Палас"),
            WOOL,
            "{a} × {b} cm",
            ((120, 200), (80, 120)),
            (70, 200),
            ("red", "blue", "shirvan", "gazakh"),
        ),
    ),
    "wood-carving": (
        Item(
            "board",
            Text("oyma divar lövhəsi", "carved wall panel", "Резное настенное панно"),
            WOOD,
            "{a} × {b} cm",
            ((30, 50), (20, 35)),
            (45, 160),
        ),
        Item(
            "board",
            Text("çörək taxtası", "bread board", "Хлебная доска"),
            WOOD,
            "{a} × {b} cm",
            ((30, 45), (18, 25)),
            (18, 55),
        ),
        Item(
            "box",
            Text("oyma mücrü", "carved keepsake box", "Резная шкатулка"),
            WOOD,
            "{a} × {b} × {c} cm",
            ((14, 26), (10, 18), (6, 12)),
            (30, 120),
        ),
        Item(
            "spoon",
            Text("taxta qaşıq", "wooden spoon", "Деревянная ложка"),
            WOOD,
            "{a} cm",
            ((20, 32),),
            (8, 24),
            ("walnut", "mulberry", "pear", "buta"),
        ),
        Item(
            "nard",
            Text("nərd taxtası", "backgammon board", "Доска для нард"),
            WOOD,
            "{a} × {b} cm",
            ((40, 60), (25, 35)),
            (90, 320),
        ),
        Item(
            "board",
            Text("oyma çərçivə", "carved picture frame", "Резная рамка"),
            WOOD,
            "{a} × {b} cm",
            ((20, 40), (15, 30)),
            (20, 75),
        ),
    ),
    "sewing-and-textiles": (
        Item(
            "cushion",
            Text("yastıq üzü", "cushion cover", "Чехол для подушки"),
            COTTON,
            "{a} × {a} cm",
            ((40, 50),),
            (18, 45),
        ),
        Item(
            "bag",
            Text("parça çanta", "fabric tote bag", "Тканевая сумка"),
            COTTON,
            "{a} × {b} cm",
            ((34, 42), (30, 40)),
            (16, 40),
        ),
        Item(
            "scarf",
            Text("ipək kəlağayı", "silk kelaghayi headscarf", "Шёлковый платок-келагаи"),
            Text("təbii ipək, təbii boyaqlar", "natural silk, natural dyes", "натуральный шёлк, натуральные красители"),
            "{a} × {a} cm",
            ((70, 110),),
            (45, 140),
            ("red", "emerald", "saffron", "buta"),
        ),
        Item(
            "scarf",
            Text("yun şərf", "wool scarf", "Шерстяной шарф"),
            Text("merinos yunu", "merino wool", "шерсть мериноса"),
            "{a} × {b} cm",
            ((150, 190), (25, 35)),
            (25, 65),
            ("red", "emerald", "saffron", "embroidered"),
        ),
        Item(
            "doll",
            Text("milli geyimli kukla", "doll in national dress", "Кукла в национальном костюме"),
            Text("pambıq parça, yun, muncuq", "cotton fabric, wool, beads", "хлопковая ткань, шерсть, бисер"),
            "{a} cm",
            ((25, 40),),
            (20, 60),
            ("embroidered", "tekelduz", "red", "emerald"),
        ),
        Item(
            "bag",
            Text("kosmetik çanta", "zip pouch", "Косметичка"),
            COTTON,
            "{a} × {b} cm",
            ((16, 24), (10, 16)),
            (10, 28),
        ),
        Item(
            "scarf",
            Text("süfrə", "tablecloth", "Скатерть"),
            COTTON,
            "{a} × {b} cm",
            ((120, 180), (100, 140)),
            (35, 110),
            ("embroidered", "tekelduz", "buta", "patchwork"),
        ),
    ),
    "painting": (
        Item(
            "landscape",
            Text("Dağ mənzərəsi", "Mountain landscape", "Горный пейзаж"),
            COTTON,
            "{a} × {b} cm",
            ((30, 80), (40, 100)),
            (60, 450),
        ),
        Item(
            "sea",
            Text("Xəzər sahili", "Caspian shore", "Каспийский берег"),
            COTTON,
            "{a} × {b} cm",
            ((30, 70), (40, 90)),
            (60, 400),
        ),
        Item(
            "still_life",
            Text("Narlı natürmort", "Still life with pomegranates", "Натюрморт с гранатами"),
            COTTON,
            "{a} × {b} cm",
            ((30, 60), (30, 70)),
            (50, 380),
        ),
        Item(
            "abstract",
            Text("Abstrakt kompozisiya", "Abstract composition", "Абстрактная композиция"),
            COTTON,
            "{a} × {b} cm",
            ((30, 80), (30, 80)),
            (45, 350),
        ),
        Item(
            "landscape",
            Text("Qəbələ meşəsi", "Gabala forest", "Габалинский лес"),
            COTTON,
            "{a} × {b} cm",
            ((30, 70), (40, 90)),
            (60, 420),
        ),
        Item(
            "sea",
            Text("Axşam dənizi", "Evening sea", "Вечернее море"),
            COTTON,
            "{a} × {b} cm",
            ((25, 60), (35, 80)),
            (50, 360),
        ),
    ),
    "jewellery": (
        Item("necklace", Text("boyunbağı", "necklace", "Ожерелье"), COTTON, "{a} cm", ((40, 55),), (22, 180)),
        Item("earrings", Text("sırğa", "earrings", "Серьги"), COTTON, "{a} cm", ((3, 7),), (14, 95)),
        Item("bracelet", Text("qolbaq", "bracelet", "Браслет"), COTTON, "{a} cm", ((16, 20),), (12, 120)),
        Item(
            "brooch",
            Text("broş", "brooch", "Брошь"),
            COTTON,
            "Ø {a} cm",
            ((3, 6),),
            (15, 85),
            ("silver", "copper", "beaded", "enamel"),
        ),
        Item(
            "ring",
            Text("üzük", "ring", "Кольцо"),
            COTTON,
            "Ø {a} mm",
            ((16, 20),),
            (18, 150),
            ("silver", "copper", "agate", "turquoise"),
        ),
    ),
    "ceramics": (
        Item(
            "plate",
            Text("dekorativ boşqab", "decorative plate", "Декоративная тарелка"),
            WHITE_CLAY,
            "Ø {a} cm",
            ((20, 32),),
            (22, 95),
        ),
        Item("tile", Text("kaşı", "wall tile", "Изразец"), WHITE_CLAY, "{a} × {a} cm", ((15, 20),), (12, 35)),
        Item("cup", Text("fincan", "cup", "Чашка"), WHITE_CLAY, "{a} × {b} cm", ((8, 11), (7, 9)), (10, 30)),
        Item("bowl", Text("salat qabı", "salad bowl", "Салатница"), WHITE_CLAY, "Ø {a} cm", ((20, 30),), (25, 80)),
        Item(
            "lamp",
            Text("keramik şamdan", "ceramic candle holder", "Керамический подсвечник"),
            WHITE_CLAY,
            "{a} × {b} cm",
            ((10, 18), (8, 12)),
            (15, 48),
        ),
        Item(
            "plate",
            Text("meyvə qabı", "fruit dish", "Блюдо для фруктов"),
            WHITE_CLAY,
            "Ø {a} cm",
            ((26, 36),),
            (30, 110),
        ),
    ),
    "souvenirs": (
        Item(
            "pomegranate",
            Text("dekorativ nar", "decorative pomegranate", "Декоративный гранат"),
            WHITE_CLAY,
            "Ø {a} cm",
            ((6, 12),),
            (8.5, 30),
            ("painted", "ceramic", "felt", "copper"),
        ),
        Item("keyring", Text("buta açarlıq", "buta keyring", "Брелок «бута»"), WOOD, "{a} cm", ((6, 10),), (8.5, 18)),
        Item(
            "magnet",
            Text("soyuducu maqniti", "fridge magnet", "Магнит на холодильник"),
            WHITE_CLAY,
            "{a} × {b} cm",
            ((6, 9), (5, 8)),
            (8.5, 16),
            ("painted", "ceramic", "wooden", "felt"),
        ),
        Item(
            "tower",
            Text("Qız qalası fiquru", "Maiden Tower figurine", "Фигурка «Девичья башня»"),
            WHITE_CLAY,
            "{a} cm",
            ((10, 22),),
            (14, 55),
            ("painted", "ceramic", "wooden", "copper"),
        ),
    ),
}

TITLE_COMMA_CRAFTS = {"painting"}
