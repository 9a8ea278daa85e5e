from django.http import Http404


def checkout_start(request):
    raise Http404


def checkout_return(request, order_number):
    raise Http404


def checkout_cancelled(request, order_number):
    raise Http404


def order_status(request, token):
    raise Http404
