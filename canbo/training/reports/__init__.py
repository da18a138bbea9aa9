"""The training reports (one module each, on the report framework); importing this package registers them."""

from . import enrolments, degrees, plan, spending  # noqa: F401, I001
