"""The demo workbooks built from the seed's Action Plan pages, read back by the parser."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from cpb_pipeline.demo.action_plan import build_demo_workbooks, expected_actions
from cpb_pipeline.demo.action_plan.build import JULY_SNAPSHOT, SEED_SNAPSHOT
from cpb_pipeline.marts.action_plan import summary
from cpb_pipeline.sources.action_plan import ACTION_COLUMNS, read_action_plan

DOCS = Path(__file__).resolve().parents[2] / "docs" / "action_plan.md"
D = dt.date

# BRAG totals read from the seed (docs/action_plan.md has the same table): sheet -> objective -> (B, R, A, G)
SEED_TOTALS = {
    "Delivery Plan": {1: (0, 0, 1, 11), 2: (0, 2, 2, 11), 3: (0, 0, 1, 10), 4: (0, 0, 0, 2), 5: (1, 0, 1, 17),
                      6: (0, 0, 3, 6), 7: (1, 0, 1, 4), 8: (0, 0, 0, 1), 9: (0, 0, 0, 2)},
    "Metrics": {1: (0, 0, 0, 3), 2: (0, 7, 0, 4), 3: (0, 0, 1, 2), 5: (0, 0, 0, 3), 6: (0, 0, 1, 3), 7: (0, 0, 0, 2)},
    "Participation": {1: (0, 0, 2, 27)},
    "Completed": {1: (3, 0, 0, 0), 2: (26, 0, 0, 0), 3: (11, 0, 0, 0), 4: (6, 0, 0, 0), 5: (10, 0, 0, 0),
                  6: (1, 0, 0, 0), 7: (2, 0, 0, 0), 8: (3, 0, 0, 0), 9: (3, 0, 0, 0)},
}  # fmt: skip


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[dt.date, Path]:
    paths = build_demo_workbooks(tmp_path_factory.mktemp("demo_action_plan"))
    return {read_action_plan(p).snapshot_date: p for p in paths}


@pytest.fixture(scope="module")
def seed(built):
    return read_action_plan(built[SEED_SNAPSHOT])


@pytest.fixture(scope="module")
def july(built):
    return read_action_plan(built[JULY_SNAPSHOT])


def test_builds_two_named_snapshots(built):
    assert sorted(built) == [JULY_SNAPSHOT, SEED_SNAPSHOT]
    assert built[SEED_SNAPSHOT].name == "Corporate Parenting Delivery Plan 2019-09-11.xlsx"


def test_every_seed_action_is_read_with_its_objective_and_brag(seed):
    expected = expected_actions(SEED_SNAPSHOT)
    got = seed.actions
    assert len(got) == len(expected) == 197
    assert list(zip(got["sheet"], got["objective_number"], got["ref"], got["brag"])) == [
        (e["sheet"], e["objective_number"], e["ref"], e["brag"]) for e in expected
    ]
    assert seed.sheets_read == ("Delivery Plan", "Metrics", "Participation", "Completed")
    assert seed.sheets_skipped == ("EET Plan",)


def test_counts_per_sheet_and_objective(seed):
    counts = Counter(zip(seed.actions["sheet"], seed.actions["objective_number"]))
    assert counts == {(sheet, obj): sum(v) for sheet, objs in SEED_TOTALS.items() for obj, v in objs.items()}
    assert Counter(seed.actions["sheet"]) == {"Delivery Plan": 77, "Metrics": 26, "Participation": 29, "Completed": 65}


def test_brag_totals_match_the_documented_table(seed):
    table = summary(seed.actions)
    cells = table[table["level"] == "sheet_objective"]
    got = {
        (r.sheet, r.objective_number): (r.blue, r.red, r.amber, r.green)
        for r in cells.itertuples()
    }
    want = {(sheet, obj): v for sheet, objs in SEED_TOTALS.items() for obj, v in objs.items()}
    assert got == want
    total = table[table["level"] == "snapshot"].iloc[0]
    assert (total.blue, total.red, total.amber, total.green, total.total) == (67, 9, 13, 108, 197)
    assert _documented_totals() == want


def _documented_totals() -> dict[tuple[str, int], tuple[int, int, int, int]]:
    """The per-sheet, per-objective rows of the BRAG table in docs/action_plan.md."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("<!-- brag-totals -->")[1]
    out = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[1].isdigit():
            out[(cells[0], int(cells[1]))] = tuple(int(c) for c in cells[2:6])
    return out


def test_objective_titles_come_from_the_banners(seed):
    titles = seed.actions.drop_duplicates("objective_number").set_index("objective_number")["objective_title"]
    assert titles[1] == "Our Children and Young People have a voice in the way we deliver our services."
    assert titles[3] == "Our Care Leavers in Lancashire will have a 'Local Offer'"
    assert titles[7] == "Children and Young People will receive Financial support"
    assert titles[9] == "Children and Young People in our Care and Care leavers' achievements are celebrated"


