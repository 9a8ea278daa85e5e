from django.http import Http404


def catalogue_list(request):
    raise Http404


def product_detail(request, slug):
    raise Http404


def maker_detail(request, slug):
    raise Http404
