from django.urls import path

from .api import classes, plans, study

urlpatterns = [
    path("programmes/", plans.ProgrammeListApi.as_view(), name="api-training-programmes"),
    path("programmes/<str:code>/", plans.ProgrammeDetailApi.as_view(), name="api-training-programme-detail"),
    path("plans/", plans.PlanListApi.as_view(), name="api-training-plans"),
    path("plans/<int:pk>/", plans.PlanDetailApi.as_view(), name="api-training-plan-detail"),
    path(
        "plans/<int:pk>/transition/",
        plans.PlanTransitionApi.as_view(),
        name="api-training-plan-transition",
    ),
    path("plans/<int:pk>/lines/", plans.PlanLineListApi.as_view(), name="api-training-plan-lines"),
    path(
        "plans/<int:pk>/lines/<int:line_id>/",
        plans.PlanLineDetailApi.as_view(),
        name="api-training-plan-line-detail",
    ),
    path(
        "plans/<int:pk>/lines/<int:line_id>/allocations/",
        plans.PlanAllocationApi.as_view(),
        name="api-training-plan-line-allocations",
    ),
    path(
        "plans/<int:pk>/lines-from-needs/",
        plans.PlanLinesFromNeedsApi.as_view(),
        name="api-training-plan-lines-from-needs",
    ),
    path(
        "plans/<int:pk>/achievement/",
        plans.PlanAchievementApi.as_view(),
        name="api-training-plan-achievement",
    ),
    path("needs/", plans.NeedListApi.as_view(), name="api-training-needs"),
    path("classes/", classes.ClassListApi.as_view(), name="api-training-classes"),
    path("classes/<int:pk>/", classes.ClassDetailApi.as_view(), name="api-training-class-detail"),
    path("classes/<int:pk>/enrol/", classes.EnrolApi.as_view(), name="api-training-class-enrol"),
    path(
        "classes/<int:pk>/bulk-enrol/",
        classes.BulkEnrolApi.as_view(),
        name="api-training-class-bulk-enrol",
    ),
    path("classes/<int:pk>/roster/", classes.RosterApi.as_view(), name="api-training-class-roster"),
    path("enrolments/", classes.EnrolmentListApi.as_view(), name="api-training-enrolments"),
    path("enrolments/<int:pk>/", classes.EnrolmentDetailApi.as_view(), name="api-training-enrolment-detail"),
    path("study-assignments/", study.StudyListApi.as_view(), name="api-training-study"),
    path("study-assignments/<int:pk>/", study.StudyDetailApi.as_view(), name="api-training-study-detail"),
    path("study-assignments/<int:pk>/send/", study.StudySendApi.as_view(), name="api-training-study-send"),
    path(
        "study-assignments/<int:pk>/complete/",
        study.StudyCompleteApi.as_view(),
        name="api-training-study-complete",
    ),
    path("study-assignments/<int:pk>/drop/", study.StudyDropApi.as_view(), name="api-training-study-drop"),
    path(
        "study-assignments/<int:pk>/breach/", study.StudyBreachApi.as_view(), name="api-training-study-breach"
    ),
]
