"""URLs of the training pages (included under /dao-tao/ with app_name "training")."""

from django.urls import path

from . import bulk, classes, enrolments, hub, needs, plans, profile, results, study

urlpatterns = [
    path("", hub.hub, name="hub"),
    path("ke-hoach/", plans.plan_list, name="plan_list"),
    path("ke-hoach/them/", plans.plan_create_view, name="plan_create"),
    path("ke-hoach/<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("ke-hoach/<int:pk>/sua/", plans.plan_edit, name="plan_edit"),
    path("ke-hoach/<int:pk>/chuyen-buoc/", plans.plan_transition_view, name="plan_transition"),
    path("ke-hoach/<int:pk>/dong/them/", plans.plan_line_edit, name="plan_line_add"),
    path("ke-hoach/<int:pk>/dong/<int:line_pk>/sua/", plans.plan_line_edit, name="plan_line_edit"),
    path("ke-hoach/<int:pk>/dong/<int:line_pk>/xoa/", plans.plan_line_delete_view, name="plan_line_delete"),
    path("ke-hoach/<int:pk>/phan-bo/", plans.plan_allocation, name="plan_allocation"),
    path("ke-hoach/<int:pk>/tu-nhu-cau/", plans.plan_from_needs, name="plan_from_needs"),
    path("nhu-cau/", needs.need_list, name="need_list"),
    path("lop/", classes.class_list, name="class_list"),
    path("lop/them/", classes.class_create_view, name="class_create"),
    path("lop/<int:pk>/", classes.class_detail, name="class_detail"),
    path("lop/<int:pk>/sua/", classes.class_edit, name="class_edit"),
    path("lop/<int:pk>/ghi-danh-mot-nguoi/", classes.enrol_one, name="enrol_one"),
    path("lop/<int:pk>/ghi-danh/", bulk.bulk_enrol, name="bulk_enrol"),
    path("lop/<int:pk>/ghi-danh/<int:batch_pk>/", bulk.batch_detail, name="batch_detail"),
    path("lop/<int:pk>/ket-qua/", results.results_entry, name="results_entry"),
    path("luot-hoc/", enrolments.enrolment_list, name="enrolment_list"),
    path("luot-hoc/xuat-excel/", enrolments.enrolment_export, name="enrolment_export"),
    path("luot-hoc/<int:pk>/xoa/", classes.enrolment_remove_view, name="enrolment_remove"),
    path("cu-di-hoc/", study.study_list, name="study_list"),
    path("cu-di-hoc/de-nghi/", study.study_propose_view, name="study_propose"),
    path("cu-di-hoc/dieu-kien/", study.study_eligibility, name="study_eligibility"),
    path("cu-di-hoc/<int:pk>/", study.study_detail, name="study_detail"),
    path("cu-di-hoc/<int:pk>/<slug:action>/", study.study_action, name="study_action"),
    path("can-bo/<uuid:uuid>/", profile.person_training_tab, name="person"),
]
