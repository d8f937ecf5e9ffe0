"""Builders for IRO tests: hand-made workbooks, damaged files and tiny LCS extracts (all in tmp dirs)."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from cpb_pipeline.domain.calendar import month_end
from cpb_pipeline.domain.iro import CHALLENGES, STAFFING, file_name
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline.sources.iro.load import load_month
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, write_extract

CHALLENGE_HEADER = list(CHALLENGES.column_names)
STAFFING_HEADER = list(STAFFING.column_names)

PROFILE = """
authority: {name: Testshire, la_code: "999", region: North West}
child_population:
  - {effective_from: 2018-04-01, count: 10000}
districts: [Lancaster, Preston]
other_area: Other areas
paths: {lcs_extracts: lcs, iro_statistics: iro, action_plan: lcs, reference: lcs, warehouse: wh/cpb.duckdb, outputs: out}
demo: true
first_month: 2018-04
"""


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def challenge(cid, person="1001", kind="PR", category=None, cohort="CLA", locality="North", raised="2019-08-05",
              resolved=None, level=None) -> list[Any]:
    """One Challenges row; dates given as 'YYYY-MM-DD' strings become real dates, other values are written as given."""
    category = category or ("Compliance" if kind.strip().upper() == "PR" else "CLA review not recorded")
    as_date = lambda v: day(v) if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) else v  # noqa: E731
    return [cid, person, kind, category, cohort, locality, as_date(raised), as_date(resolved), level]


def write_workbook(
    folder: Path,
    month: str,
    rows: list[list[Any]],
    staffing: list[list[Any]] | None = None,
    *,
    header: list[str] | None = None,
    staffing_header: list[str] | None = None,
    skip_sheets: tuple[str, ...] = (),
    extra_sheets: tuple[str, ...] = (),
    name: str | None = None,
) -> Path:
    """A month's workbook: Challenges (header row 1, then `rows`) and Staffing (default one row)."""
    book = Workbook()
    book.remove(book.active)
    for title in extra_sheets[:1]:
        book.create_sheet(title)["A1"] = "Notes kept by the IRO service"
    if CHALLENGES.name not in skip_sheets:
        ws = book.create_sheet(CHALLENGES.name)
        ws.append(header or CHALLENGE_HEADER)
        for row in rows:
            ws.append(row)
    if STAFFING.name not in skip_sheets:
        ws = book.create_sheet(STAFFING.name)
        ws.append(staffing_header or STAFFING_HEADER)
        for row in staffing if staffing is not None else [[44.0, 2.0, 3300]]:
            ws.append(row)
    for title in extra_sheets[1:]:
        book.create_sheet(title)["A1"] = "Chart data"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or file_name(month))
    book.save(path)
    return path


def write_minimal_workbook(folder: Path, month: str) -> Path:
    """A valid month for `lcs_fixtures.minimal_extract`: one PR about child 1001 (looked after) and one MA about
    child 1002 (on a CP plan), both raised on the month's 1st, and a Staffing row."""
    first = month_end(month).replace(day=1)
    rows = [challenge(1, "1001", "PR", raised=first), challenge(2, "1002", "MA", cohort="CP", raised=first)]
    return write_workbook(folder, month, rows)


def set_cached_values(path: Path, sheet_index: int, cached: dict[str, Any]) -> None:
    """Give formula cells a saved result, as Excel does when it saves (openpyxl writes formulas without one)."""
    member = f"xl/worksheets/sheet{sheet_index}.xml"
    with zipfile.ZipFile(path) as archive:
        contents = {n: archive.read(n) for n in archive.namelist()}
    xml = contents[member].decode()
    for ref, value in cached.items():
        kind = ' t="str"' if isinstance(value, str) else ""
        pattern = rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>'

        def cached_cell(match, ref=ref, kind=kind, value=value):
            attributes = re.sub(r'\s+t="[^"]*"', "", match.group(1))
            return f'<c r="{ref}"{attributes}{kind}><f>{match.group(2)}</f><v>{value}</v>'

        xml, n = re.subn(pattern, cached_cell, xml)
        assert n == 1, (ref, xml[:300])
    contents[member] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)


