"""The 31 March series and the monthly comparison mart."""

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd

from cpb_pipeline.benchmarks.comparison import comparison_rows, position, travel
from cpb_pipeline.benchmarks.series import march_series
from cpb_pipeline.domain.catalogue import indicator
from cpb_pipeline.domain.profile import REPO_ROOT
from cpb_pipeline.sources.reference.benchmarks import read_benchmarks

D = dt.date


def _published():
    frame, outcome = read_benchmarks(REPO_ROOT / "data" / "reference", "Lancashire", "North West")
    assert outcome.passed, [f.describe() for f in outcome.findings]
    return frame.reset_index(drop=True)


def test_demo_reference_file_is_valid_and_never_repeats_a_comparator_year():
    published = _published()
    comparators = published[published["area"] != "Lancashire"]
    # the seed printed 2017/18 again as 2018/19 for the comparators; those repeats are not reference data
    assert not (comparators["period"] == "2018/19").any()
    north_west = comparators[(comparators["indicator_id"] == "cla_rate") & (comparators["area"] == "North West")]
    assert north_west.set_index("period")["value"]["2017/18"] == 91.0


def test_march_series_uses_the_computed_march_figure_where_the_extract_exists():
    published = _published()
    march = pd.DataFrame({"indicator_id": ["cla_rate"], "period_end": [D(2019, 3, 31)], "value": [85.8548]})
    series = march_series(published, march, "Lancashire")
    lancs = series[(series["indicator_id"] == "cla_rate") & (series["area"] == "Lancashire")].set_index("period")
    assert lancs.loc["2018/19", "origin"] == "computed" and lancs.loc["2018/19", "value"] == 85.8548
    assert lancs.loc["2017/18", "origin"] == "published" and lancs.loc["2017/18", "value"] == 79.2
    assert (lancs.index == "2018/19").sum() == 1


def _comparison(month, values):
    published = _published()
    series = march_series(published, pd.DataFrame(columns=["indicator_id", "period_end", "value"]), "Lancashire")
    frame = pd.DataFrame(values, columns=["indicator_id", "period_end", "value"])
    return comparison_rows(month, frame, series, "North West")


def test_comparators_show_their_latest_year_and_say_when_it_is_not_the_latest():
    rows = _comparison(D(2019, 8, 31), [("cla_health_assessment", D(2019, 8, 31), 89.7)])
    north_west = rows[rows["comparator"] == "North West"].iloc[0]
    assert (north_west["comparator_period"], north_west["comparator_value"]) == ("2017/18", 89.2)
    assert north_west["latest_year"] == "2018/19" and not north_west["comparator_is_latest_year"]
    assert "2018/19 not yet published" in north_west["comparator_note"]
    assert round(north_west["gap"], 6) == 0.5 and north_west["position"] == "similar"
    england = rows[rows["comparator"] == "England"].iloc[0]
    assert england["position"] == "better"  # 89.7 against 88.3, higher is better


def test_a_comparator_year_counts_as_latest_once_its_march_has_passed():
    rows = _comparison(D(2018, 5, 31), [("cp_rate", D(2018, 5, 31), 51.0)])
    north_west = rows[rows["comparator"] == "North West"].iloc[0]
    assert north_west["comparator_period"] == "2017/18" and north_west["comparator_is_latest_year"]
    assert north_west["comparator_note"] == "North West: 2017/18"


def test_direction_of_travel_against_last_month_and_last_year():
    rows = _comparison(
        D(2019, 8, 31),
        [("cla", D(2019, 8, 31), 2117), ("cla", D(2019, 7, 31), 2114), ("cla", D(2018, 8, 31), 2059),
         ("cla_dental_check", D(2019, 8, 31), 64.7), ("cla_dental_check", D(2019, 7, 31), 63.6),
         ("cla_dental_check", D(2018, 8, 31), 72.8)],
    )
    cla = rows[rows["indicator_id"] == "cla"].iloc[0]
    assert (cla["change_1m"], cla["travel_1m"], cla["change_12m"], cla["travel_12m"]) == (3, "up", 58, "up")
    dental = rows[rows["indicator_id"] == "cla_dental_check"].iloc[0]
    assert (dental["travel_1m"], dental["travel_12m"]) == ("improving", "worsening")


def test_position_and_travel_follow_polarity():
    caseload = indicator("iro_caseload")
    assert travel(caseload, 2.0) == "worsening" and travel(caseload, -0.04) == "no change"
    rate = indicator("cla_rate")
    assert position(rate, 85.9, 64.0) == "higher" and position(rate, 65.0, 64.0) == "similar"
    assert position(indicator("cla_health_assessment"), 80.0, 88.3) == "worse"


def test_a_bad_reference_file_names_row_column_and_rule(tmp_path: Path):
    shutil.copy(REPO_ROOT / "data" / "reference" / "benchmarks.csv", tmp_path / "benchmarks.csv")
    text = (tmp_path / "benchmarks.csv").read_text().splitlines()
    text[5] = text[5].replace(",2014-03-31,", ",2014-04-01,")
    text[6] = text[6].replace("cp_plans", "cp_plan")
    (tmp_path / "benchmarks.csv").write_text("\n".join(text) + "\n")
    frame, outcome = read_benchmarks(tmp_path, "Lancashire", "North West")
    assert frame is None
    described = sorted(f.describe() for f in outcome.findings)
    assert described == [
        "benchmarks.csv row 6, column period_end: must be the 31 March that ends the period",
        "benchmarks.csv row 7, column indicator_id: must be an indicator id listed in docs/indicators.md",
    ]
