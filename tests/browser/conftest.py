"""Playwright (sync API) driving Debian's chromium; never a browser downloaded by Playwright.

Without /usr/bin/chromium the browser tests are skipped with a visible reason, unless CANBO_REQUIRE_BROWSER=1
(set by .ci/run, which installs chromium), where a missing browser fails the run.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CANBO_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"browser test needs Debian's chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)"
    if os.environ.get("CANBO_REQUIRE_BROWSER") == "1":
        pytest.fail(f"CANBO_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium_page(tmp_path):
    """A fresh headless chromium page; the browser is started and stopped around each test."""
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, timeout=60_000
        )
        try:
            context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
            context.set_default_timeout(TIMEOUT_MS)
            page = context.new_page()
            try:
                yield page
            except Exception:
                page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
                raise
            finally:
                context.close()
        finally:
            browser.close()
