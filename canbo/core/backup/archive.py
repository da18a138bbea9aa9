"""One backup = one .tar: the database copy, the stored files of the default storage, and manifest.json.

manifest.json (written last) names the format, the engine and its version, the Canbo and Django versions, the
time, the latest applied migration of each app, the row count of every table and the size and sha256 of the
database copy and of every stored file. A restore checks all of it before it writes anything, restores into an
empty database only, then counts the rows again and fails loudly on any difference.
"""

import hashlib
import importlib.metadata
import json
import os
import posixpath
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from . import databases as db
from .errors import BackupError

FORMAT = "canbo-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES_DIR = "files/"
DATABASE_MEMBER = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
ENGINE_LABEL = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
CHUNK = 1024 * 1024
SPOOL_BYTES = 16 * 1024 * 1024


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    size: int
    seconds: float


@dataclass
class RestoreResult:
    manifest: dict
    rows: int
    files: int
    seconds: float
    pending_migrations: list = field(default_factory=list)


def canbo_version() -> str:
    try:
        return importlib.metadata.version("canbo")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def backup_file_name(now) -> str:
    return f"canbo-backup-{timezone.localtime(now):%Y%m%d-%H%M%S}.tar"


def _target_path(output, now) -> Path:
    path = Path(output) if output else Path.cwd()
    if path.is_dir():
        path = path / backup_file_name(now)
    if not path.parent.is_dir():
        raise BackupError(f"Thư mục “{path.parent}” không tồn tại: tạo nó trước, hoặc chọn --output khác.")
    if path.exists():
        raise BackupError(f"Tệp “{path}” đã có: không ghi đè một bản sao lưu.")
    return path


def _refuse_inside_storage(path: Path, storage) -> None:
    if isinstance(storage, FileSystemStorage):
        location = Path(storage.location).resolve()
        if path.resolve().is_relative_to(location):
            raise BackupError(
                f"Không đặt bản sao lưu trong thư mục tệp lưu trữ “{location}” (MEDIA_ROOT): bản sau sẽ chứa "
                "các bản trước. Chọn --output ở thư mục khác."
            )


def _sha256_copy(source, target) -> tuple[int, str]:
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            target.write(chunk)
    return size, digest.hexdigest()


def _file_info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(time.time())
    return info


def storage_names(storage, path: str = ""):
    """Every stored file's name, walking the storage API's listdir (file system and S3 alike)."""
    try:
        dirs, files = storage.listdir(path)
    except FileNotFoundError:
        if path:
            raise
        return  # the storage's root does not exist yet: nothing stored
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for name in sorted(dirs):
        yield from storage_names(storage, posixpath.join(path, name) if path else name)


def backup_create(*, output=None, connection=None, storage=None) -> BackupResult:
    """Write one backup .tar (canbo-backup-YYYYmmdd-HHMMSS.tar when `output` is a directory)."""
    started = time.perf_counter()
    connection = connection or connections[DEFAULT_DB_ALIAS]
    storage = storage or default_storage
    engine = db.engine_of(connection)
    now = timezone.now()
    path = _target_path(output, now)
    _refuse_inside_storage(path, storage)
    partial = path.with_name(f".{path.name}.partial")
    with tempfile.TemporaryDirectory(prefix=".canbo-backup-", dir=path.parent) as work:
        dump = Path(work) / DATABASE_MEMBER[engine]
        info = db.pg_dump(connection, dump) if engine == "postgresql" else db.sqlite_dump(connection, dump)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # personal data: owner only
        try:
            with (
                os.fdopen(fd, "wb") as out,
                tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar,
            ):
                with dump.open("rb") as source:
                    size, sha = _sha256_copy(source, None)
                    source.seek(0)
                    tar.addfile(_file_info(dump.name, size), source)
                database = {"member": dump.name, "size": size, "sha256": sha}
                files = [_add_stored_file(tar, storage, name, work) for name in storage_names(storage)]
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "canbo_version": canbo_version(),
                    "django_version": django.get_version(),
                    "created_at": timezone.localtime(now).isoformat(),
                    "engine": engine,
                    "server_version_num": info["server_version_num"],
                    "database": database,
                    "migrations": info["migrations"],
                    "tables": info["tables"],
                    "storage": f"{type(storage).__module__}.{type(storage).__qualname__}",
                    "files": files,
                }
                body = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode()
                tar.addfile(_file_info(MANIFEST, len(body)), _BytesReader(body))
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    return BackupResult(path, manifest, path.stat().st_size, time.perf_counter() - started)


