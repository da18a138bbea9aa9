"""The reports; importing this package registers them (in this order on the index and in --list)."""

from . import headcount, org_units, qualification_share  # noqa: F401
