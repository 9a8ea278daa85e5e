"""The page someone sees after too many wrong passwords on either admin login (django-axes calls this)."""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    context = {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT, "login_url": request.path}
    # 429 Too Many Requests: what it is, and scripts guessing passwords can tell it from a wrong password.
    return render(request, "login_locked_out.html", context, status=429)
