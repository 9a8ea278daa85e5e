from .catalogue import Craft, Product, ProductMaker, ProductPhoto, ProductStatus, ProductTranslation

__all__ = ["Craft", "Product", "ProductMaker", "ProductPhoto", "ProductStatus", "ProductTranslation"]