def write_encrypted_workbook(path: Path) -> Path:
    """What Excel saves for a password-protected .xlsx: an OLE compound file (CFB v3) with the
    `EncryptionInfo` and `EncryptedPackage` streams (contents here are filler, not real encryption)."""
    sector = 512
    end_of_chain, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    info, package = b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 4088, b"\x00" * 8192
    streams = [("EncryptionInfo", info), ("EncryptedPackage", package)]
    fat = [fat_sector, end_of_chain]  # sector 0: the FAT; sector 1: the directory
    starts = []
    for _, data in streams:
        count = len(data) // sector
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [end_of_chain]
    fat += [free] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, end_of_chain, 0, end_of_chain, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", left, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
                + struct.pack("<IQ", start, size))

    directory = (
        entry("Root Entry", 5, free, free, 1, end_of_chain, 0)
        + entry("EncryptionInfo", 2, free, 2, free, starts[0], len(info))
        + entry("EncryptedPackage", 2, free, free, free, starts[1], len(package))
        + entry("", 0, free, free, free, 0, 0)
    )
    body = struct.pack("<128I", *fat) + directory + info + package
    path.write_bytes(header + body)
    return path


# --- staging without Dagster -----------------------------------------------------------------

def profile_in(root: Path):
    (root / "lcs").mkdir(parents=True, exist_ok=True)
    (root / "iro").mkdir(parents=True, exist_ok=True)
    (root / "authority.yaml").write_text(PROFILE)
    return load_profile(root / "authority.yaml")


def stage(root: Path, month: str, lcs_persons: set[str] | None = None):
    """Load `root/iro/<file>` for `month` and write it to the test warehouse; returns (profile, loaded month)."""
    profile = profile_in(root)
    loaded = load_month(profile.paths.iro_statistics, month, load_key(demo=True), lcs_persons)
    assert not loaded.blocking_failures(), [f.describe() for o in loaded.blocking_failures() for f in o.findings]
    loaded.write(WarehouseStore(profile.working_database))
    return profile, loaded


def pseudonym(value: str, namespace: str = "person") -> str:
    return load_key(demo=True).pseudonym(namespace, value)


# --- tiny LCS extracts -------------------------------------------------------------------------

LANCASHIRE_TEAMS = [
    ("T01", "Lancaster"), ("T02", "Fylde & Wyre"), ("T03", "Preston"), ("T04", "Chorley & S Ribble"),
    ("T05", "West Lancs"), ("T06", "Burnley"), ("T07", "Pendle"), ("T08", "Rossendale"),
    ("T09", "Hyndburn & Ribble Valley"), ("T10", "SEND"), ("T11", "Exploitation"),
]


def tiny_extract(n_cla: int = 30, n_cp: int = 20, teams=LANCASHIRE_TEAMS, left_care: str = "2018-10-15") -> dict:
    """minimal_extract plus `n_cla` children looked after since 2017 and `n_cp` on CP plans since 2017, each with an
    open involvement in one of `teams` (team id, parent name). The first CLA child leaves care on `left_care` but
    stays in ssd_person (its records are within 24 months)."""
    tables = minimal_extract()
    tables["ssd_department"] += [
        {"dept_team_id": tid, "dept_team_name": f"{parent} team", "dept_team_parent_id": f"D{tid}",
         "dept_team_parent_name": parent}
        for tid, parent in teams
    ]
    for i in range(n_cla + n_cp):
        pid = str(2000 + i)
        tables["ssd_person"].append({"pers_person_id": pid, "pers_sex": "F" if i % 2 else "M",
                                     "pers_dob": f"{2004 + i % 12}-0{1 + i % 9}-15", "pers_ethnicity": "WBRI"})
        tables["ssd_involvements"].append({
            "invo_involvements_id": f"I{pid}", "invo_person_id": pid, "invo_professional_team": teams[i % len(teams)][0],
            "invo_professional_role_id": "SW", "invo_involvement_start_date": "2017-02-01", "invo_involvement_end_date": "",
        })
        if i < n_cla:
            tables["ssd_cla_episodes"].append({
                "clae_cla_episode_id": f"E{pid}", "clae_person_id": pid, "clae_cla_episode_start_date": "2017-03-01",
                "clae_cla_episode_start_reason": "S", "clae_cla_episode_ceased_date": left_care if i == 0 else "",
                "clae_cla_episode_ceased_reason": "E11" if i == 0 else "", "clae_cla_id": f"L{pid}",
                "clae_entered_care_date": "2017-03-01",
            })
        else:
            tables["ssd_cp_plans"].append({
                "cppl_cp_plan_id": f"P{pid}", "cppl_person_id": pid, "cppl_cp_plan_start_date": "2017-06-01",
                "cppl_cp_plan_end_date": "", "cppl_cp_plan_initial_category": "NEG", "cppl_cp_plan_latest_category": "NEG",
            })
    return tables


def write_lcs_months(root: Path, months: list[str], **kwargs) -> Path:
    """The same tiny extract in every month folder (`root/YYYY-MM`)."""
    tables = tiny_extract(**kwargs)
    for month in months:
        write_extract(root / month, tables)
    return root
