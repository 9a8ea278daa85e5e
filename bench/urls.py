"""The shop's URLs plus `/bench/trivial/`, the yardstick every figure of bench/pages.py is divided by: a Django
view that does nothing, behind the same middleware, server and machine, measured in the same run."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as shop_urlpatterns


def trivial(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *shop_urlpatterns]