# (sheet, objective, ref) -> (timescale as written, due date, BRAG, latest update), read off the seed text
SAMPLE = {
    ("Delivery Plan", 1, "1"): ("31/12/19", D(2019, 12, 31), "Green", D(2019, 7, 23)),  # "23 07 19 - Awaiting"
    ("Delivery Plan", 1, "9"): ("30/11/19", D(2019, 11, 30), "Green", D(2019, 7, 22)),
    ("Delivery Plan", 1, "12a"): ("30/09/19", D(2019, 9, 30), "Green", None),  # "23.019 - " is no date
    ("Delivery Plan", 1, "14"): ("01/09/19", D(2019, 9, 1), "Green", D(2019, 8, 9)),
    ("Delivery Plan", 2, "2b"): ("28/02/2020", D(2020, 2, 28), "Green", None),
    ("Delivery Plan", 2, "4a"): ("31/10/19", D(2019, 10, 31), "Green", D(2019, 8, 9)),
    ("Delivery Plan", 2, "6a-b"): ("01/02/19", D(2019, 2, 1), "Red", D(2019, 5, 15)),
    ("Delivery Plan", 2, "13e"): ("Oct-19", D(2019, 10, 31), "Green", None),  # "July 19 - ..." has no day
    ("Delivery Plan", 2, "14f"): ("Mar-19", D(2019, 3, 31), "Amber", None),
    ("Delivery Plan", 3, "3"): ("Dec 18\nMonthly monitoring\nSeptember 2020", None, "Green", D(2019, 5, 14)),
    ("Delivery Plan", 3, "6"): ("30.11.19", D(2019, 11, 30), "Green", D(2019, 7, 23)),
    ("Delivery Plan", 3, "14"): ("Apr-19", D(2019, 4, 30), "Amber", None),
    ("Delivery Plan", 5, "1c-d"): ("Jun-20", D(2020, 6, 30), "Green", None),  # BRAG merged over 1c-d and 2b
    ("Delivery Plan", 5, "2b"): (None, None, "Green", None),
    ("Delivery Plan", 5, "8"): ("31/07/19", D(2019, 7, 31), "Blue", D(2019, 8, 9)),  # "blue"
    ("Delivery Plan", 5, "13"): ("30th April 2020", D(2020, 4, 30), "Green", D(2019, 8, 9)),  # "green"
    ("Delivery Plan", 5, "19b"): ("01/04/20", D(2020, 4, 1), "Green", None),
    ("Delivery Plan", 6, "2a"): ("Jul-20", D(2020, 7, 31), "Green", D(2019, 5, 14)),
    ("Delivery Plan", 7, "3"): (None, None, "Blue", D(2019, 7, 23)),
    ("Delivery Plan", 7, "5"): ("01./03/20", D(2020, 3, 1), "Green", D(2019, 5, 14)),
    ("Delivery Plan", 7, "7a"): ("Ongoing-Mar-20", None, "Green", None),
    ("Metrics", 2, "5a"): ("Impact by Feb\n2019", None, "Red", D(2019, 5, 14)),
    ("Participation", 1, "4b"): ("18.02.19", D(2019, 2, 18), "Green", None),
    ("Participation", 1, "8c"): ("31/04/19", None, "Amber", None),  # not a calendar date
    ("Participation", 1, "15"): ("30.09.19", D(2019, 9, 30), "Green", D(2019, 7, 5)),
    ("Completed", 2, "3b"): ("01/02/19", D(2019, 2, 1), "Blue", D(2019, 4, 30)),
    ("Completed", 4, "3"): ("Spring Term 2019 -\nNov 19", None, "Blue", None),
    ("Completed", 4, "4a"): ("Sep-19", D(2019, 9, 30), "Blue", D(2019, 4, 30)),
    ("Completed", 5, "10a"): ("15/03/19", D(2019, 3, 15), "Blue", D(2019, 7, 23)),  # "05.13.19" ignored
    ("Completed", 8, "1"): ("Nov1-9", D(2019, 11, 30), "Blue", D(2019, 5, 14)),
}


@pytest.mark.parametrize("key", list(SAMPLE), ids=lambda k: "/".join(map(str, k)))
def test_sample_due_dates_and_latest_updates(seed, key):
    sheet, objective, ref = key
    actions = seed.actions
    row = actions[(actions["sheet"] == sheet) & (actions["objective_number"] == objective) & (actions["ref"] == ref)]
    assert len(row) == 1
    row = row.iloc[0]
    assert (row["timescale_text"], row["due_date"], row["brag"], row["latest_update_date"]) == SAMPLE[key]


