"""The IRO marts: monthly counts, resolution levels, ageing bands and the annual summary."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cpb_pipeline.domain.calendar import month_end, months_between
from cpb_pipeline.domain.tables import Typed
from cpb_pipeline.marts.iro import annual, monthly
from cpb_pipeline.marts.iro.indicators import iro_indicator_rows
from cpb_pipeline.runtime.store import WarehouseStore
from cpb_pipeline_tests.iro.helpers import challenge, stage, write_workbook

MONTH = "2019-08"
END = month_end(MONTH)


def _con(profile):
    return WarehouseStore(profile.working_database).connect()


def _month(tmp_path, rows, month=MONTH, staffing=None):
    write_workbook(tmp_path / "iro", month, rows, staffing)
    profile, _ = stage(tmp_path, month)
    return profile


def test_challenge_counts_by_type_category_cohort_and_locality(tmp_path):
    rows = [
        challenge(1, kind="PR", category="Compliance", cohort="CLA", locality="North", raised="2019-08-05"),
        challenge(2, kind="PR", category="Compliance", cohort="CLA", locality="North", raised="2019-08-06",
                  resolved="2019-08-20", level="Team Manager"),
        challenge(3, kind="MA", category="Pathway plan not recorded", cohort="CLA", locality="East", raised="2019-06-01"),
        challenge(4, kind="MA", category="Statutory visits not recorded", cohort="CP", locality="Central",
                  raised="2019-07-01", resolved="2019-08-02"),
    ]
    profile = _month(tmp_path, rows)
    with _con(profile) as con:
        frame = monthly.challenge_counts(con, END)
        indicators = iro_indicator_rows(con, profile, END).set_index("indicator_id")["value"]
    # every valid combination: 3 measures x (4 PR + 4 MA categories) x 2 cohorts x 3 localities
    assert len(frame) == 3 * 8 * 2 * 3
    counts = frame[frame["challenges"] > 0].set_index(["measure", "challenge_type", "category", "cohort", "locality"])
    assert counts["challenges"].to_dict() == {
        ("raised", "PR", "Compliance", "CLA", "North"): 2,
        ("resolved", "PR", "Compliance", "CLA", "North"): 1,
        ("resolved", "MA", "Statutory visits not recorded", "CP", "Central"): 1,
        ("open", "PR", "Compliance", "CLA", "North"): 1,
        ("open", "MA", "Pathway plan not recorded", "CLA", "East"): 1,
    }
    raised = frame[frame["measure"] == "raised"].groupby("challenge_type")["challenges"].sum()
    assert raised["PR"] == indicators["iro_pr_raised"] and raised["MA"] == indicators["iro_ma_raised"]


def test_category_of_the_other_type_still_gets_a_row(tmp_path):
    profile = _month(tmp_path, [challenge(1, kind="MA", category="Compliance", raised="2019-08-05")])
    with _con(profile) as con:
        frame = monthly.challenge_counts(con, END)
    row = frame[(frame["measure"] == "raised") & (frame["challenge_type"] == "MA") & (frame["category"] == "Compliance")]
    assert row["challenges"].tolist() == [1]


def test_resolution_levels_of_prs_resolved_in_the_month(tmp_path):
    rows = [
        challenge(1, raised="2019-07-01", resolved="2019-08-01", level="Practice Manager"),  # 31 days
        challenge(2, raised="2019-08-01", resolved="2019-08-11", level="Practice Manager"),  # 10 days
        challenge(3, raised="2019-08-01", resolved="2019-08-31", level="Senior Manager"),
        challenge(4, raised="2019-08-01", resolved="2019-08-05"),  # no level recorded
        challenge(5, raised="2019-07-01", resolved="2019-07-30", level="Head of Service"),  # resolved in July
        challenge(6, kind="MA", raised="2019-08-01", resolved="2019-08-05"),  # MAs are not in this mart
    ]
    profile = _month(tmp_path, rows)
    with _con(profile) as con:
        frame = monthly.resolution_levels(con, END).set_index("resolution_level")
    assert frame["prs_resolved"].to_dict() == {"Practice Manager": 2, "Team Manager": 0, "Senior Manager": 1,
                                               "Head of Service": 0, "Not recorded": 1}
    assert frame.loc["Practice Manager", "percent"] == pytest.approx(50.0)
    assert frame.loc["Practice Manager", "mean_days_to_resolve"] == pytest.approx(20.5)
    assert pd.isna(frame.loc["Team Manager", "mean_days_to_resolve"])
    assert list(frame["level_order"]) == [1, 2, 3, 4, 5]


def test_resolution_levels_with_nothing_resolved(tmp_path):
    profile = _month(tmp_path, [challenge(1, raised="2019-08-01")])
    with _con(profile) as con:
        frame = monthly.resolution_levels(con, END)
    assert frame["prs_resolved"].sum() == 0 and frame["percent"].isna().all()


@pytest.mark.parametrize(
    ("raised", "band"),
    [("2019-08-31", "0-2 weeks"), ("2019-08-17", "0-2 weeks"), ("2019-08-16", "2-4 weeks"), ("2019-08-03", "2-4 weeks"),
     ("2019-08-02", "4-8 weeks"), ("2019-07-06", "4-8 weeks"), ("2019-07-05", "8+ weeks"), ("2018-09-01", "8+ weeks")],
)
def test_ageing_band_edges(tmp_path, raised, band):
    profile = _month(tmp_path, [challenge(1, kind="MA", raised=raised)])
    with _con(profile) as con:
        frame = monthly.open_ageing(con, END)
    found = frame[frame["open_challenges"] > 0]
    assert found[["challenge_type", "age_band"]].values.tolist() == [["MA", band]]


def test_ageing_over_4_weeks_equals_the_indicator(tmp_path):
    rows = [challenge(i, kind="PR" if i % 2 else "MA", raised=d) for i, d in enumerate(
        ["2019-08-30", "2019-08-10", "2019-08-02", "2019-07-15", "2019-06-01", "2019-05-01", "2019-08-03"], start=1)]
    rows.append(challenge(99, raised="2019-05-01", resolved="2019-08-31", level="Team Manager"))
    profile = _month(tmp_path, rows)
    with _con(profile) as con:
        frame = monthly.open_ageing(con, END)
        indicator = iro_indicator_rows(con, profile, END).set_index("indicator_id").loc[
            "iro_challenges_open_over_4_weeks", "value"]
    assert len(frame) == 8 and frame["open_challenges"].sum() == 7
    assert frame.loc[frame["over_4_weeks"], "open_challenges"].sum() == indicator == 4


def test_marts_are_empty_for_a_month_not_staged(tmp_path):
    profile = _month(tmp_path, [challenge(1)])
    other = month_end("2019-07")
    with _con(profile) as con:
        for compute in (monthly.challenge_counts, monthly.resolution_levels, monthly.open_ageing):
            assert compute(con, other).empty


# --- annual summary ------------------------------------------------------------------------------

YEAR = months_between("2018-04", "2019-03")


def _year(tmp_path, extra_months=()):
    """12 workbooks of 2018/19 plus `extra_months`, each holding the challenges raised in its 12-month window.

    Challenge 1 (PR, raised May 2018) is resolved in June at Team Manager level; challenge 2 (PR, raised
    March 2019) is resolved on 2 April 2019, so it is open at the year end; challenge 3 (MA) sits in every
    workbook; challenge 4 (PR, raised March 2018) is in the earlier year.
    """
    story = [
        dict(cid=1, kind="PR", category="Compliance", cohort="CLA", locality="North", raised="2018-05-10",
             resolved="2018-06-01", level="Team Manager"),
        dict(cid=2, kind="PR", category="Resource issues", cohort="CP", locality="East", raised="2019-03-20",
             resolved="2019-04-02", level="Practice Manager"),
        dict(cid=3, kind="MA", category="Other / multiple recording issues", cohort="CP", locality="Central",
             raised="2018-04-03", resolved="2018-04-20", level=None),
        dict(cid=4, kind="PR", category="Compliance", cohort="CLA", locality="North", raised="2018-03-12",
             resolved="2018-04-10", level="Senior Manager"),
        dict(cid=5, kind="PR", category="Practice issues", cohort="CLA", locality="North", raised="2018-12-03",
             resolved="2018-12-20", level="Practice Manager"),
    ]
    for i, month in enumerate([*YEAR, *extra_months]):
        end = month_end(month)
        start = dt.date(end.year - 1, end.month, 1) if end.month != 12 else dt.date(end.year, 1, 1)
        rows = []
        for c in story:
            raised = dt.date.fromisoformat(c["raised"])
            if not (start <= raised <= end):
                continue
            resolved = dt.date.fromisoformat(c["resolved"])
            known = resolved <= end
            rows.append(challenge(c["cid"], "1001", c["kind"], c["category"], c["cohort"], c["locality"], raised,
                                  resolved if known else None, c["level"] if known else None))
        write_workbook(tmp_path / "iro", month, rows, [[44.0 + (i >= 6), 1.0, round((74 + i) * (44.0 + (i >= 6)))]])
        profile, _ = stage(tmp_path, month)
    return profile


def _indicator_rows(profile, values):
    rows = [
        {"indicator_id": ind, "period_end": month_end(m), "area_type": "authority", "area": "Testshire",
         "numerator": num, "denominator": den, "value": 100 * num / den}
        for m in YEAR for ind, (num, den) in values.items()
    ]
    rows.append({"indicator_id": "cla_reviews_in_timescale", "period_end": month_end(YEAR[0]), "area_type": "district",
                 "area": "Lancaster", "numerator": 1000.0, "denominator": 1000.0, "value": 100.0})
    columns = [("indicator_id", "VARCHAR"), ("period_end", "DATE"), ("area_type", "VARCHAR"), ("area", "VARCHAR"),
               ("numerator", "DOUBLE"), ("denominator", "DOUBLE"), ("value", "DOUBLE")]
    WarehouseStore(profile.working_database).replace_tables({"marts.indicator_monthly": Typed(pd.DataFrame(rows), columns)})


def _summary(profile, year_end=dt.date(2019, 3, 31)) -> dict:
    with _con(profile) as con:
        frame = annual.annual_summary(con, profile, year_end)
    return {(r.section, r.item): (r.numerator, r.denominator, r.value, r.months) for r in frame.itertuples()}


def test_annual_summary_counts_each_challenge_once(tmp_path):
    profile = _year(tmp_path)
    s = _summary(profile)
    assert s[("challenges", "all")][0] == 4  # 1, 2, 3 and 5; challenge 4 was raised in 2017/18
    assert s[("challenges", "PR")][:2] == (3, 4) and s[("challenges", "MA")][:2] == (1, 4)
    assert s[("pr_by_cohort", "CLA")][:2] == (2, 3) and s[("ma_by_cohort", "CP")][:2] == (1, 1)
    assert s[("challenges_by_locality", "North")][:2] == (2, 4)
    assert s[("ma_categories", "Other / multiple recording issues")][2] == 100.0
    assert s[("pr_categories", "Compliance")][:2] == (1, 3)
    assert s[("challenges", "all")][3] == 12


def test_annual_resolution_levels_are_as_known_at_the_year_end(tmp_path):
    profile = _year(tmp_path, extra_months=("2019-04",))
    s = _summary(profile)
    assert s[("pr_resolution", "resolved_by_year_end")][:2] == (2, 3)
    assert s[("pr_resolution", "open_at_year_end")][:2] == (1, 3)
    assert s[("pr_resolution_levels", "Team Manager")][:2] == (1, 2)
    assert s[("pr_resolution_levels", "Practice Manager")][:2] == (1, 2)  # challenge 5 only, not April's challenge 2
    assert s[("pr_resolution_levels", "Senior Manager")][0] == 0  # challenge 4 is the earlier year's


def test_annual_caseload_is_the_mean_of_the_monthly_caseloads(tmp_path):
    profile = _year(tmp_path)
    s = _summary(profile)
    ftes = [44.0] * 6 + [45.0] * 6
    caseloads = [round((74 + i) * f) / f for i, f in enumerate(ftes)]
    assert s[("caseload", "average_caseload")][2] == pytest.approx(sum(caseloads) / 12)
    assert s[("caseload", "average_fte")][2] == pytest.approx(44.5)
    assert s[("caseload", "year_end_caseload")][:2] == (round(85 * 45.0), 45.0)
    assert s[("caseload", "year_end_agency_share")][2] == pytest.approx(100 / 45)


def test_annual_reviews_sum_numerators_and_denominators(tmp_path):
    profile = _year(tmp_path)
    _indicator_rows(profile, {"cla_reviews_in_timescale": (97.0, 100.0), "cla_review_participation": (199.0, 200.0),
                              "cp_reviews_in_timescale": (70.0, 75.0)})
    s = _summary(profile)
    assert s[("reviews", "cla_reviews_in_timescale")] == (1164.0, 1200.0, pytest.approx(97.0), 12)
    assert s[("reviews", "cp_reviews_in_timescale")][:2] == (840.0, 900.0)
    assert s[("reviews", "cla_review_participation")][2] == pytest.approx(99.5)


def test_annual_reviews_without_indicator_monthly_are_null(tmp_path):
    profile = _year(tmp_path)
    s = _summary(profile)
    num, den, value, months = s[("reviews", "cla_reviews_in_timescale")]
    assert pd.isna(value) and months == 0


def test_only_complete_years_are_summarised(tmp_path):
    profile = _year(tmp_path, extra_months=("2019-04", "2019-05"))
    with _con(profile) as con:
        assert annual.complete_years(con) == [dt.date(2019, 3, 31)]
        frame = annual.annual_summaries(con, profile)
    assert set(frame["financial_year"]) == {"2018/19"}
    assert list(frame.columns) == annual.NAMES


def test_year_end_must_be_31_march(tmp_path):
    profile = _year(tmp_path)
    with _con(profile) as con, pytest.raises(ValueError, match="31 March"):
        annual.annual_summary(con, profile, dt.date(2019, 4, 30))
