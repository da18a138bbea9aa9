"""A real Huey worker for test_worker.py: the project's consumer plus one slow job kind to kill mid-way.

Run as `python canbo/jobs/tests/worker_main.py` from the repository root, with the environment the test sets."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from canbo.jobs.registry import register  # noqa: E402


def slow(job, progress):
    steps = int(job.params.get("steps", 20))
    for step in range(1, steps + 1):
        time.sleep(0.25)
        progress("Đang chạy chậm", step, steps, unit="bước")
    job.message = f"Xong {steps} bước."


register("test-slow", run=slow)
call_command("run_huey", workers=1, worker_type="thread")
