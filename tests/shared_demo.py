"""A demo province shared by the tests of one xdist group (a pytest plugin: the root conftest.py loads it).

Building a demo takes seconds to over a minute, so the tests marked `xdist_group(NAME)` may get their demo from
a module-scoped fixture that calls `shared_demo(django_db_blocker, NAME, build)`: it is built on first use,
committed outside any test's transaction, and kept while the next test to run is of the same group (a test of
the group that does not read it must tolerate it, e.g. build another demo with reset=True). Every test still runs
in its own transaction, rolled back afterwards, so a test that resets or rebuilds the demo leaves it as it was.
With `--dist loadgroup` one worker runs a group's tests one after the other; as soon as the next test to run is
not one of them (or none is left), the demo is deleted again, so no other test ever sees it.
"""

import pytest


class SharedDemo:
    """The demo in the database, if any, and who uses it."""

    group = None  # the xdist group whose demo is in the database
    value = None
    blocker = None


def shared_demo(django_db_blocker, group: str, build):
    """The value of `build()` (which writes the demo), built once for the tests of the xdist group `group`."""
    if SharedDemo.group != group:
        with django_db_blocker.unblock():
            if SharedDemo.group is not None:
                _drop_shared_demo()
            SharedDemo.value = build()
        SharedDemo.group, SharedDemo.blocker = group, django_db_blocker
    return SharedDemo.value


def _drop_shared_demo():
    from canbo.demo.builder import reset_demo

    with SharedDemo.blocker.unblock():
        reset_demo()
    SharedDemo.group = SharedDemo.value = None


def _keeps_shared_demo(item) -> bool:
    return item is not None and any(
        mark.args[:1] == (SharedDemo.group,) for mark in item.iter_markers("xdist_group")
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield  # after the test's fixtures are torn down: its transaction is rolled back
    if SharedDemo.group is not None and not _keeps_shared_demo(nextitem):
        _drop_shared_demo()
