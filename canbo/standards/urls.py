from django.urls import path

from .views import campaigns, catalogue, checks

app_name = "standards"
urlpatterns = [
    path("", catalogue.standard_index, name="index"),
    path("<int:pk>/", catalogue.standard_detail, name="detail"),
    path("kiem-tra/", checks.check_view, name="check"),
    path("chua-dat/", checks.gap_list, name="gaps"),
    path("chua-dat/xuat-excel/", checks.gap_export, name="gaps_export"),
    path("ra-soat/", campaigns.campaign_list, name="campaigns"),
    path("ra-soat/them/", campaigns.campaign_create, name="campaign_create"),
    path("ra-soat/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("ra-soat/<int:pk>/chay-lai/", campaigns.campaign_run, name="campaign_run"),
    path("ra-soat/<int:pk>/kiem-tra-lai/", campaigns.campaign_recheck, name="campaign_recheck"),
    path("ra-soat/<int:pk>/xuat-excel/", campaigns.campaign_export, name="campaign_export"),
]
