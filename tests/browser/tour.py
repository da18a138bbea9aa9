"""The browser tour (issue 13): for one login, every menu entry and every link one level below it, checked in
Debian's chromium at 1366×768 the way an officer would see them.

Plain async Playwright, no Django: `tour(base_url, logins)` returns the problems found, one line each, so the test
(test_tour.py) and a person at a terminal (`python -m tests.browser.tour http://127.0.0.1:8000/`) read the same
list. Pages of one login are visited by a few tabs in parallel; each login has its own browser context.
"""

import asyncio
import re
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

VIEWPORT = {"width": 1366, "height": 768}
TABS_PER_LOGIN = 3
PAGE_TIMEOUT_MS = 30_000
# Taller than this (about twelve screens at 768 px) without paging is an endless page.
MAX_HEIGHT_PX = 9_000

# Pages still taller than MAX_HEIGHT_PX without paging, to be grouped, collapsed and paged by the `lists` work of
# issue 13 (endless pages). Path shapes as `shape()` writes them, with their height on the full-scale demo
# (the tour's small demo stays under the limit for most of them). Remove an entry once its page pages: the tour
# then holds it to the limit.
# Empty since 12/2026: on the full demo the tallest plan is 5.449 px, a planning term 5.882 px, and the long
# reports page their tables (60 rows, totals on every page).
ENDLESS_PAGES_TO_FIX: frozenset[str] = frozenset()
# Pages whose English is not ours to translate yet, by path (regular expressions), with the reason.
ENGLISH_PAGES_TO_FIX: dict[str, str] = {
    # Django's own admin (the system administrator's catalogues): a few of its strings ("Add link", "Model
    # name", "Show counts") are missing from Django's Vietnamese catalogue.
    r"^/quan-tri/": "Django admin",
}

# English words that a Vietnamese page may show: names of file formats and indices, not translations left out.
ENGLISH_ALLOWED = frozenset(
    {"excel", "pdf", "docx", "word", "index", "par", "sipas", "canbo", "email", "zip"}
)
# Common English words of user interfaces and technical names. Words that are also Vietnamese syllables written
# without marks ("in", "do", "can", "may", "than", "to", "ban", "long", "son", "an", "no", "hay"…) are left out.
ENGLISH_WORDS = frozenset(
    """
    the and with without from for this that these those which where when what who whom your you our are were was
    been has have had not found forbidden error errors server page pages report reports name names date dates
    year years unit units org breakdown survey surveys search save cancel delete edit create update submit next
    previous first last home login logout sign user users password username profile list view details detail
    add remove change changes history select choose all none yes null true false required field fields invalid
    value values valid enter please must should could would will total count number percent progress status
    active inactive pending approved rejected draft closed done failed running queued success warning help back
    close more less show hide filter filters sort order export import upload download file files template sheet
    row rows column columns table chart month months day days week today now start end period person persons people
    staff employee employees position rank category qualification qualifications training class classes course
    courses plan plans rating ratings campaign campaigns quota quotas award awards discipline feedback party
    member members salary appointment appointments transfer rotation retirement notification notifications job
    jobs task tasks dashboard settings admin administration site group groups permission permissions role roles
    assignment welcome loading of on is it or by at as be if into then there here some any each every other only
    also just time type types code data api json unauthorized bad request internal exception traceback debug
    django python manage command csrf token verification missing unknown level levels target targets roadmap
    breakdowns term terms post posts title titles standard standards gap gaps need needs result results response
    responses invitation invitations movement movements case cases record records decision decisions
    """.split()  # noqa: SIM905 - a word list reads better as text
)
PAGING_SELECTOR = "a[href*='page='], a[href*='cursor='], a[href*='after='], a[href*='p='], a[rel=next], .pagination, .paginator"
SKIPPED_PREFIXES = ("/static/", "/media/", "/api/", "/tai-khoan/dang-xuat")
SKIPPED_SUFFIXES = (".xlsx", ".docx", ".pdf", ".zip", ".png", ".jpg", ".jpeg", ".csv", ".json")
NUMBER = r"(\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)"
NEGATIVE_PERCENT = re.compile(r"(?<![\w+.,])[−-]\s?" + NUMBER + r"\s?%")
# Identifiers in a path: UUIDs, numbers, codes with digits, dotted names (a rule's `app.model`).
UUID_OR_DIGITS = re.compile(r"^(?:[0-9a-f]{8}-[0-9a-f-]{27}|.*[\d.].*)$")

