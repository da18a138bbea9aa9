"""Screenshots of the main screens at 1366×768 (issue 13), as the province board sees them in a running demo:

    python -m tests.browser.screens http://127.0.0.1:8000/ docs/screens

The dashboard, the person list, a profile, a report and the training plan, one PNG each (the first screen, as an
office PC shows it without scrolling). Debian's chromium, as the browser tests.
"""

import asyncio
import re
import sys
from pathlib import Path
from urllib.parse import urljoin

from .tour import VIEWPORT, _login

# (file, page, or (listing page, pattern of the link to follow from it))
SCREENS = [
    ("tong-quan.png", "/"),
    ("danh-sach-can-bo.png", "/can-bo/"),
    ("ho-so.png", ("/can-bo/", r"/can-bo/[0-9a-f-]{36}/$")),
    ("bao-cao-so-luong.png", "/bao-cao/headcount/"),
    ("ke-hoach-dao-tao.png", ("/dao-tao/", r"/dao-tao/ke-hoach/\d+/$")),
]


async def take(base: str, folder: Path, username: str, password: str, chromium: str) -> list[Path]:
    from playwright.async_api import async_playwright

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium, headless=True, args=["--no-sandbox"]
        )
        context = await browser.new_context(viewport=VIEWPORT, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
        page = await context.new_page()
        await _login(page, base, username, password)
        for name, target in SCREENS:
            if isinstance(target, tuple):
                listing, pattern = target
                await page.goto(urljoin(base, listing))
                hrefs = await page.eval_on_selector_all("main a[href]", "els => els.map((a) => a.href)")
                target = next(h for h in hrefs if re.search(pattern, h))
            await page.goto(urljoin(base, target), wait_until="networkidle")
            path = folder / name
            await page.screenshot(path=str(path))
            written.append(path)
        await browser.close()
    return written


def main(argv: list[str]) -> int:
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    from canbo.demo.users import DEMO_PASSWORD

    base = argv[1] if len(argv) > 1 else "http://127.0.0.1:8000/"
    folder = Path(argv[2] if len(argv) > 2 else "docs/screens")
    for path in asyncio.run(take(base, folder, "bantochuc", DEMO_PASSWORD, "/usr/bin/chromium")):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
