"""The daily reminders as a job: run by the queue's scheduler at REMINDERS_HOUR:REMINDERS_MINUTE (local time),
recorded as a job row like any other long work. `send_reminders` stays for a run by hand."""

from datetime import date

from canbo.jobs.registry import register

from .services import reminders_send

REMINDERS = "reminders"


def run_reminders(job, progress) -> None:
    today = date.fromisoformat(job.params["today"]) if job.params.get("today") else None
    progress("Đang tạo thông báo nhắc việc", 0, 0)
    result = reminders_send(today=today, email=job.params.get("email", True))
    job.result = {
        "reminders": result.reminders,
        "created": result.created,
        "users": result.users,
        "emailed": result.emailed,
        "failed": result.failed,
    }
    job.message = (
        f"{result.reminders} việc đến hạn; {result.created} thông báo mới cho {result.users} người dùng; "
        f"{result.emailed} thư đã gửi."
    )


register(REMINDERS, run=run_reminders)
