"""The CSRF failure page in Vietnamese (settings.CSRF_FAILURE_VIEW).

Django's own view renders `403_csrf.html` without saying why the check failed; this one tells the template
whether the cookie or the Referer was missing, so the page can say what the user can do about it.
"""

from django.middleware.csrf import REASON_NO_CSRF_COOKIE, REASON_NO_REFERER
from django.shortcuts import render


def csrf_failure(request, reason=""):
    context = {
        "reason": reason,
        "no_cookie": reason == REASON_NO_CSRF_COOKIE,
        "no_referer": reason == REASON_NO_REFERER,
    }
    return render(request, "403_csrf.html", context, status=403)
