from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from canbo.core.client_ip import client_ip


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Vietnamese unless the user chose another language with the switcher (the language cookie).

    Office PCs often run an English browser; the browser's Accept-Language must not turn the UI, the dates and
    the numbers (25.944; 54,3 %) into English formats.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """auditlog's middleware with the address of canbo.core.client_ip (the trusted proxy's hop).

    auditlog's own reads the left-most X-Forwarded-For entry, which the client writes, and the port from
    X-Forwarded-Port, which the client can write too: the audit rows record no port.
    """

    @staticmethod
    def _get_remote_addr(request):
        return None if settings.AUDITLOG_DISABLE_REMOTE_ADDR else client_ip(request)

    @staticmethod
    def _get_remote_port(request):
        return None


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every answer to a signed-in user and on every API answer.

    Pages, API answers and exported files carry personal data: no browser or proxy cache may keep them. An
    answer that already chose its own Cache-Control (static files) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if (signed_in or request.path.startswith("/api/")) and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        return response