class _BytesReader:
    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.pos + size
        chunk, self.pos = self.data[self.pos : end], min(end, len(self.data))
        return chunk


def _add_stored_file(tar, storage, name: str, work: str) -> dict:
    with storage.open(name, "rb") as source, tempfile.SpooledTemporaryFile(SPOOL_BYTES, dir=work) as spool:
        size, sha = _sha256_copy(source, spool)
        spool.seek(0)
        tar.addfile(_file_info(FILES_DIR + name, size), spool)
    return {"name": name, "size": size, "sha256": sha}


# Restore


def _open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"Không có tệp “{path}”.")
    try:
        return tarfile.open(path, mode="r:*")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(
            f"Tệp “{path.name}” không phải bản sao lưu Canbo: không đọc được như một tệp .tar ({exc}). "
            "Tệp có thể đã hỏng hoặc chép chưa hết."
        ) from None


def _member_bytes(tar, name: str, path: Path) -> bytes | None:
    try:
        member = tar.getmember(name)
        return tar.extractfile(member).read()
    except KeyError:
        return None
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"Bản sao lưu “{path.name}” bị hỏng: không đọc được {name} ({exc}).") from None


def read_manifest(tar, path: Path) -> dict:
    raw = _member_bytes(tar, MANIFEST, path)
    if raw is None:
        raise BackupError(f"Tệp “{path.name}” không phải bản sao lưu Canbo: không có {MANIFEST}.")
    try:
        manifest = json.loads(raw)
    except ValueError:
        raise BackupError(f"Bản sao lưu “{path.name}” bị hỏng: {MANIFEST} không đọc được.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"Tệp “{path.name}” không phải bản sao lưu Canbo ({MANIFEST} của định dạng khác).")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Bản sao lưu “{path.name}” có định dạng phiên bản {manifest.get('format_version')}, phiên bản "
            f"Canbo này chỉ đọc được phiên bản {FORMAT_VERSION}."
        )
    return manifest


def _check_engine(manifest: dict, engine: str) -> None:
    if manifest.get("engine") != engine:
        source = ENGINE_LABEL.get(manifest.get("engine"), manifest.get("engine"))
        raise BackupError(
            f"Bản sao lưu này là của {source}, không khôi phục được vào cơ sở dữ liệu {ENGINE_LABEL[engine]} "
            "(DATABASE_URL)."
        )


def _check_migrations_known(manifest: dict) -> None:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations)
    for migration in loader.disk_migrations.values():
        known.update(migration.replaces or [])
    unknown = [f"{app}.{name}" for app, name in manifest["migrations"].items() if (app, name) not in known]
    if unknown:
        raise BackupError(
            f"Bản sao lưu có migration mà phiên bản Canbo này không có ({', '.join(unknown[:5])}): nó được tạo "
            f"bởi Canbo {manifest.get('canbo_version')}, mới hơn. Khôi phục bằng phiên bản đó hoặc mới hơn."
        )


def _verified_member(tar, entry: dict, path: Path, target=None) -> None:
    """Read one member, copying it to `target` if given; its size and sha256 must be the manifest's."""
    name = entry["member"] if "member" in entry else FILES_DIR + entry["name"]
    try:
        source = tar.extractfile(tar.getmember(name))
        size, sha = _sha256_copy(source, target)
    except KeyError:
        raise BackupError(f"Bản sao lưu “{path.name}” thiếu {name}: tệp bị hỏng hoặc không đủ.") from None
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupError(f"Bản sao lưu “{path.name}” bị hỏng: không đọc được {name} ({exc}).") from None
    if (size, sha) != (entry["size"], entry["sha256"]):
        raise BackupError(
            f"Bản sao lưu “{path.name}” bị hỏng: {name} không khớp mã kiểm tra (sha256) trong {MANIFEST}."
        )


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "" not in parts


