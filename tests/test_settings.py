"""Settings: production passes `check --deploy`; Vietnamese first (25.944, 31/12/2019), Vietnamese only (decision 026)."""

import datetime
import os
import secrets
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import formats, translation

ROOT = Path(__file__).resolve().parent.parent


def _run_check_deploy(*, without=(), **extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "CACHE_URL"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "canbo.dienbien.gov.vn",
            "DATABASE_URL": "postgres://canbo@db.invalid:5432/canbo",
        }
    )
    env.update(extra_env)
    for key in without:
        env.pop(key)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_with_no_warning():
    result = _run_check_deploy()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _run_check_deploy(without=["DJANGO_SECRET_KEY"])

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_language_and_time_zone_are_vietnamese():
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _name in settings.LANGUAGES] == ["vi"]  # decision 026


def test_numbers_and_dates_are_formatted_the_vietnamese_way():
    with translation.override("vi"):
        assert formats.number_format(25944, force_grouping=True) == "25.944"
        assert formats.number_format(Decimal("54.3"), decimal_pos=1) == "54,3"
        assert formats.date_format(datetime.date(2019, 12, 31)) == "31/12/2019"
        assert formats.date_format(datetime.date(2019, 12, 31), "SHORT_DATE_FORMAT") == "31/12/2019"


def test_vietnamese_dates_are_accepted_in_forms():
    from django import forms

    with translation.override("vi"):
        field = forms.DateField()
        assert field.clean("31/12/2019") == datetime.date(2019, 12, 31)


def test_an_english_cookie_still_gets_vietnamese(db):
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/tai-khoan/dang-nhap/")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
