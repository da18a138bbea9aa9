from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

admin.site.site_header = "Canbo – Quản trị"
admin.site.site_title = "Canbo"

# Swagger UI: its set-up script is served as a file (the split view, ?script), so script-src stays 'self';
# drf-spectacular's page holds one inline <style> block, allowed on this view only (decision 016).
api_docs = csp_update({"style-src": [UNSAFE_INLINE]})(
    SpectacularSwaggerSplitView.as_view(url_name="api-schema")
)

urlpatterns = [
    path("", include("canbo.core.urls")),
    path("", include("canbo.home.urls")),
    path("tai-khoan/", include("canbo.accounts.urls")),
    path("to-chuc/", include("canbo.org.urls")),
    path("can-bo/", include("canbo.people.urls")),
    path("nhap-xuat/", include("canbo.imports.urls")),
    path("tac-vu/", include("canbo.jobs.urls")),
    path("bao-cao/", include("canbo.reports.urls")),
    path("dao-tao/", include("canbo.training.urls")),
    path("tieu-chuan/", include("canbo.standards.urls")),
    path("quy-hoach/", include("canbo.planning.urls")),
    path("bo-nhiem/", include("canbo.movements.urls")),
    path("thong-bao/", include("canbo.notifications.urls")),
    path("danh-gia/", include("canbo.evaluation.urls")),
    path("bien-che/", include("canbo.staffing.urls")),
    path("thi-dua/", include("canbo.emulation.urls")),
    path("ky-luat/", include("canbo.discipline.urls")),
    path("phan-anh/", include("canbo.feedback.urls")),
    path("dang-vien/", include("canbo.party.urls")),
    path("khao-sat/", include("canbo.surveys.urls")),
    path("luong/", include("canbo.salary.urls")),
    path("ho-so-in/", include("canbo.profileforms.urls")),
    path("ho-so/", include("canbo.dossier.urls")),
    path("quyet-dinh/", include("canbo.decisions.urls")),
    path("dong-bo-csdl-quoc-gia/", include("canbo.nationaldb.urls")),
    path("can-cu-phap-ly/", include("canbo.legal.urls")),
    path("api/v1/", include("canbo.org.api_urls")),
    path("api/v1/", include("canbo.people.api_urls")),
    path("api/v1/", include("canbo.reports.api_urls")),
    path("api/v1/", include("canbo.imports.api_urls")),
    path("api/v1/", include("canbo.jobs.api_urls")),
    path("api/v1/", include("canbo.training.api_urls")),
    path("api/v1/", include("canbo.standards.api_urls")),
    path("api/v1/", include("canbo.planning.api_urls")),
    path("api/v1/", include("canbo.movements.api_urls")),
    path("api/v1/", include("canbo.evaluation.api_urls")),
    path("api/v1/", include("canbo.staffing.api_urls")),
    path("api/v1/", include("canbo.emulation.api_urls")),
    path("api/v1/", include("canbo.discipline.api_urls")),
    path("api/v1/", include("canbo.feedback.api_urls")),
    path("api/v1/", include("canbo.party.api_urls")),
    path("api/v1/", include("canbo.surveys.api_urls")),
    path("api/v1/", include("canbo.salary.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs, name="api-docs"),
    path("quan-tri/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
