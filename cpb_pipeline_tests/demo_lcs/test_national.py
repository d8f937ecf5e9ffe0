"""The national-size month: England's scale, and sound. (Its speed is measured by `make bench`.)"""

from __future__ import annotations

import pytest

from cpb_pipeline.demo.lcs import generate_national_month
from cpb_pipeline.domain.profile import load_profile
from cpb_pipeline_tests.demo_lcs import oracle
from cpb_pipeline_tests.demo_lcs.test_structure import check_sound


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    folder = generate_national_month(tmp_path_factory.mktemp("national"))
    return folder, oracle.read_month(folder)


def test_national_month_is_england_sized_and_sound(national):
    folder, frames = national
    assert folder.name == "2019-08"
    check_sound(frames)
    p = load_profile(require_inputs=False)
    fig = oracle.figures(frames, "2019-08", p.authority.name, list(p.districts), p.other_area)
    counts = {k: fig.counts[(k, p.authority.name)] for k in ("cla", "cp_plans", "cin_plans")}
    assert 70_000 <= counts["cla"] <= 95_000, counts
    assert 40_000 <= counts["cp_plans"] <= 70_000 and 50_000 <= counts["cin_plans"] <= 90_000, counts
    assert 20_000 <= fig.care_leavers["care_leavers"][0] <= 45_000
    health = oracle.percent(*fig.percents[("cla_health_assessment", p.authority.name)])
    assert 75 <= health <= 99
    assert fig.reviews["cla_due"] > 5_000 and fig.reviews["cp_due"] > 2_000
