"""Moved to canbo.core.bulk (the Excel import uses it too); kept for the demo modules that import it here."""

from canbo.core.bulk import CHUNK, insert_rows

__all__ = ["CHUNK", "insert_rows"]
