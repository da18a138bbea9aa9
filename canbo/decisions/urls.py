"""Pages of decision drafts (included under /quyet-dinh/)."""

from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("mau/", views.template_list, name="templates"),
    path("mau/<slug:code>/tai-len/", views.template_upload, name="template_upload"),
    path("mau/<slug:code>/tai-ve/", views.template_download, name="template_default"),
    path("mau/<slug:code>/tai-ve/<int:pk>/", views.template_download, name="template_download"),
    path("mau/ngung-dung/<int:pk>/", views.template_withdraw, name="template_withdraw"),
    path("du-thao/<slug:code>/<str:key>/", views.draft, name="draft"),
]
