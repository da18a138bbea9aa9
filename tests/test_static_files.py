"""Every static file we ship can be collected: no reference to a file that is not there (decision 015)."""

import re
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
SOURCE_MAP = re.compile(r"[#@] sourceMappingURL=(\S+?)(?:\s*\*/)?\s*$", re.MULTILINE)


def test_no_static_file_points_to_a_missing_source_map():
    dangling = []
    for path in sorted(STATIC.rglob("*")):
        if path.suffix not in {".js", ".css"}:
            continue
        for target in SOURCE_MAP.findall(path.read_text(encoding="utf-8", errors="replace")):
            if not target.startswith("data:") and not (path.parent / target).exists():
                dangling.append(f"{path.relative_to(STATIC)} → {target}")

    assert dangling == [], "remove the sourceMappingURL line or ship the map: " + ", ".join(dangling)
