from django.urls import path

from .catalogue import favourite_views
from .catalogue import views as catalogue
from .orders.views import cart, checkout, commissions

app_name = "shop"

urlpatterns = [
    path("", catalogue.catalogue_list, name="catalogue"),
    path("p/<slug:slug>/", catalogue.product_detail, name="product_detail"),
    path("p/<slug:slug>/custom-piece/", commissions.commission_request, name="commission_request"),
    path("p/<slug:slug>/custom-piece/sent/", commissions.commission_sent, name="commission_sent"),
    path("makers/<slug:slug>/", catalogue.maker_detail, name="maker_detail"),
    path("favourites/", favourite_views.favourites_list, name="favourites"),
    path("favourites/toggle/<int:product_id>/", favourite_views.favourite_toggle, name="favourite_toggle"),
    path("cart/", cart.cart_detail, name="cart"),
    path("cart/add/<int:product_id>/", cart.cart_add, name="cart_add"),
    path("cart/update/<int:product_id>/", cart.cart_update, name="cart_update"),
    path("cart/remove/<int:product_id>/", cart.cart_remove, name="cart_remove"),
    path("checkout/", checkout.checkout_start, name="checkout"),
    path("checkout/return/<str:order_number>/", checkout.checkout_return, name="checkout_return"),
    path("checkout/cancelled/<str:order_number>/", checkout.checkout_cancelled, name="checkout_cancelled"),
    path("orders/<str:token>/", checkout.order_status, name="order_status"),
]
