""".env.example lists every environment variable the settings read, so an operator finds them in one file."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READ = re.compile(r"""\benv(?:\.\w+)?\(\s*["']([A-Z][A-Z0-9_]+)["']""")


def test_every_variable_the_settings_read_is_in_env_example():
    settings_files = sorted((ROOT / "config" / "settings").glob("*.py"))
    read = {name for path in settings_files for name in READ.findall(path.read_text())}
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))

    assert "DATABASE_REPLICA_URL" in read
    assert read - listed == set(), "add these to .env.example"