def test_latest_note_is_the_newest_dated_note(seed):
    a = seed.actions
    row = a[(a["sheet"] == "Delivery Plan") & (a["objective_number"] == 1) & (a["ref"] == "1")].iloc[0]
    assert row["latest_note"] == "23 07 19 - Awaiting Sharon Hubber  new DCS to start"
    row = a[(a["sheet"] == "Delivery Plan") & (a["objective_number"] == 5) & (a["ref"] == "7")].iloc[0]
    assert row["latest_note"].startswith("09.08.19 VG East - There is an East plan")
    assert "09.08.19 - Meeting with Heads of Service August 2019." in row["latest_note"]


def test_warehouse_table_has_exactly_the_contract_columns(seed):
    table = seed.warehouse_table()
    assert list(table.columns) == list(ACTION_COLUMNS)
    assert set(table["brag"]) == {"Blue", "Red", "Amber", "Green"}
    assert (table["snapshot_date"] == SEED_SNAPSHOT).all()


def test_seed_warnings(seed):
    rules = {(w.sheet, w.rule): w for w in seed.warnings}
    dup = rules[("Participation", "Ref repeats within an objective")]
    assert "5a5" in dup.detail and dup.count == 2
    free = rules[("Delivery Plan", "Timescales is free text, so the action has no due date")]
    assert "7a (Ongoing-Mar-20)" in free.detail
    assert ("Participation", "Timescales looks like a date but is not a calendar date; no due date") in rules
    assert ("Delivery Plan", "action has no Responsible Service") in rules
    assert ("Completed", "Timescales read through a likely typing slip; check the cell") in rules
    assert ("EET Plan", "sheet has no action plan header row; sheet skipped") in rules


def test_workbook_layout_follows_the_seed(built):
    book = openpyxl.load_workbook(built[SEED_SNAPSHOT])
    assert book.sheetnames == ["Delivery Plan", "Metrics", "Participation", "EET Plan", "Completed"]
    ws = book["Delivery Plan"]
    assert ws["A1"].value.startswith("Corporate Parenting Strategy November 2018")
    assert ws["B3"].value == "Getting to \nGood Plan \nRef" and ws["B3"].alignment.wrap_text
    assert ws["A4"].value.startswith("Objective 1 – ") and "A4:K4" in {str(r) for r in ws.merged_cells.ranges}
    timescales = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=10) for r in range(9, 20)}
    assert isinstance(timescales["1"].value, dt.datetime) and timescales["1"].number_format == "dd/mm/yy"
    by_ref = {}
    for r in range(1, ws.max_row + 1):
        by_ref.setdefault(ws.cell(row=r, column=1).value, ws.cell(row=r, column=10))
    assert by_ref["13e"].number_format == "mmm-yy" and isinstance(by_ref["13e"].value, dt.datetime)
    texts = [ws.cell(row=r, column=10).value for r in range(1, ws.max_row + 1)]
    assert "30.11.19" in texts and " 28/02/2020" in texts and "31/04/19" not in texts
    brag_merges = [str(r) for r in ws.merged_cells.ranges if r.min_col == 11 and r.max_row > r.min_row]
    assert len(brag_merges) == 2  # 1c-d + 2b, and 19 a + 19b + 20
    assert book["Participation"]["J31"].value == "31/04/19"  # Excel keeps an impossible date as text


def test_july_snapshot_differs_plausibly(july, seed):
    assert july.snapshot_date == JULY_SNAPSHOT and len(july.actions) == 196
    a = july.actions
    key = (a["sheet"] == "Delivery Plan") & (a["objective_number"] == 2) & (a["ref"] == "4a")
    row = a[key].iloc[0]
    assert row["due_date"] == D(2019, 8, 31) and row["latest_update_date"] == D(2019, 5, 24)
    assert "09.08.19" not in row["progress"] and "07/08/19" not in row["progress"]
    assert (a["latest_update_date"].dropna() <= JULY_SNAPSHOT).all()
    assert not ((a["sheet"] == "Delivery Plan") & (a["ref"] == "12a")).any()
    assert ((a["sheet"] == "Completed") & (a["ref"] == "6c") & (a["brag"] == "Blue")).any()
    assert july.warehouse_table()["brag"].value_counts().to_dict() == {"Green": 110, "Blue": 66, "Red": 10, "Amber": 10}


def test_oracle_matches_the_yaml_for_july(july):
    expected = expected_actions(JULY_SNAPSHOT)
    got = july.actions
    assert list(zip(got["sheet"], got["objective_number"], got["ref"], got["brag"])) == [
        (e["sheet"], e["objective_number"], e["ref"], e["brag"]) for e in expected
    ]


def test_yaml_keeps_the_seed_typos():
    refs = {e["ref"] for e in expected_actions(SEED_SNAPSHOT)}
    assert {"11a1,", "4b.", "19 a", "11a1 - a4", "1C"} <= refs
    progress = "\n".join(e["progress"] or "" for e in expected_actions(SEED_SNAPSHOT))
    for typo in ("23 07 19 -", "23.019 -", "30.11..19", "05.13.19"):
        assert typo in progress
    assert re.search(r"^p  p$", progress, re.M) is None  # clipped print fragments left out
