"""The demo run's 2018/19 annual summary gives the IRO annual report's figures (typed from the report)."""

from decimal import ROUND_HALF_UP, Decimal

import pytest


@pytest.fixture(scope="module")
def summary(demo_pipeline):
    frame = demo_pipeline.query("SELECT * FROM marts.iro_annual_summary WHERE financial_year = '2018/19'")
    return {(r.section, r.item): r for r in frame.itertuples()}


def _shown(value, places=1):
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def test_challenge_totals_and_splits(summary):
    assert summary[("challenges", "PR")].numerator == 421 and summary[("challenges", "MA")].numerator == 1284
    assert summary[("challenges", "all")].numerator == 1705
    assert summary[("pr_by_cohort", "CLA")].numerator == 299 and summary[("pr_by_cohort", "CP")].numerator == 122
    assert summary[("ma_by_cohort", "CLA")].numerator == 828 and summary[("ma_by_cohort", "CP")].numerator == 456
    ma = {"CLA review not recorded": 22, "Statutory visits not recorded": 19, "Pathway plan not recorded": 4,
          "Other / multiple recording issues": 55}
    for category, percent in ma.items():
        assert _shown(summary[("ma_categories", category)].value, 0) == percent, category
    levels = {"Practice Manager": 69, "Team Manager": 21, "Senior Manager": 9, "Head of Service": 1}
    for level, percent in levels.items():
        assert _shown(summary[("pr_resolution_levels", level)].value, 0) == percent, level


def test_reviews_and_caseload(summary):
    assert _shown(summary[("reviews", "cla_reviews_in_timescale")].value) == Decimal("96.8")
    assert _shown(summary[("reviews", "cla_review_participation")].value) == Decimal("99.8")
    assert _shown(summary[("reviews", "cp_reviews_in_timescale")].value) == Decimal("95.7")
    assert summary[("reviews", "cla_reviews_in_timescale")].denominator == 4727  # reviews held, as the report counts
    assert _shown(summary[("caseload", "average_caseload")].value) == Decimal("77.9")
    assert summary[("caseload", "year_end_fte")].value == 45
    assert _shown(summary[("caseload", "year_end_caseload")].value, 0) == 81
