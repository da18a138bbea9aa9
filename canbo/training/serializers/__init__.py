"""API shapes of training and fostering. They check shape only; the services check the rules and audit.

Programmes are addressed by code, units by code, persons by uuid, plans, lines, classes, enrolments and
sending records by id; dates accept yyyy-mm-dd and dd/mm/yyyy. A status is answered as a code with its label.
"""

from .classes import (
    BatchSerializer,
    BulkEnrolRequestSerializer,
    ClassSerializer,
    ClassUpdateSerializer,
    ClassWriteSerializer,
    EnrolmentResultSerializer,
    EnrolmentSerializer,
    EnrolRequestSerializer,
)
from .plans import (
    ActionSerializer,
    AllocationSerializer,
    AllocationWriteSerializer,
    NeedSerializer,
    NeedWriteSerializer,
    PlanCreateSerializer,
    PlanDetailSerializer,
    PlanLineSerializer,
    PlanLineWriteSerializer,
    PlanListSerializer,
    PlanTransitionRequestSerializer,
    PlanUpdateSerializer,
    ProgrammeSerializer,
    TransitionSerializer,
)
from .study import (
    StudyBreachSerializer,
    StudyCompleteSerializer,
    StudyDropSerializer,
    StudyProposeSerializer,
    StudySendSerializer,
    StudySerializer,
)

__all__ = [
    "ActionSerializer",
    "AllocationSerializer",
    "AllocationWriteSerializer",
    "BatchSerializer",
    "BulkEnrolRequestSerializer",
    "ClassSerializer",
    "ClassUpdateSerializer",
    "ClassWriteSerializer",
    "EnrolRequestSerializer",
    "EnrolmentResultSerializer",
    "EnrolmentSerializer",
    "NeedSerializer",
    "NeedWriteSerializer",
    "PlanCreateSerializer",
    "PlanDetailSerializer",
    "PlanLineSerializer",
    "PlanLineWriteSerializer",
    "PlanListSerializer",
    "PlanTransitionRequestSerializer",
    "PlanUpdateSerializer",
    "ProgrammeSerializer",
    "StudyBreachSerializer",
    "StudyCompleteSerializer",
    "StudyDropSerializer",
    "StudyProposeSerializer",
    "StudySendSerializer",
    "StudySerializer",
    "TransitionSerializer",
]
