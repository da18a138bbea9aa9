from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from canbo.core.health import health_report


@require_safe
@never_cache
def healthz(request):
    """No login: 200 when the database and the task broker answer, else 503 naming the part that failed."""
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)
