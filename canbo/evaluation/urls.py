"""Pages of the annual rating (included under /danh-gia/)."""

from django.urls import path

from . import party_views, views

app_name = "evaluation"
urlpatterns = [
    path("", views.index, name="index"),
    path("cua-toi/", views.my_sheets_view, name="my_sheets"),
    path("dot/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("dot/<int:pk>/ket-thuc/", views.campaign_close, name="campaign_close"),
    path("dot/<int:pk>/xuat-excel/", views.campaign_xlsx, name="campaign_xlsx"),
    path("phieu/<int:pk>/", views.sheet_detail, name="sheet_detail"),
    path("phieu/<int:pk>/san-pham/", views.deliverable_add, name="deliverable_add"),
    path("san-pham/<int:pk>/", views.deliverable_edit, name="deliverable_edit"),
    path("san-pham/<int:pk>/xoa/", views.deliverable_delete, name="deliverable_delete"),
    path("dang-vien/", party_views.party_ratings, name="party_ratings"),
    path("phieu/<int:pk>/<slug:action>/", views.sheet_action, name="sheet_action"),
]
