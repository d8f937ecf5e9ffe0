"""Which children a month's demo challenges may name, read from that month's raw LCS extract.

Reads only the contract's file format (docs/lcs_extract.md: CSV, UTF-8 with or without a
byte-order mark, dates `YYYY-MM-DD` or `DD/MM/YYYY`, extra columns ignored), never
another generator's internals. For a month end it gives the people in
ssd_person, the children looked after (a CLA episode open at month end) and on a
CP plan (a plan open at month end), and each child's locality, from the district
rule of docs/indicators.md: the parent of the team on the involvement open at month end
with the latest start date (ties: the greatest involvement id).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

LOCALITY_OF_DISTRICT = {
    "lancaster": "North",
    "fylde & wyre": "North",
    "preston": "Central",
    "chorley & s ribble": "Central",
    "west lancs": "Central",
    "central team": "Central",
    "burnley": "East",
    "pendle": "East",
    "rossendale": "East",
    "hyndburn & ribble valley": "East",
}
"""Lancashire's localities. Any other team parent (county-wide teams such as MASH, SEND or
Exploitation, another authority's districts, or no team) is spread over the three
localities by a stable hash of the child's id, weighted as the county's children are."""
SPREAD = (("North", 0.30), ("Central", 0.34), ("East", 0.36))


@dataclass
class MonthCohorts:
    month_end: dt.date
    persons: set[str] = field(default_factory=set)
    cla: list[str] = field(default_factory=list)
    cp: list[str] = field(default_factory=list)
    locality: dict[str, str] = field(default_factory=dict)
    cla_spells: pd.DataFrame | None = None
    cp_spells: pd.DataFrame | None = None

    def open_on(self, cohort: str, day: dt.date) -> list[str]:
        """Children of a cohort whose episode or plan was open on `day`, as this extract tells it."""
        spells = self.cla_spells if cohort == "CLA" else self.cp_spells
        if spells is None or spells.empty:
            return []
        ts = pd.Timestamp(day)
        mask = (spells["start"] <= ts) & (spells["end"].isna() | (spells["end"] > ts))
        return sorted(set(spells.loc[mask, "person"]))

    def locality_of(self, person: str) -> str:
        return self.locality.get(person) or spread_locality(person)


def spread_locality(person: str) -> str:
    point = int(hashlib.sha256(f"locality:{person}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    cumulative = 0.0
    for name, weight in SPREAD:
        cumulative += weight
        if point <= cumulative:
            return name
    return SPREAD[-1][0]


def _read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame.columns = [c.strip().strip("\ufeff").lower() for c in frame.columns]
    return frame.apply(lambda s: s.str.strip()).replace("", None)


def _dates(series: pd.Series) -> pd.Series:
    iso = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
    british = pd.to_datetime(series, format="%d/%m/%Y", errors="coerce")
    return iso.fillna(british)


def _spells(frame: pd.DataFrame, person: str, start: str, end: str) -> pd.DataFrame:
    return pd.DataFrame({"person": frame[person], "start": _dates(frame[start]), "end": _dates(frame[end])})


def _open_at(spells: pd.DataFrame, day: pd.Timestamp) -> pd.Series:
    return (spells["start"] <= day) & (spells["end"].isna() | (spells["end"] > day))


def _id_order(ids: pd.Series) -> pd.Series:
    numeric = pd.to_numeric(ids, errors="coerce")
    return numeric if numeric.notna().all() else ids


def read_month(folder: Path, month_end: dt.date) -> MonthCohorts:
    """The cohorts of one month's extract folder (`<lcs_root>/YYYY-MM`)."""
    day = pd.Timestamp(month_end)
    persons = _read(folder / "ssd_person.csv")
    cla = _spells(_read(folder / "ssd_cla_episodes.csv"), "clae_person_id", "clae_cla_episode_start_date",
                  "clae_cla_episode_ceased_date")
    cp = _spells(_read(folder / "ssd_cp_plans.csv"), "cppl_person_id", "cppl_cp_plan_start_date", "cppl_cp_plan_end_date")
    cohorts = MonthCohorts(
        month_end,
        persons=set(persons["pers_person_id"].dropna()),
        cla=sorted(set(cla.loc[_open_at(cla, day), "person"].dropna())),
        cp=sorted(set(cp.loc[_open_at(cp, day), "person"].dropna())),
        cla_spells=cla,
        cp_spells=cp,
    )
    involvements_path, department_path = folder / "ssd_involvements.csv", folder / "ssd_department.csv"
    if involvements_path.is_file() and department_path.is_file():
        invo = _read(involvements_path)
        dept = _read(department_path)
        spells = _spells(invo, "invo_person_id", "invo_involvement_start_date", "invo_involvement_end_date")
        spells["team"] = invo["invo_professional_team"]
        spells["order"] = _id_order(invo["invo_involvements_id"])
        current = spells[_open_at(spells, day) & spells["team"].notna()]
        current = current.sort_values(["person", "start", "order"]).groupby("person").tail(1)
        parents = dict(zip(dept["dept_team_id"], dept["dept_team_parent_name"]))
        for person, team in zip(current["person"], current["team"]):
            district = (parents.get(team) or "").strip().lower()
            if district in LOCALITY_OF_DISTRICT:
                cohorts.locality[person] = LOCALITY_OF_DISTRICT[district]
    return cohorts
