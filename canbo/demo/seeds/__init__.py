"""The acceptance provinces of issue 14 (seeds 000, 002, 004) as Canbo's import workbooks.

`write_seed("004", folder)` builds a province and writes its workbook (and, for seed 000, the workbook of its yearly
training plans); it never touches the database. The files go in through the import's own doors (`import_xlsx`, the
upload page, the API) and the plans through the training plan's services (`plans.load_plans`); docs/reports.md lists
the reports that print each article's figures.
"""

from pathlib import Path

from .bentre import BenTre
from .laichau import LaiChau
from .plans import write_plans
from .vinhlong import VinhLong
from .workbook import write_workbook

ORG_SHEETS = ("org_units", "org_events")
SEEDS = {"000": ("ben-tre", BenTre), "002": ("vinh-long", VinhLong), "004": ("lai-chau", LaiChau)}


def write_seed(seed: str, folder: Path, *, scale: float = 1.0):
    """Build seed `seed` at `scale` and write its workbooks into `folder`, in the order they go in: the org tree
    (units and events), for seed 000 the yearly plans, then the persons with their whole history. Returns (paths, the
    builder, whose `expected` holds the figures the files carry)."""
    slug, builder_class = SEEDS[seed]
    builder = builder_class(scale=scale)
    rows = builder.build()
    org = {key: rows.pop(key) for key in ORG_SHEETS}
    paths = [write_workbook(Path(folder) / f"{seed}-{slug}-1-don-vi.xlsx", org)]
    if hasattr(builder, "plan_rows"):
        paths.append(write_plans(Path(folder) / f"{seed}-{slug}-2-ke-hoach.xlsx", builder.plan_rows()))
    paths.append(write_workbook(Path(folder) / f"{seed}-{slug}-3-ho-so.xlsx", rows))
    return paths, builder
