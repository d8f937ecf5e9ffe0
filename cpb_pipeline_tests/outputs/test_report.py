"""The HTML report and its PDF: figures equal the marts, self-contained, accessible, printable."""

import datetime as dt
import re
import zlib

import pytest

from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline_tests.outputs.readers import expected, html_cells, number
from cpb_pipeline_tests.outputs.warehouse import MONTH, OTHER

HTML = f"board_report_{MONTH}.html"
PUBLISHED = f"board_report_{MONTH}_published.html"


@pytest.fixture(scope="module")
def pages(built):
    return built.file(HTML).read_text(encoding="utf-8"), built.file(PUBLISHED).read_text(encoding="utf-8")


def _monthly_cells(html):
    """{(indicator, area, period_end): td} of the 13-month tables (the IRO summary repeats some: keep the first)."""
    out = {}
    for cell in html_cells(html):
        if "data-indicator" in cell and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell.get("data-period", "")):
            out.setdefault((cell["data-indicator"], cell["data-area"], cell["data-period"]), cell)
    return out


def test_every_figure_in_the_html_equals_the_mart(built, pages):
    internal, _ = pages
    cells = _monthly_cells(internal)
    checked = 0
    for row in built.data.monthly.itertuples():
        cell = cells[(row.indicator_id, row.area, str(row.period_end))]
        want = expected(built.data, row.indicator_id, row.area, row.period_end)
        if want is None:
            assert cell["data-state"] == "missing"
        else:
            assert number(cell["text"]) == want, (row.indicator_id, row.area, row.period_end, cell["text"])
            checked += 1
    assert checked == built.data.monthly["value"].notna().sum()
    # a month with no rows at all shows the dash
    assert cells[("cla_dental_check", "Lancaster", "2019-07-31")]["data-state"] == "missing"


def test_published_html_shows_c_where_the_pack_does_and_the_mart_figure_everywhere_else(built, pages):
    _, published = pages
    cells = _monthly_cells(published)
    hidden = {key for key, cell in cells.items() if cell["data-state"] == "suppressed"}
    assert all(cells[key]["text"] == "c" for key in hidden)
    assert ("cla", OTHER, "2018-09-30") in hidden and ("cla", "Preston", "2018-09-30") in hidden
    assert ("cp_plans", "Preston", "2019-08-31") in hidden and ("cp_plans", OTHER, "2019-08-31") not in hidden
    assert ("iro_pr_raised", "Testshire", "2019-08-31") in hidden
    for key, cell in cells.items():
        if key in hidden or cell["data-state"] == "missing":
            continue
        want = expected(built.data, key[0], key[1], dt.date.fromisoformat(key[2]))
        assert number(cell["text"]) == want, key
    # the published chart draws no suppressed month, and its description does not give it away
    chart = re.search(r'<svg[^>]*aria-labelledby="chart-iro_pr_raised-title.*?</svg>', published, re.S).group(0)
    assert "Aug-19: suppressed or no figure" in chart and "Sep-18: suppressed or no figure" in chart
    assert len(re.findall(r"<circle", chart)) == 11


def test_the_html_is_self_contained(pages):
    for html in pages:
        assert not re.search(r"https?:", html, re.I), "no web address of any kind"
        assert "<script" not in html.lower() and "<link" not in html.lower() and "<img" not in html.lower()
        assert not re.search(r"\bsrc\s*=", html, re.I)
        assert not re.search(r"@import|url\(", html, re.I)
        assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', html))
        assert "<style>" in html and html.count("<svg") == len(CATALOGUE)  # one chart a page: SPC, or the line


def test_the_html_is_accessible(pages):
    internal, _ = pages
    assert '<html lang="en-GB">' in internal and '<meta name="viewport"' in internal
    assert internal.count("<h1>") == 1
    for ind in CATALOGUE:
        assert re.search(rf'<h2 id="ind-{ind.id}-heading">{re.escape(ind.title)}</h2>', internal.replace("&#x27;", "'"))
    headers = re.findall(r"<th\b[^>]*>", internal)
    assert headers and all("scope=" in h for h in headers)
    assert internal.count("<caption>") >= 2 * len(CATALOGUE)
    for svg in re.findall(r"<svg\b[^>]*>", internal):
        assert 'role="img"' in svg and "aria-labelledby" in svg
    assert internal.count("<title id=") == internal.count("<desc id=") == len(CATALOGUE)
    # better / worse is in words, not colour alone
    assert '<td class="trend better"><span aria-hidden="true">\u25b2</span> +1.6 better</td>' in internal


def test_print_css_for_a4_landscape_page_breaks_headers_and_footer(pages):
    for html, version in zip(pages, ("INTERNAL", "PUBLISHED")):
        assert "@page { size: A4 landscape;" in html
        assert "break-before: page" in html and "thead { display: table-header-group; }" in html
        assert f'content: "Report produced by Testshire Business Intelligence \u2013 {version} version"' in html
        assert 'counter(page) " of " counter(pages)' in html
        assert html.count(f"{version} version") >= 2  # the cover and the footer
        assert "Draft commentary for the BI team to edit" in html


def test_action_plan_text_carries_no_web_address_but_keeps_the_words(pages):
    internal, _ = pages
    assert "Awaiting CCG (see example.org/plan)" in internal


def _pdf_pages(path):
    data = path.read_bytes()
    count = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            count += len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", zlib.decompress(match.group(1))))
        except zlib.error:
            pass
    return count


def test_pdf_of_each_version_with_its_page_count_in_the_metadata(built):
    meta = built.metadata(["outputs", "board_report"])
    for prefix, name in (("internal", f"board_report_{MONTH}.pdf"), ("published", f"board_report_{MONTH}_published.pdf")):
        path = built.file(name)
        assert path.read_bytes().startswith(b"%PDF") and meta[f"{prefix}_pdf"].value == str(path)
        pages = meta[f"{prefix}_pdf_pages"].value
        assert _pdf_pages(path) == pages
        # the cover and contents, a page per indicator, then the action plan, exceptions, IRO and data quality
        assert pages >= 1 + len(CATALOGUE) + 4
    assert meta["internal_html"].value == str(built.file(HTML))
