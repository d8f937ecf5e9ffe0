"""docs/warehouse.md is generated from the assets; it must match the code."""

from cpb_pipeline.definitions import definitions_for
from cpb_pipeline.documentation import INDICATORS_DOC, WAREHOUSE_DOC, render_indicators, render_warehouse


def test_warehouse_doc_matches_the_code():
    assert WAREHOUSE_DOC.read_text() == render_warehouse(definitions_for()), "regenerate with: python -m cpb_pipeline.documentation"


def test_every_column_is_explained():
    blank = [line for line in render_warehouse(definitions_for()).splitlines() if line.endswith("|  |")]
    assert blank == []


def test_indicator_doc_matches_the_catalogue():
    assert INDICATORS_DOC.read_text() == render_indicators(), "regenerate with: python -m cpb_pipeline.documentation"
