"""After the demo run: August 2019's pack and report, internal and published, a chart on every indicator page,
and the report drawn by a real browser."""

import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from cpb_pipeline.domain.catalogue import CATALOGUE

MONTH = "2019-08"
FILES = [f"board_pack_{MONTH}.xlsx", f"board_pack_{MONTH}_published.xlsx", f"board_report_{MONTH}.html",
         f"board_report_{MONTH}_published.html", f"board_report_{MONTH}.pdf", f"board_report_{MONTH}_published.pdf"]


@pytest.fixture(scope="module")
def folder(demo_pipeline):
    return demo_pipeline.profile.paths.outputs / MONTH


def test_all_six_files_are_there(folder):
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)


@pytest.mark.parametrize("name", FILES[:2])
def test_every_indicator_sheet_has_a_native_chart_and_says_which_version_it_is(folder, name):
    book = load_workbook(folder / name)
    charted = [ws.title for ws in book.worksheets if ws._charts]
    assert len(charted) == len(CATALOGUE)
    version = "PUBLISHED" if "published" in name else "INTERNAL"
    contents = " ".join(str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value)
    assert version in contents
    assert all(version in ws.oddFooter.center.text or version in (ws.oddFooter.left.text or "") for ws in book.worksheets)


@pytest.mark.parametrize("name", FILES[:2])
def test_the_spc_summary_follows_the_contents_and_each_page_has_its_spc_chart_or_says_why_not(folder, name):
    book = load_workbook(folder / name)
    assert book.sheetnames[:2] == ["Contents", "Summary"]
    summary = [str(c.value) for row in book["Summary"].iter_rows() for c in row if c.value is not None]
    assert all(ind.title in summary for ind in CATALOGUE)
    for number, ind in enumerate(CATALOGUE, start=1):
        ws = book[f"{number:02d} {ind.id}"[:31]]
        texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        if ws.cell(5, 18).value != "SPC chart data (as shown)":  # only the published version withholds a chart
            assert "published" in name and any("SPC chart is withheld" in t for t in texts), ind.id
        else:
            assert any(t.startswith("Read as SPC over the 17 months from April 2018") for t in texts), ind.id


def test_every_page_of_the_internal_report_has_an_spc_chart(folder):
    html = (folder / f"board_report_{MONTH}.html").read_text(encoding="utf-8")
    assert html.count('<svg class="chart xmr"') == len(CATALOGUE)
    assert html.index('id="summary"') < html.index(f'id="ind-{CATALOGUE[0].id}"')


def test_the_published_pack_suppresses_small_numbers(folder):
    book = load_workbook(folder / f"board_pack_{MONTH}_published.xlsx")
    cells = [c.value for ws in book.worksheets[1:] for row in ws.iter_rows() for c in row]
    assert "c" in cells  # small district counts (EAST Team, Exploitation, Other Service Areas) are suppressed


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed (.ci/run installs it)")
@pytest.mark.parametrize("name", FILES[2:4])
def test_the_report_renders_in_chromium(folder, name, tmp_path):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(["chromium", *flags, "--dump-dom", (folder / name).as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0
    for indicator in CATALOGUE:
        assert indicator.title in dom.stdout.replace("&amp;", "&")
    assert dom.stdout.count("<svg") == len(CATALOGUE)
