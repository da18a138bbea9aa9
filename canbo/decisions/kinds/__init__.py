"""The built-in kinds: appointment and reappointment, rotation/transfer/secondment (one person or a decision
for many, with its annex), retirement, discipline, streamlining and sending to study. Each fetches its record
through the owning app's scoped selector (outside the user's units → 404), lets only the roles that may act on
the record draft it (the board, the officers of its unit → else 403) and builds the template's context.

A kind from an app above this one (the salary app's step raise) registers itself: see registry.py.
"""

from . import appointments, cases, movements  # noqa: F401 (each module registers its kinds)
