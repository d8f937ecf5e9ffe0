"""The view both renderers draw from: one suppression pass for the whole board, and one set of words and colours."""

import dataclasses
import datetime as dt

import pandas as pd
from openpyxl import load_workbook

from cpb_pipeline.outputs.build import board_views
from cpb_pipeline.outputs.data import CheckRecord, IroData
from cpb_pipeline.outputs.suppression import hidden_figures
from cpb_pipeline.outputs.view import build_view
from cpb_pipeline_tests.outputs.test_suppression import END, PUB, _tiny
from cpb_pipeline_tests.outputs.warehouse import MONTH

MARCH = dt.date(2019, 3, 31)


def test_one_pass_decides_everything_the_published_board_hides():
    check = CheckRecord("marts/indicator_monthly", "no_team", "WARN", False, 3, 400)
    data = dataclasses.replace(
        _tiny([("cp_plans", "authority", "Tiny", 3, None), ("cp_plans", "district", "North", 3, None),
               ("cp_plans", "district", "South", 0, None), ("cp_rate", "authority", "Tiny", 3, 20000)],
              series=[("cp_plans", 3.0), ("cp_rate", 1.5)]),
        iro=IroData(pd.DataFrame({"challenge_type": ["MA"] * 3, "category": ["a", "b", "c"], "raised": [13, 8, 5]})),
        checks=(check,),
    )  # fmt: skip
    hidden = hidden_figures(data, PUB)
    assert hidden.month("cp_plans", "North", END) and hidden.month("cp_rate", "Tiny", END)
    assert not hidden.month("cp_plans", "South", END)
    assert hidden.march("cp_plans", MARCH) and hidden.march("cp_rate", MARCH)
    assert hidden.raised("MA", "c") and hidden.raised("MA", "b") and not hidden.raised("MA", "a")
    assert not hidden.raised("MA")  # the total of 26 stays
    assert hidden.check(check, "failing_rows") and not hidden.check(check, "rows_checked")
    internal = build_view(data, published=False)
    assert not any(c.suppressed for page in internal.pages for row in page.rows for c in row.cells)
    assert [shown.text for _, shown in internal.iro.breakdowns[0].rows] == ["13", "8", "5"]
    published = build_view(data, published=True)
    assert [shown.text for _, shown in published.iro.breakdowns[0].rows] == ["13", "c", "c"]
    assert [line.failing_rows.text for line in published.quality.lines] == ["c"]


def test_the_pack_and_the_report_print_the_same_key_and_colours(built):
    _, view = board_views(built.data)
    book = load_workbook(built.file(f"board_pack_{MONTH}_published.xlsx"))
    html = built.file(f"board_report_{MONTH}_published.html").read_text(encoding="utf-8")
    texts = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert f"Key: {view.text.key}" in texts and f"Key: {view.text.key} {view.text.suppressed_key}" in texts
    assert f"<strong>Key:</strong> {view.text.key} {view.text.suppressed_key}" in html
    assert book["Contents"]["A6"].fill.fgColor.rgb == f"00{view.palette.navy}"
    assert f"--navy: #{view.palette.navy.lower()}" in html
    for brag, colour in view.palette.brag.items():
        assert f"td.brag-{brag.lower()} {{ background: #{colour.lower()}; }}" in html
