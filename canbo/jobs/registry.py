"""The kinds of job, registered by the apps that own the work (in their AppConfig.ready), so the worker knows
what to run without the jobs app knowing any domain app."""

from collections.abc import Callable
from dataclasses import dataclass


class JobFailed(Exception):  # noqa: N818 - reads as "raise JobFailed(message)"
    """The work cannot be done, for a reason the user can act on; `message` is shown in Vietnamese."""

    def __init__(self, message: str, errors: list | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []


@dataclass(frozen=True)
class JobKind:
    key: str
    # run(job, progress): does the work, may set job.result / job.message / the file; raises JobFailed.
    run: Callable
    # on_failed(job): called once when the job is given up (an error, or its worker died twice).
    on_failed: Callable | None = None


_KINDS: dict[str, JobKind] = {}


def register(key: str, *, run: Callable, on_failed: Callable | None = None) -> None:
    _KINDS[key] = JobKind(key=key, run=run, on_failed=on_failed)


def kind_for(key: str) -> JobKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise JobFailed(f"Loại tác vụ “{key}” không còn được hỗ trợ.") from None
