"""Same seed, same bytes."""

from __future__ import annotations

import pytest

from cpb_pipeline.demo.lcs import generate_lcs_extracts
from cpb_pipeline_tests.demo_lcs.conftest import SEED


def test_same_seed_same_bytes(demo, tmp_path):
    again = generate_lcs_extracts(tmp_path, first_month="2019-07", last_month="2019-08", seed=SEED)
    assert [f.name for f in again] == ["2019-07", "2019-08"]
    for folder in again:
        for file in sorted(folder.iterdir()):
            assert file.read_bytes() == (demo.root / folder.name / file.name).read_bytes(), file.name


def test_month_range_is_checked(tmp_path):
    with pytest.raises(ValueError):
        generate_lcs_extracts(tmp_path, first_month="2018-03")
    with pytest.raises(ValueError):
        generate_lcs_extracts(tmp_path, first_month="2019-01", last_month="2018-12")
