"""Writes of the training module; each function is a transaction with its audit rows."""

from .classes import can_manage_class, class_create, class_update, enrol, enrol_bulk
from .plans import (
    ACTIONS,
    allowed_actions,
    is_drafter,
    is_overdue,
    need_submit,
    plan_allocation_set,
    plan_create,
    plan_line_delete,
    plan_line_save,
    plan_lines_from_needs,
    plan_transition,
    plan_update,
)
from .results import (
    ResultRowsError,
    can_record_result,
    enrolment_remove,
    record_result,
    record_results,
    result_errors,
)
from .study import refund_due, study_breach, study_complete, study_drop, study_propose, study_send

__all__ = [
    "ACTIONS",
    "ResultRowsError",
    "allowed_actions",
    "can_manage_class",
    "can_record_result",
    "class_create",
    "class_update",
    "enrol",
    "enrol_bulk",
    "enrolment_remove",
    "is_drafter",
    "is_overdue",
    "need_submit",
    "plan_allocation_set",
    "plan_create",
    "plan_line_delete",
    "plan_line_save",
    "plan_lines_from_needs",
    "plan_transition",
    "plan_update",
    "record_result",
    "record_results",
    "refund_due",
    "result_errors",
    "study_breach",
    "study_complete",
    "study_drop",
    "study_propose",
    "study_send",
]