def _files_to_restore(tar, storage, files: list[dict], path: Path) -> list[dict]:
    """The stored files to write; one already there with the same content is skipped, a different one refused."""
    todo = []
    for entry in files:
        if not _safe_name(entry["name"]):
            raise BackupError(f"Bản sao lưu “{path.name}” có tên tệp không hợp lệ: “{entry['name']}”.")
        if not storage.exists(entry["name"]):
            todo.append(entry)
            continue
        with storage.open(entry["name"], "rb") as existing:
            if _sha256_copy(existing, None) != (entry["size"], entry["sha256"]):
                raise BackupError(
                    f"Nơi lưu tệp đã có “{entry['name']}” với nội dung khác bản sao lưu: không ghi đè. "
                    "Khôi phục vào nơi lưu tệp trống. Không có gì bị thay đổi."
                )
    return todo


def _check_counts(connection, engine: str, manifest: dict) -> int:
    with connection.cursor() as cursor:
        actual = db.count_rows(cursor, engine)
    expected = manifest["tables"]
    problems = [
        f"{table}: {db.vn_int(expected[table]) if table in expected else 'không có'} trong bản kê, "
        f"{db.vn_int(actual[table]) if table in actual else 'không có'} sau khi khôi phục"
        for table in sorted(set(expected) | set(actual))
        if expected.get(table) != actual.get(table)
    ]
    if problems:
        raise BackupError(
            "KHÔI PHỤC KHÔNG KHỚP BẢN KÊ — không dùng cơ sở dữ liệu này: "
            + "; ".join(problems[:10])
            + (f" (và {len(problems) - 10} bảng khác)" if len(problems) > 10 else "")
            + ". Xóa cơ sở dữ liệu đích, tạo lại một cơ sở dữ liệu trống và khôi phục lại, hoặc dùng bản sao "
            "lưu khác."
        )
    return sum(actual.values())


def _pending_migrations(connection) -> list[str]:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{m.app_label}.{m.name}" for m, _backwards in plan]


def backup_restore(*, archive, connection=None, storage=None) -> RestoreResult:
    """Restore a backup into an empty database and storage; every check runs before anything is written."""
    started = time.perf_counter()
    connection = connection or connections[DEFAULT_DB_ALIAS]
    storage = storage or default_storage
    engine = db.engine_of(connection)
    path = Path(archive)
    with _open_archive(path) as tar, tempfile.TemporaryDirectory(prefix="canbo-restore-") as work:
        manifest = read_manifest(tar, path)
        _check_engine(manifest, engine)
        _check_migrations_known(manifest)
        dump = Path(work) / DATABASE_MEMBER[engine]
        with dump.open("wb") as target:
            _verified_member(tar, manifest["database"], path, target)
        for entry in manifest["files"]:
            _verified_member(tar, entry, path)
        if engine == "postgresql":
            db.pg_require_empty(connection)
        else:
            db.sqlite_require_empty(connection)
        todo = _files_to_restore(tar, storage, manifest["files"], path)
        if engine == "postgresql":
            db.pg_load(connection, dump, Path(work), manifest["server_version_num"])
        else:
            db.sqlite_load(connection, dump)
        connection.close()
        rows = _check_counts(connection, engine, manifest)
        for entry in todo:
            _restore_file(tar, storage, entry, path)
        pending = _pending_migrations(connection)
    return RestoreResult(manifest, rows, len(manifest["files"]), time.perf_counter() - started, pending)


def _restore_file(tar, storage, entry: dict, path: Path) -> None:
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as spool:
        _verified_member(tar, entry, path, spool)
        spool.seek(0)
        saved = storage.save(entry["name"], File(spool, name=posixpath.basename(entry["name"])))
    if saved != entry["name"]:
        raise BackupError(f"Nơi lưu tệp ghi “{entry['name']}” thành “{saved}”: tên tệp không giữ được.")
