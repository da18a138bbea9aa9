from django.urls import path

from .views import needs, posts, review, terms

app_name = "planning"
urlpatterns = [
    path("", terms.index, name="index"),
    path("them/", terms.term_create, name="term_create"),
    path("<int:pk>/", terms.term_detail, name="term_detail"),
    path("<int:pk>/chuc-danh/them/", terms.post_create, name="post_create"),
    path("<int:pk>/cho-phe-duyet/", review.pending, name="pending"),
    path("<int:pk>/quyet-dinh/", review.decision_list, name="decision_list"),
    path("<int:pk>/de-nghi-dua-ra/", review.removals, name="removals"),
    path("<int:pk>/nhu-cau-dao-tao/", needs.needs, name="needs"),
    path("<int:pk>/nhu-cau-dao-tao/xuat-excel/", needs.needs_export, name="needs_export"),
    path("<int:pk>/xuat-excel/", needs.plan_export, name="plan_export"),
    path("chuc-danh/<int:pk>/", posts.post_detail, name="post_detail"),
    path("chuc-danh/<int:pk>/de-xuat/", posts.propose, name="propose"),
    path("chuc-danh/<int:pk>/phe-duyet/", posts.approve, name="approve"),
    path("chuc-danh/<int:pk>/dua-ra/", posts.remove, name="remove"),
    path("de-xuat/<int:pk>/rut/", posts.withdraw, name="withdraw"),
    path("quyet-dinh/<int:pk>/", review.decision_detail, name="decision_detail"),
    path("thieu-trinh-do/", needs.gap_list, name="gaps"),
    path("thieu-trinh-do/xuat-excel/", needs.gaps_export, name="gaps_export"),
]
