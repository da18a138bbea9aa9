"""The register's reports (one module each, on the report framework); importing this package registers them."""

from . import headcount, qualification_share  # noqa: F401, I001
