"""The shop app's models, for Django's app registry: they live in the domain that owns them."""

from .catalogue.models import (
    CentreCollection,
    Craft,
    Product,
    ProductMaker,
    ProductPhoto,
    ProductSearchDocument,
    ProductStatus,
    ProductTranslation,
)
from .jobs.models import FailedJob
from .orders.commission_models import CommissionRequest, CommissionStatus
from .orders.models import (
    DeliveryMethod,
    LineFulfilment,
    Order,
    OrderEmail,
    OrderLine,
    OrderLineMaker,
    OrderStatus,
    OrderStatusChange,
    Refund,
    RefundLine,
    StockReservation,
    StripeEvent,
)

__all__ = [
    "CentreCollection",
    "CommissionRequest",
    "CommissionStatus",
    "Craft",
    "DeliveryMethod",
    "FailedJob",
    "LineFulfilment",
    "Order",
    "OrderEmail",
    "OrderLine",
    "OrderLineMaker",
    "OrderStatus",
    "OrderStatusChange",
    "Product",
    "ProductMaker",
    "ProductPhoto",
    "ProductSearchDocument",
    "ProductStatus",
    "ProductTranslation",
    "Refund",
    "RefundLine",
    "StockReservation",
    "StripeEvent",
]
