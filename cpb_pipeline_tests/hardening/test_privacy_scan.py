"""No name, raw id, UPN or exact date of birth reaches the warehouse, the outputs, log lines, Dagster's event
log or its compute logs: scanned after a demo run and after a bad-input run."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline_tests.hardening.cli import env_for

TOKEN = re.compile(rb"[A-Za-z0-9]+(?:\.[0-9]+)*")  # 1795742537.3956232 is one timestamp, not an id
DATE = re.compile(rb"\b(\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4})\b")
EVENT_FILES = ("ssd_involvements", "ssd_cin_plans", "ssd_cp_plans", "ssd_cla_episodes", "ssd_cla_health",
               "ssd_care_leavers", "ssd_cla_reviews", "ssd_cp_reviews")


@dataclass
class Secrets:
    """What must never leave the input files."""

    ids: set[bytes] = field(default_factory=set)
    upns: set[bytes] = field(default_factory=set)
    names: set[tuple[bytes, bytes]] = field(default_factory=set)
    dobs: set[bytes] = field(default_factory=set)

    def read(self, extract_root: Path) -> "Secrets":
        event_dates: set[str] = set()
        for person in extract_root.glob("*/ssd_person.csv"):
            with open(person, encoding="utf-8-sig", newline="") as handle:
                for row in csv.DictReader(handle):
                    self.ids.add(row["pers_person_id"].strip().encode())
                    if row.get("pers_upn"):
                        self.upns.add(row["pers_upn"].strip().encode())
                    if row.get("pers_forename") and row.get("pers_surname"):
                        self.names.add((row["pers_forename"].strip().encode(), row["pers_surname"].strip().encode()))
                    dob = row["pers_dob"].strip()
                    if dob and not dob.endswith("-01"):
                        self.dobs.add(dob.encode())
        for name in EVENT_FILES:
            for path in extract_root.glob(f"*/{name}.csv"):
                event_dates |= set(re.findall(r"\d{4}-\d{2}-\d{2}", path.read_text(encoding="utf-8-sig")))
        # a date that is also some event's date may rightly appear; the rest can only be a date of birth
        self.dobs -= {d.encode() for d in event_dates}
        uk = {f"{d[8:10]}/{d[5:7]}/{d[0:4]}".encode() for d in (x.decode() for x in self.dobs)}
        self.dobs |= uk
        assert len(self.ids) > 1000 and self.names and self.upns and self.dobs
        return self

    def found_in(self, data: bytes) -> list[str]:
        tokens = TOKEN.findall(data)
        words = set(tokens)
        leaks = [f"id {t.decode()}" for t in words & self.ids] + [f"UPN {t.decode()}" for t in words & self.upns]
        pairs = set(zip(tokens, tokens[1:]))
        leaks += [f"name {a.decode()} {b.decode()}" for a, b in pairs & self.names]
        leaks += [f"date of birth {d.decode()}" for d in set(DATE.findall(data)) & self.dobs]
        return leaks


def _text_files(root: Path):
    for path in root.rglob("*"):
        if path.is_file() and path.suffix not in (".duckdb", ".wal", ".pdf", ".xlsx", ".png"):
            yield path


def _scan_files(secrets: Secrets, roots: list[Path]) -> dict[str, list[str]]:
    leaks = {}
    for root in roots:
        for path in _text_files(root):
            found = secrets.found_in(path.read_bytes())
            if found:
                leaks[str(path)] = found[:5]
        for book in root.rglob("*.xlsx"):
            with zipfile.ZipFile(book) as archive:
                found = secrets.found_in(b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".xml")))
            if found:
                leaks[str(book)] = found[:5]
    return leaks


def _scan_database(secrets: Secrets, path: Path) -> dict[str, list[str]]:
    leaks = {}
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "SELECT schema_name, table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE database_name = current_database()"
        ).fetchall()
        for schema, table, column, kind in columns:
            assert "dob" not in column or column == "pers_dob_month", f"{schema}.{table}.{column}"
            if kind != "VARCHAR":
                continue
            values = {v.encode() for (v,) in con.execute(f'SELECT DISTINCT "{column}" FROM {schema}.{table}').fetchall() if v}
            found = [f"value {v.decode()}" for v in values & (secrets.ids | secrets.upns)]
            found += [leak for value in values for leak in secrets.found_in(value)]  # each value on its own
            if found:
                leaks[f"{schema}.{table}.{column}"] = found[:5]
        not_first = con.execute("SELECT count(*) FROM staging.ssd_person WHERE day(pers_dob_month) <> 1").fetchone()[0]
        assert not_first == 0
    return leaks


@pytest.fixture(scope="module")
def bad_input_run(demo_pipeline, tmp_path_factory):
    """The demo's August 2019 extract with a bad code in a row that names a child, refreshed through the CLI."""
    root = tmp_path_factory.mktemp("privacy")
    profile = demo_pipeline.profile
    for folder in ("lcs", "iro", "action_plan", "reference"):
        (root / folder).mkdir()
    shutil.copytree(profile.paths.lcs_extracts / "2019-08", root / "lcs" / "2019-08")
    shutil.copy(profile.paths.iro_statistics / "iro_statistics_2019-08.xlsx", root / "iro")
    for workbook in profile.paths.action_plan.iterdir():
        shutil.copy(workbook, root / "action_plan")
    shutil.copy(REPO_ROOT / "data" / "reference" / "benchmarks.csv", root / "reference")
    text = (REPO_ROOT / "data" / "authority.yaml").read_text()
    text = text.replace("demo/lcs", "lcs").replace("demo/iro", "iro").replace("demo/action_plan", "action_plan")
    (root / "authority.yaml").write_text(text)
    episodes = root / "lcs" / "2019-08" / "ssd_cla_episodes.csv"
    lines = episodes.read_text().splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("clae_cla_episode_start_reason")] = "Z"
    lines[1] = ",".join(cells)
    episodes.write_text("\n".join(lines) + "\n")

    class Run:
        pass

    run = Run()
    run.root, run.profile_path = root, root / "authority.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "cpb_pipeline", "refresh", "--month", "2019-08"],
        capture_output=True, text=True, env=env_for(run), timeout=600,
    )
    assert done.returncode == 1 and "ssd_cla_episodes.csv row 2" in done.stderr
    run.console = (done.stdout + done.stderr).encode()
    return run


