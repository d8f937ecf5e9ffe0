"""docs/warehouse.md is generated from the assets; it must match the code."""

from cpb_pipeline.definitions import defs
from cpb_pipeline.warehouse.docs import DOC, render


def test_warehouse_doc_matches_the_code():
    assert DOC.read_text() == render(defs), "regenerate with: python -m cpb_pipeline.warehouse.docs"


def test_every_column_is_explained():
    blank = [line for line in render(defs).splitlines() if line.endswith("|  |")]
    assert blank == []
