"""Backup and restore of Canbo: the database and the stored files in one .tar with a manifest.

`manage.py backup` and `manage.py restore` call these functions; docs/backup.md is the operator's guide.
"""

from .archive import BackupResult, RestoreResult, backup_create, backup_restore, read_manifest, storage_names
from .errors import BackupError
from .prune import backup_prune

__all__ = [
    "BackupError",
    "BackupResult",
    "RestoreResult",
    "backup_create",
    "backup_prune",
    "backup_restore",
    "read_manifest",
    "storage_names",
]