# What the page reports about itself, measured in the page (innerText is what the user sees).
INSPECT_JS = """(selector) => {
  const text = document.body ? document.body.innerText : "";
  const progress = [];
  document.querySelectorAll("progress").forEach((el) => progress.push(String(el.value)));
  document.querySelectorAll("[data-progress]").forEach((el) => progress.push(el.getAttribute("data-progress")));
  document.querySelectorAll("table").forEach((table) => {
    const heads = Array.from(table.querySelectorAll("thead th"));
    heads.forEach((th, i) => {
      if (!/Tiến độ/i.test(th.innerText)) return;
      table.querySelectorAll("tbody tr").forEach((tr) => {
        const cell = tr.children[i];
        if (cell && cell.innerText.trim()) progress.push(cell.innerText.trim());
      });
    });
  });
  const main = document.querySelector("main") || document.body;
  const links = Array.from(main.querySelectorAll("a[href]"))
    .filter((a) => !a.hasAttribute("download"))
    .map((a) => a.href);
  return {
    text: (document.title || "") + "\\n" + text,
    height: document.documentElement.scrollHeight,
    paged: !!document.querySelector(selector),
    header: !!document.querySelector("header.topbar"),
    h1: (document.querySelector("h1") || {innerText: ""}).innerText,
    progress: progress,
    links: links,
  };
}"""
ERROR_TITLES = {403: "Không có quyền truy cập", 404: "Không tìm thấy trang"}


@dataclass
class Visit:
    url: str
    status: int | None = None
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class LoginReport:
    username: str
    visits: list[Visit] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self) -> list[str]:
        return [f"{self.username} {v.url}: {p}" for v in self.visits for p in v.problems]


def shape(url: str) -> str:
    """A page's kind: its path with identifiers replaced by *, and the names of its query parameters. The tour
    visits one page of each kind per login (every report, list and form; one profile, not every profile)."""
    parts = urlsplit(url)
    segments = ["*" if UUID_OR_DIGITS.match(s) else s for s in parts.path.split("/")]
    keys = sorted({k for k, _v in parse_qsl(parts.query, keep_blank_values=True)})
    return "/".join(segments) + (("?" + "&".join(keys)) if keys else "")


def english_words(text: str) -> list[str]:
    found = set()
    for token in re.findall(r"[^\W\d]+(?:_[^\W\d]+)*", text):
        if "_" in token:
            if token.isascii() and token.islower():
                found.add(
                    token
                )  # a technical name (roadmap_status); upper-case codes (LLCT_CAO_CAP) are ours
            continue
        word = token.lower()
        if word.isascii() and word in ENGLISH_WORDS and word not in ENGLISH_ALLOWED:
            found.add(token)
    return sorted(found)


def progress_problems(values: list[str]) -> list[str]:
    bad = []
    for raw in values:
        match = re.search(r"[−-]?\s?" + NUMBER, raw or "")
        if not match:
            continue
        number = float(match.group(0).replace("−", "-").replace(" ", "").replace(".", "").replace(",", "."))
        if number < 0 or number > 100:
            bad.append(raw)
    return bad


def wanted_link(base: str, href: str) -> bool:
    parts, home = urlsplit(href), urlsplit(base)
    if parts.scheme not in ("http", "https") or parts.netloc != home.netloc:
        return False
    path = parts.path
    return not path.startswith(SKIPPED_PREFIXES) and not path.lower().endswith(SKIPPED_SUFFIXES)


