"""Build canbo/nationaldb/data/communes.csv from thanglequoc/vietnamese-provinces-database (MIT licence), which
follows the General Statistics Office's list of administrative units (danhmuchanhchinh.nso.gov.vn).

    python tools/build_communes_csv.py SEEDS_SQL FULL_JSON > canbo/nationaldb/data/communes.csv

SEEDS_SQL: the repository's dataset-generation-scripts/resources/manual_seeds/wards/*.sql, concatenated (the
3.321 units of QĐ 19/2025/QĐ-TTg, from 01/07/2025). FULL_JSON: its json/full_json_generated_data_vn_units_*.json
(the list as now). A unit whose kind changed since 01/07/2025 gets two rows: the old one closed the day before the
change, the new one with the change's basis (CHANGES below)."""

import csv
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

REFORM = ("2025-07-01", "QĐ 19/2025/QĐ-TTg")
# province code → (in force from, basis) of later changes named by the dataset's release table
CHANGES = {"75": ("2026-04-30", "NQ 237/NQ-UBTVQH16")}
KINDS = {"Phường": "PHUONG", "Xã": "XA", "Đặc khu": "DAC_KHU"}


def main(seeds_path: str, full_path: str) -> None:
    seeds_text = Path(seeds_path).read_text(encoding="utf-8")
    provinces = json.loads(Path(full_path).read_text(encoding="utf-8"))
    seeds = {
        code: (name.replace("''", "'"), province)
        for code, name, province in re.findall(r"\('(\d+)', '((?:[^']|'')+)', '(\d+)'\)", seeds_text)
    }
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "kind", "name", "province", "valid_from", "valid_to", "basis"])
    for province in provinces:
        for ward in province["Wards"]:
            code, kind = ward["Code"], KINDS[ward["AdministrativeUnitShortName"]]
            old_name, old_province = seeds[code]
            old_kind = next(v for k, v in KINDS.items() if old_name.casefold().startswith(k.casefold() + " "))
            row = [code, kind, ward["Name"], ward["ProvinceCode"]]
            if old_kind != kind:
                since, basis = CHANGES[ward["ProvinceCode"]]
                until = (date.fromisoformat(since) - timedelta(days=1)).isoformat()
                out.writerow([code, old_kind, ward["Name"], old_province, REFORM[0], until, REFORM[1]])
                out.writerow([*row, since, "", basis])
            else:
                out.writerow([*row, REFORM[0], "", REFORM[1]])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
