"""Stored files go through default_storage: the file system by default, private S3 with CANBO_STORAGE=s3."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

ROOT = Path(__file__).resolve().parents[3]
PROBE = """
import json, django
django.setup()
from django.core.files.storage import storages
s = storages["default"]
print(json.dumps({"class": type(s).__name__,
    "acl": s.default_acl, "signed": s.querystring_auth, "overwrite": s.file_overwrite,
    "bucket": s.bucket_name, "url": s.url("exports/danh sach.xlsx")}))
"""


def _production(**extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_", "CANBO_"))}
    env.pop("DATABASE_URL", None)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "canbo.dienbien.gov.vn",
            "DATABASE_URL": "postgres://canbo@db.invalid:5432/canbo",
            **extra_env,
        }
    )
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_files_are_stored_on_the_file_system_under_media_root_by_default():
    storage = storages["default"]
    assert isinstance(storage, FileSystemStorage)
    assert Path(storage.location) == Path(settings.MEDIA_ROOT)


def test_s3_storage_is_private_and_hands_out_only_signed_urls():
    result = _production(
        CANBO_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="canbo-files",
        AWS_S3_ENDPOINT_URL="https://s3.dienbien.gov.vn",
        AWS_ACCESS_KEY_ID="canbo",
        AWS_SECRET_ACCESS_KEY="secret-key-for-the-test",
        AWS_S3_REGION_NAME="vn-north-1",
    )

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert probe["class"] == "S3Storage" and probe["bucket"] == "canbo-files"
    assert probe["acl"] == "private" and probe["signed"] is True and probe["overwrite"] is False
    assert probe["url"].startswith("https://s3.dienbien.gov.vn/canbo-files/exports/danh%20sach.xlsx?")
    assert "X-Amz-Signature=" in probe["url"] and "X-Amz-Expires=300" in probe["url"]


def test_s3_storage_without_a_bucket_refuses_to_start():
    result = _production(CANBO_STORAGE="s3")

    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME" in result.stderr


def test_an_unknown_storage_refuses_to_start():
    result = _production(CANBO_STORAGE="nfs")

    assert result.returncode != 0
    assert "CANBO_STORAGE must be" in result.stderr
