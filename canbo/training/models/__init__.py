from .catalogue import Programme, SponsorshipRule, TrainingRule
from .classes import Enrolment, EnrolmentBatch, StudyAssignment, TrainingClass
from .plans import PlanAllocation, PlanLine, PlanTransition, TrainingNeed, TrainingPlan

__all__ = [
    "Enrolment",
    "EnrolmentBatch",
    "PlanAllocation",
    "PlanLine",
    "PlanTransition",
    "Programme",
    "SponsorshipRule",
    "StudyAssignment",
    "TrainingClass",
    "TrainingNeed",
    "TrainingPlan",
    "TrainingRule",
]
