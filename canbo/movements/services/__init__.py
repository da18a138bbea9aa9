"""Writes of the appointments and movements module (every function: one transaction with its audit rows)."""

from .appointments import (
    appointment_approve,
    appointment_check,
    appointment_decide,
    appointment_extend_to_retirement,
    appointment_propose,
    appointment_withdraw,
)
from .history import APPOINTING, appointment_from_history, movement_from_history
from .movements import direction_between, movement_record, movement_record_batch
from .terms import (
    EXTENSION_NOTE,
    MAX_CONSECUTIVE_TERMS,
    appointment_actions,
    consecutive_terms,
    extension_instead,
    is_extended,
    previous_term,
    term_end_for,
)

__all__ = [
    "EXTENSION_NOTE",
    "MAX_CONSECUTIVE_TERMS",
    "appointment_actions",
    "appointment_approve",
    "appointment_check",
    "appointment_decide",
    "appointment_extend_to_retirement",
    "appointment_propose",
    "appointment_withdraw",
    "consecutive_terms",
    "direction_between",
    "extension_instead",
    "is_extended",
    "APPOINTING",
    "appointment_from_history",
    "movement_from_history",
    "movement_record",
    "movement_record_batch",
    "previous_term",
    "term_end_for",
]