async def _inspect(page, url: str, *, menu_entry: bool) -> Visit:
    visit = Visit(url=url)
    started = time.perf_counter()
    script_errors: list[str] = []

    def on_console(msg):
        # The page's own status (a 403 or 404 checked below) is logged as a failed resource: not a script error.
        if msg.type == "error" and (msg.location or {}).get("url") != url:
            script_errors.append(msg.text)

    def on_error(exc):
        script_errors.append(str(exc))

    page.on("pageerror", on_error)
    page.on("console", on_console)
    try:
        try:
            response = await page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
        except Exception as exc:  # a download, a timeout, a refused connection: the tour says which
            message = str(exc).splitlines()[0]
            if "Download is starting" not in message:
                visit.problems.append(f"không mở được: {message}")
            return visit
        visit.status = response.status if response else None
        if response and "text/html" not in (response.headers.get("content-type") or ""):
            return visit  # a file or JSON reached by a link: not a page
        info = await page.evaluate(INSPECT_JS, PAGING_SELECTOR)
        visit.seconds = time.perf_counter() - started
    finally:
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
    visit.links = info["links"]
    status = visit.status
    if status in ERROR_TITLES and not menu_entry:
        if not info["header"] or ERROR_TITLES[status] not in info["h1"]:
            visit.problems.append(f"trang lỗi {status} không phải trang tiếng Việt của hệ thống")
    elif status != 200:
        visit.problems.append(f"mã trả về {status}" + (" (mục menu)" if menu_entry else ""))
    path = urlsplit(url).path
    english_allowed = any(re.search(pattern, path) for pattern in ENGLISH_PAGES_TO_FIX)
    words = [] if english_allowed else english_words(info["text"])
    if words:
        visit.problems.append("chữ tiếng Anh: " + ", ".join(words[:12]))
    negative = NEGATIVE_PERCENT.findall(info["text"])
    if negative:
        visit.problems.append("tỷ lệ âm: " + ", ".join(f"−{n} %" for n in negative[:5]))
    bad_progress = progress_problems(info["progress"])
    if bad_progress:
        visit.problems.append("tiến độ ngoài 0–100 %: " + ", ".join(bad_progress[:5]))
    if info["height"] > MAX_HEIGHT_PX and not info["paged"] and shape(url) not in ENDLESS_PAGES_TO_FIX:
        visit.problems.append(f"trang cao {info['height']} px, không phân trang")
    if script_errors:
        visit.problems.append("lỗi script: " + " | ".join(script_errors[:3]))
    return visit


async def _login(page, base: str, username: str, password: str) -> None:
    await page.goto(urljoin(base, "/tai-khoan/dang-nhap/?next=/"))
    await page.fill("#id_username", username)
    await page.fill("#id_password", password)
    await page.click("button[type=submit]")
    await page.wait_for_url(urljoin(base, "/"))


async def tour_login(browser, base: str, username: str, password: str) -> LoginReport:
    report = LoginReport(username=username)
    started = time.perf_counter()
    context = await browser.new_context(viewport=VIEWPORT, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        first = await context.new_page()
        await _login(first, base, username, password)
        # The header's links: the menu (drop-downs too), jobs and notifications; the logout is a form.
        entries = await first.eval_on_selector_all("header.topbar a[href]", "els => els.map((a) => a.href)")
        menu = list(dict.fromkeys(u for u in entries if wanted_link(base, u)))
        tabs = [first] + [await context.new_page() for _ in range(TABS_PER_LOGIN - 1)]
        seen = {shape(u) for u in menu}

        async def run(urls: list[str], *, menu_entry: bool) -> list[Visit]:
            queue: asyncio.Queue = asyncio.Queue()
            for u in urls:
                queue.put_nowait(u)
            visits: list[Visit] = []

            async def worker(tab):
                while not queue.empty():
                    u = queue.get_nowait()
                    visits.append(await _inspect(tab, u, menu_entry=menu_entry))

            await asyncio.gather(*(worker(tab) for tab in tabs))
            return visits

        top = await run(menu, menu_entry=True)
        below = []
        for visit in sorted(top, key=lambda v: menu.index(v.url)):
            for link in visit.links:
                link = link.split("#")[0]
                if link and wanted_link(base, link) and shape(link) not in seen:
                    seen.add(shape(link))
                    below.append(link)
        report.visits = top + await run(below, menu_entry=False)
    finally:
        await context.close()
    report.seconds = time.perf_counter() - started
    return report


async def tour(
    base: str, logins: list[tuple[str, str]], *, chromium: str = "/usr/bin/chromium"
) -> list[LoginReport]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        try:
            return [await tour_login(browser, base, user, password) for user, password in logins]
        finally:
            await browser.close()


def main(argv: list[str]) -> int:
    import os

    import django

    base = argv[1] if len(argv) > 1 else "http://127.0.0.1:8000/"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    from canbo.demo.users import DEMO_PASSWORD, DEMO_USERNAMES

    usernames = argv[2].split(",") if len(argv) > 2 else DEMO_USERNAMES
    reports = asyncio.run(tour(base, [(u, DEMO_PASSWORD) for u in usernames]))
    problems = 0
    for report in reports:
        print(f"{report.username}: {len(report.visits)} trang, {report.seconds:.1f} giây")
        for v in sorted(report.visits, key=lambda v: -v.seconds)[:5]:
            print(f"  {v.seconds:.2f} s {v.url}")
        for line in report.problems:
            print("  " + line)
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
