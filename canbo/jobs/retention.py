"""Generated files carry personal data: they are deleted from storage after JOB_RESULT_DAYS days."""

from datetime import timedelta

from django.utils import timezone

from .models import Job


def job_results_purge(*, days: int, now=None) -> int:
    """Delete the files of jobs finished more than `days` days ago; the rows stay as the record of the work."""
    limit = (now or timezone.now()) - timedelta(days=days)
    purged = 0
    for job in Job.objects.filter(finished_at__lt=limit).exclude(result_file=""):
        job.result_file.delete(save=False)
        job.result = {**job.result, "file_purged": True}
        job.save(update_fields=["result_file", "result"])
        purged += 1
    return purged
