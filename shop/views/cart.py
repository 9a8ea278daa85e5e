from django.http import Http404


def cart_detail(request):
    raise Http404


def cart_add(request, product_id):
    raise Http404


def cart_update(request, product_id):
    raise Http404


def cart_remove(request, product_id):
    raise Http404
