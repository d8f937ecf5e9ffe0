"""docs/warehouse.md is generated from the assets; it must match the code."""

from cpb_pipeline.definitions import defs
from cpb_pipeline.warehouse.docs import DOC, render


def test_warehouse_doc_matches_the_code():
    assert DOC.read_text() == render(defs), "regenerate with: python -m cpb_pipeline.warehouse.docs"


def test_every_column_is_explained():
    blank = [line for line in render(defs).splitlines() if line.endswith("|  |")]
    assert blank == []


def test_indicator_doc_matches_the_catalogue():
    from cpb_pipeline.marts.indicators.docs import DOC as INDICATORS, render as render_indicators

    assert INDICATORS.read_text() == render_indicators(), "regenerate: python -m cpb_pipeline.marts.indicators.docs"