@pytest.fixture(scope="module")
def secrets(demo_pipeline) -> Secrets:
    return Secrets().read(demo_pipeline.profile.paths.lcs_extracts)


def test_the_inputs_really_carry_identifiers(secrets, demo_pipeline):
    raw = (demo_pipeline.profile.paths.lcs_extracts / "2019-08" / "ssd_person.csv").read_bytes()
    assert secrets.found_in(raw), "the scan must be able to see what it looks for"


def test_warehouse_holds_no_identifiers(secrets, demo_pipeline):
    profile = demo_pipeline.profile
    for database in (profile.paths.warehouse, profile.working_database):
        assert _scan_database(secrets, database) == {}, database


def test_outputs_hold_no_identifiers(secrets, demo_pipeline):
    outputs = demo_pipeline.profile.paths.outputs
    assert list(outputs.rglob("*.xlsx")) and list(outputs.rglob("*.html"))
    assert _scan_files(secrets, [outputs]) == {}


def test_dagster_event_and_compute_logs_hold_no_identifiers(secrets, demo_pipeline, bad_input_run):
    homes = [demo_pipeline.root / "dagster_home", bad_input_run.root / "dagster_home"]
    assert any(home.rglob("*.db") for home in homes)
    assert _scan_files(secrets, homes) == {}


def test_log_lines_of_a_bad_input_run_hold_no_identifiers(secrets, bad_input_run):
    assert secrets.found_in(bad_input_run.console) == []
    assert b"ssd_cla_episodes.csv row 2, column clae_cla_episode_start_reason" in bad_input_run.console
