"""Reading a month's extract: the variants councils really send are accepted and staged the same way."""

import datetime as dt
import tempfile

import pytest

from cpb_pipeline.runtime.privacy import load_key
from cpb_pipeline.sources.lcs.extract import load_extract
from cpb_pipeline_tests.lcs_fixtures import minimal_extract, staged_table, stored, write_extract


def _load(folder, encoding="utf-8"):
    return load_extract(folder, "2019-08", load_key(demo=True), encoding)


def _kept(folder, encoding="utf-8"):
    """Load, validate and write as the pipeline does; read back each table as stored."""
    extract = _load(folder, encoding)
    assert [o for o in extract.outcomes if not o.passed] == []
    store = stored(extract, folder.parent)
    return lambda table: staged_table(store, table)


def test_bom_crlf_uk_dates_and_code_variants_are_accepted(tmp_path):
    tables = minimal_extract()
    tables["ssd_person"][0]["pers_dob"] = "17/05/2010"
    tables["ssd_cla_episodes"][0]["clae_cla_episode_start_reason"] = " s "
    tables["ssd_cla_health"][0]["clah_health_check_type"] = "health  ASSESSMENT"
    tables["ssd_cla_health"][1]["clah_health_check_status"] = "completed "
    tables["ssd_care_leavers"][0]["clea_care_leaver_eligibility"] = "former relevant"
    tables["ssd_cla_reviews"][0]["clar_cla_review_participation"] = "pn 1"
    kept = _kept(write_extract(tmp_path / "2019-08", tables, newline="\r\n", bom=True))

    person = kept("ssd_person")
    assert person.loc[0, "pers_dob_month"] == dt.datetime(2010, 5, 1)
    assert kept("ssd_cla_episodes").loc[0, "clae_cla_episode_start_reason"] == "S"
    health = kept("ssd_cla_health")
    assert list(health["clah_health_check_type"]) == ["Health Assessment", "Dental Check"]
    assert list(health["clah_health_check_status"]) == ["Completed", "Completed"]
    assert kept("ssd_care_leavers").loc[0, "clea_care_leaver_eligibility"] == "Former Relevant"
    assert kept("ssd_cla_reviews").loc[0, "clar_cla_review_participation"] == "PN1"


@pytest.mark.parametrize(
    "written, day",
    [
        ("2019-02-11 00:00:00.000", dt.datetime(2019, 2, 11)),  # SQL Server's datetime
        ("2019-02-12 00:00:00", dt.datetime(2019, 2, 12)),
        ("2019-02-13T00:00:00", dt.datetime(2019, 2, 13)),
        ("2019-02-14 00:00:00.0000000", dt.datetime(2019, 2, 14)),  # SQL Server's datetime2
        ("2019-02-15 13:45:12.1234567", dt.datetime(2019, 2, 15)),
        ("2019-02-16T08:05:09.5", dt.datetime(2019, 2, 16)),
        ("2019-02-17 23:59:59.9999999", dt.datetime(2019, 2, 17)),  # not rounded into the 18th
        ("2019-02-18T23:59:59.999999", dt.datetime(2019, 2, 18)),
    ],
)
def test_iso_date_times_are_read_as_their_date(tmp_path, written, day):
    tables = minimal_extract()
    tables["ssd_cla_health"][0]["clah_health_check_date"] = written
    tables["ssd_person"][0]["pers_dob"] = written.replace("2019-02", "2010-05")
    kept = _kept(write_extract(tmp_path / "2019-08", tables))
    assert kept("ssd_cla_health").loc[0, "clah_health_check_date"] == day
    assert kept("ssd_person").loc[0, "pers_dob_month"] == dt.datetime(2010, 5, 1)


@pytest.mark.parametrize(
    "encoding, apostrophe",
    [("cp1252", b"\x92"), ("utf-16", "’".encode("utf-16-le")), ("utf-32", "’".encode("utf-32-le"))],
)
def test_an_extract_in_the_profiles_encoding_is_staged_as_utf_8(tmp_path, monkeypatch, encoding, apostrophe):
    tables = minimal_extract()
    tables["ssd_person"][0].update(pers_forename="Zoë", pers_surname="O’Brien")
    tables["ssd_department"][2]["dept_team_name"] = "Youth Justice – Côte"
    tables["ssd_care_leavers"][0]["clea_care_leaver_accommodation"] = "Foyer, rue de l’Église"
    folder = write_extract(tmp_path / "2019-08", tables, encoding=encoding)
    assert apostrophe in (folder / "ssd_person.csv").read_bytes()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()

    kept = _kept(folder, encoding)
    as_utf_8 = _kept(write_extract(tmp_path / "utf-8" / "2019-08", tables))

    assert kept("ssd_department").loc[2, "dept_team_name"] == "Youth Justice – Côte"
    assert kept("ssd_care_leavers").loc[0, "clea_care_leaver_accommodation"] == "Foyer, rue de l’Église"
    for table in tables:
        assert kept(table).equals(as_utf_8(table)), table
    assert list((tmp_path / "tmp").iterdir()) == []  # the UTF-8 copies DuckDB read are gone


def test_names_upns_and_exact_dates_of_birth_are_never_staged(tmp_path):
    kept = _kept(write_extract(tmp_path / "2019-08", minimal_extract()))
    person = kept("ssd_person")
    assert "pers_forename" not in person and "pers_surname" not in person and "pers_upn" not in person
    assert "pers_dob" not in person
    assert all(d.day == 1 for d in person["pers_dob_month"])
    raw_ids = {"1001", "1002", "1003"}
    for table in ("ssd_person", "ssd_involvements", "ssd_cin_plans", "ssd_cp_plans", "ssd_cla_episodes",
                  "ssd_cla_health", "ssd_care_leavers", "ssd_cla_reviews", "ssd_cp_reviews"):
        staged = kept(table).astype(str)
        assert not raw_ids & set(staged.values.ravel()), table


def test_rows_are_numbered_as_in_the_file(tmp_path):
    kept = _kept(write_extract(tmp_path / "2019-08", minimal_extract()))
    assert list(kept("ssd_person")["source_row"]) == [2, 3, 4]


def test_extra_columns_are_ignored_and_order_does_not_matter(tmp_path):
    tables = minimal_extract()
    for row in tables["ssd_department"]:
        row["dept_notes"] = "anything"
    folder = write_extract(tmp_path / "2019-08", tables)
    text = (folder / "ssd_department.csv").read_text().splitlines()
    header = text[0].split(",")
    order = [4, 3, 2, 1, 0]
    rows = [",".join(line.split(",")[i] for i in order) for line in text]
    (folder / "ssd_department.csv").write_text("\n".join(rows) + "\n")
    assert header[4] == "dept_notes"
    assert set(_kept(folder)("ssd_department")["dept_team_parent_name"]) == {"Preston", "Lancaster", "Youth Justice Service"}
