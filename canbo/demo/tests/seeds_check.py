"""What the reports print for a seed province once its files are imported: the figures of docs/reports.md's section
"Issue 14: the other seed provinces", read from the same reports (and parameters) as the commands listed there."""

from decimal import Decimal

from canbo.reports.registry import get_report


def report(name: str, **data):
    return get_report(name).execute(user=None, data=data)


def _by(result, key: str) -> dict:
    return {r.values[key]: r.values for r in result.rows}


def vinh_long() -> dict:
    window = {"from": "01/01/2021", "to": "30/06/2023"}
    venues = _by(report("training-enrolments", **window, kind="DEGREE", group="venue"), "venue_code")
    degrees = report("training-degrees", **window, measure="completed")
    political = report("training-enrolments", **window, kind="POLITICAL_THEORY")
    digital = report("training-enrolments", **window, programme="KY_NANG_SO")
    return {
        "domestic": venues.get("TRONG_NUOC", {}).get("persons", 0),
        "abroad": venues.get("NUOC_NGOAI", {}).get("persons", 0),
        "masters": degrees.meta["by_level"]["THAC_SI"],
        "doctors": degrees.meta["by_level"]["TIEN_SI"],
        "degrees": degrees.meta["persons"],
        "political": political.meta["persons"],
        "digital": digital.meta["turns"],
    }


def lai_chau() -> dict:
    window = {"from": "01/01/2011", "to": "31/12/2015"}
    forms = _by(report("training-enrolments", **window, group="form"), "form_code")
    all_turns = report("training-enrolments", **window)
    degrees = report("training-degrees", **window)
    headcount = report("headcount", on="31/12/2015")
    shares = report(
        "qualification-share", **{"from": "31/12/2010", "to": "31/12/2015"}, breakdown="group", decimals=2
    )
    university = {
        r.values["group"]: r.values
        for r in shares.rows
        if r.values["measure"] == "Chuyên môn từ đại học trở lên"
    }
    cbcc, vc = university["Cán bộ, công chức (kể cả cấp xã)"], university["Viên chức"]
    return {
        "turns": all_turns.meta["turns"],
        "training": forms["DAO_TAO"]["turns"],
        "fostering": forms["BOI_DUONG"]["turns"],
        "postgraduate": degrees.meta["persons"],
        "masters": degrees.meta["by_level"]["THAC_SI"],
        "doctors": degrees.meta["by_level"]["TIEN_SI"],
        "working": headcount.meta["total"],
        "cbcc_share": cbcc["share_d2"],
        "cbcc_change": cbcc["change"],
        "cbcc_working": cbcc["employed_d2"],
        "vc_share": vc["share_d2"],
        "vc_change": vc["change"],
        "vc_working": vc["employed_d2"],
    }


def ben_tre() -> dict:
    window = {"from": "01/01/2016", "to": "31/12/2020"}
    degrees = report("training-degrees", **window, measure="completed")
    fostered = report("training-enrolments", **window, exclude_kind="DEGREE", group="kind")
    plans = {year: report("training-plan", year=year).meta for year in range(2016, 2021)}
    return {
        "degrees": degrees.meta["persons"],
        "by_level": degrees.meta["by_level"],
        "fostered": fostered.meta["persons"],
        "kinds": sorted(r.values["kind_code"] for r in fostered.rows),
        "achieved": {
            year: (Decimal(meta["turns"]) * 100 / meta["target"]) if meta["target"] else None
            for year, meta in plans.items()
        },
        "plan_lines": {year: meta["lines"] for year, meta in plans.items()},
    }
