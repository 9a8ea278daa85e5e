"""How an item is made (styles): the first half of a product title, sometimes with the colour or material it implies."""

from dataclasses import dataclass

from .catalogue_data import Text
from .materials_data import WHITE_CLAY, WOOD


@dataclass(frozen=True)
class Style:
    key: str
    words: Text
    colour: str | None = None  # English palette name the style implies, if any
    materials: Text | None = None  # replaces the item's materials (a wood, a metal, a medium)


STYLES: dict[str, tuple[Style, ...]] = {
    "pottery": (
        Style("blue", Text("mavi şirli", "blue-glazed", "с синей глазурью"), "cobalt blue"),
        Style("turquoise", Text("firuzəyi şirli", "turquoise-glazed", "с бирюзовой глазурью"), "turquoise"),
        Style("natural", Text("təbii terrakota", "natural terracotta", "из натуральной терракоты"), "terracotta"),
        Style("shaki", Text("Şəki naxışlı", "Shaki-pattern", "с шекинским узором")),
        Style("pomegranate", Text("nar motivli", "pomegranate-motif", "с мотивом граната"), "pomegranate red"),
        Style("painted", Text("əl ilə boyanmış", "hand-painted", "с ручной росписью")),
        Style("olive", Text("zeytun rəngli", "olive-green", "оливкового цвета"), "olive green"),
        Style("old", Text("köhnə üslubda", "old-style", "в старинном стиле"), "walnut brown"),
    ),
    "carpets-and-rugs": (
        Style("guba", Text("Quba üslubunda", "Guba-style", "в стиле Губа")),
        Style("gazakh", Text("Qazax üslubunda", "Gazakh-style", "в стиле Газах")),
        Style("shirvan", Text("Şirvan üslubunda", "Shirvan-style", "в стиле Ширван")),
        Style("karabakh", Text("Qarabağ üslubunda", "Karabakh-style", "в стиле Карабах")),
        Style("red", Text("qırmızı yerlikli", "red-ground", "на красном фоне"), "pomegranate red"),
        Style("blue", Text("göy yerlikli", "blue-ground", "на синем фоне"), "indigo"),
        Style("ganja", Text("Gəncə üslubunda", "Ganja-style", "в стиле Гянджа")),
    ),
    "wood-carving": (
        Style("walnut", Text("qoz ağacından", "walnut", "из ореха"), "walnut brown", WOOD),
        Style(
            "mulberry",
            Text("tut ağacından", "mulberry-wood", "из шелковицы"),
            "ochre",
            Text("tut ağacı, arı mumu", "mulberry wood, beeswax", "шелковица, пчелиный воск"),
        ),
        Style(
            "pear",
            Text("armud ağacından", "pear-wood", "из груши"),
            "cream",
            Text("armud ağacı, təbii yağ", "pear wood, natural oil", "груша, натуральное масло"),
        ),
        Style("geometric", Text("həndəsi oymalı", "geometric-carved", "с геометрической резьбой")),
        Style("buta", Text("buta naxışlı", "buta-pattern", "с узором бута")),
        Style("rosette", Text("günəş rozetli", "sun-rosette", "с солярной розеткой")),
    ),
    "sewing-and-textiles": (
        Style("embroidered", Text("tikmə naxışlı", "embroidered", "с вышивкой")),
        Style("buta", Text("buta naxışlı", "buta-pattern", "с узором бута")),
        Style("patchwork", Text("yamaq texnikasında", "patchwork", "в технике пэчворк")),
        Style("tekelduz", Text("təkəldüz tikməli", "tekelduz-embroidered", "с вышивкой тякялдуз")),
        Style("red", Text("nar rəngli", "pomegranate-red", "гранатового цвета"), "pomegranate red"),
        Style("emerald", Text("zümrüd rəngli", "emerald-green", "изумрудного цвета"), "emerald green"),
        Style("saffron", Text("zəfərani", "saffron-yellow", "шафранового цвета"), "saffron"),
    ),
    "painting": (
        Style(
            "oil",
            Text("yağlı boya", "oil on canvas", "холст, масло"),
            None,
            Text("kətan, yağlı boya, taxta çərçivə", "canvas, oil paint, wooden frame", "холст, масло, рама"),
        ),
        Style(
            "watercolour",
            Text("akvarel", "watercolour", "акварель"),
            None,
            Text("akvarel kağızı, akvarel, çərçivə", "watercolour paper, watercolour, frame", "бумага, акварель"),
        ),
        Style(
            "acrylic",
            Text("akril", "acrylic", "акрил"),
            None,
            Text("kətan, akril boya, taxta çərçivə", "canvas, acrylic paint, wooden frame", "холст, акрил, рама"),
        ),
        Style(
            "gouache",
            Text("quaş", "gouache", "гуашь"),
            None,
            Text("karton, quaş, çərçivə", "board, gouache, frame", "картон, гуашь, рама"),
        ),
    ),
    "jewellery": (
        Style(
            "silver",
            Text("gümüş", "silver", "из серебра"),
            "charcoal",
            Text("gümüş (925), ipək sap", "sterling silver, silk thread", "серебро 925, шёлковая нить"),
        ),
        Style(
            "copper",
            Text("mis", "copper", "из меди"),
            "terracotta",
            Text("mis, qoruyucu lak", "copper, protective lacquer", "медь, защитный лак"),
        ),
        Style(
            "beaded",
            Text("muncuqlu", "beaded", "из бисера"),
            None,
            Text("şüşə muncuq, neylon sap", "glass beads, nylon thread", "стеклянный бисер, нейлоновая нить"),
        ),
        Style(
            "agate",
            Text("əqiq daşlı", "agate", "с агатом"),
            "charcoal",
            Text("əqiq, gümüş rəngli metal", "agate, silver-tone metal", "агат, металл серебристого цвета"),
        ),
        Style(
            "turquoise",
            Text("firuzə daşlı", "turquoise-stone", "с бирюзой"),
            "turquoise",
            Text("firuzə, mis", "turquoise, copper", "бирюза, медь"),
        ),
        Style(
            "enamel",
            Text("minalı", "enamel", "с эмалью"),
            None,
            Text("mis, isti mina", "copper, vitreous enamel", "медь, горячая эмаль"),
        ),
    ),
    "ceramics": (
        Style("blue-white", Text("ağ-mavi", "blue-and-white", "в бело-синей гамме"), "cobalt blue"),
        Style("geometric", Text("həndəsi naxışlı", "geometric", "с геометрическим узором")),
        Style("floral", Text("çiçək naxışlı", "floral", "с цветочным узором")),
        Style("pomegranate", Text("nar motivli", "pomegranate", "с мотивом граната"), "pomegranate red"),
        Style("turquoise", Text("firuzəyi", "turquoise", "бирюзового цвета"), "turquoise"),
        Style("saffron", Text("zəfərani şirli", "saffron-glazed", "с шафрановой глазурью"), "saffron"),
    ),
    "souvenirs": (
        Style("painted", Text("əl ilə boyanmış", "hand-painted", "с ручной росписью")),
        Style("ceramic", Text("keramik", "ceramic", "из керамики"), None, WHITE_CLAY),
        Style("wooden", Text("taxta", "wooden", "из дерева"), "walnut brown", WOOD),
        Style(
            "felt",
            Text("keçədən", "felt", "из войлока"),
            None,
            Text("yun keçə, pambıq sap", "wool felt, cotton thread", "войлок, хлопковые нитки"),
        ),
        Style(
            "copper",
            Text("mis", "copper", "из меди"),
            "terracotta",
            Text("mis, qoruyucu lak", "copper, protective lacquer", "медь, защитный лак"),
        ),
    ),
}
