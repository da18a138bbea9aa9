"""The reports; importing this package registers them (in this order on the index and in --list)."""

from . import headcount, org_units, qualification_share  # noqa: F401, I001
from . import training_enrolments, training_degrees, training_plan, training_spending  # noqa: F401, I001
