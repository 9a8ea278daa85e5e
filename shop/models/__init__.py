from .catalogue import Craft, Product, ProductMaker, ProductPhoto, ProductStatus, ProductTranslation
from .orders import (
    DeliveryMethod,
    Order,
    OrderLine,
    OrderLineMaker,
    OrderStatus,
    OrderStatusChange,
    StockReservation,
)
from .payments import Refund, RefundLine, StripeEvent

__all__ = [
    "Craft",
    "DeliveryMethod",
    "Order",
    "OrderLine",
    "OrderLineMaker",
    "OrderStatus",
    "OrderStatusChange",
    "Product",
    "ProductMaker",
    "ProductPhoto",
    "ProductStatus",
    "ProductTranslation",
    "Refund",
    "RefundLine",
    "StockReservation",
    "StripeEvent",
]
