from django.http import HttpResponse


def sitemap_view(request):
    return HttpResponse(status=404)


def robots_txt(request):
    return HttpResponse("", content_type="text/plain")
