"""The decision drafts of movements (registered from MovementsConfig.ready on the decisions registry):
appointment and reappointment, rotation/transfer/secondment (one person, or a decision for many with its annex)
and retirement. Each fetches its record through the movements' scoped selector (outside the user's units → 404)
and lets only the roles that may act on the record draft it (the board, the officers of its unit → else 403).
"""

from . import appointments, movements  # noqa: F401 (each module registers its kinds)
