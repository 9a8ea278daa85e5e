"""Materials shared by several items and styles, in az, en and ru."""

from .catalogue_data import Text

CLAY = Text("qırmızı gil, qurğuşunsuz şir", "red clay, lead-free glaze", "красная глина, бессвинцовая глазурь")
WHITE_CLAY = Text("ağ gil, şir", "white clay, glaze", "белая глина, глазурь")
WOOL = Text("yun, pambıq əriş, təbii boyaqlar", "wool, cotton warp, natural dyes", "шерсть, хлопковая основа")
WOOD = Text("qoz ağacı, təbii yağ", "walnut wood, natural oil", "орех, натуральное масло")
COTTON = Text("pambıq parça, pambıq sap", "cotton fabric, cotton thread", "хлопковая ткань, хлопковые нитки")
