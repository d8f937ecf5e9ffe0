"""A fictional authority's folder is read by the project's own loaders without a blocking finding."""

from __future__ import annotations

import csv

from cpb_pipeline.demo.synthetic import FENMOOR, MARLOWSHIRE
from cpb_pipeline.domain.calendar import months_between
from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline.domain.lcs import TABLES
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.action_plan import read_action_plan
from cpb_pipeline.sources.iro.load import load_month
from cpb_pipeline.sources.lcs.extract import load_extract
from cpb_pipeline.sources.reference.benchmarks import COLUMNS, read_benchmarks
from cpb_pipeline_tests.synthetic.conftest import MONTHS


def test_profile_loads(written):
    authority, path = written
    profile = load_profile(path)
    assert profile.authority.name == authority.name
    assert profile.authority.region == authority.region
    assert profile.districts == list(authority.districts)
    assert profile.demo
    assert profile.first_month == authority.first_month
    assert profile.authority.statistical_neighbours == list(authority.statistical_neighbours)
    assert profile.targets == dict(authority.targets)
    if authority.targets:
        assert "illustrative" in path.read_text(encoding="utf-8").split("authority:")[0]


def test_marlowshire_has_two_illustrative_targets_and_fenmoor_none():
    assert dict(MARLOWSHIRE.targets) == {"cla_health_assessment": 90.0, "cla_reviews_in_timescale": 95.0}
    assert FENMOOR.targets == ()


def test_every_month_loads_without_blocking_failures(written):
    authority, path = written
    profile = load_profile(path)
    key = load_key(demo=True)
    for month in months_between(*MONTHS):
        folder = profile.paths.lcs_extracts / month
        with (folder / "ssd_person.csv").open(encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert header == [*TABLES[0].column_names, "pers_forename", "pers_surname", "pers_upn"]
        extract = load_extract(folder, month, key)
        try:
            assert extract.blocking_failures() == [], month
            assert set(extract.frames) == {t.name for t in TABLES}
            persons = set(extract.frames["ssd_person"]["pers_person_id"])
        finally:
            extract.close()
        iro = load_month(profile.paths.iro_statistics, month, key, persons)
        assert iro.blocking_failures() == [], month
        assert iro.outcome("iro_challenges", "children_in_lcs_extract").passed, month
        assert len(iro.frames["iro_staffing"]) == 1


def test_action_plan_reads(written):
    _, path = written
    profile = load_profile(path)
    (workbook,) = profile.paths.action_plan.glob("*.xlsx")
    snapshot = read_action_plan(workbook)  # raises InputError on any blocking finding
    assert 20 <= len(snapshot.actions) <= 30
    assert set(snapshot.actions["brag"]) <= {"Blue", "Red", "Amber", "Green"}
    assert {1, 2, 3, 4, 5, 6} == set(snapshot.actions["objective_number"])


def test_benchmarks_cover_every_comparator(written, tmp_path):
    authority, path = written
    profile = load_profile(path)
    with (profile.paths.reference / "benchmarks.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == COLUMNS
    expected = {i.id for i in CATALOGUE if i.comparators}
    areas = {authority.name, authority.region, "England", "Statistical neighbours"}
    assert {(r["indicator_id"], r["area"], r["period"]) for r in rows} == {
        (i, a, p) for i in expected for a in areas for p in ("2016/17", "2017/18", "2018/19")
    }
    assert all(r["source"] == f"Synthetic benchmark for the fictional demo authority {authority.name}" for r in rows)
    frame, outcome = read_benchmarks(profile.paths.reference, authority.name, authority.region)
    assert outcome.findings == [] and frame is not None
