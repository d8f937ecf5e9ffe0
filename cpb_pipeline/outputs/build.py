"""Both versions of the board outputs from one `BoardData`: what the assets call.

`write_board_packs` writes the Excel pack, `write_board_reports` the HTML report
and its PDF; each writes the INTERNAL and the PUBLISHED version into
`<outputs>/YYYY-MM/`, every file through a temporary name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cpb_pipeline.outputs.data import BoardData
from cpb_pipeline.outputs.excel import write_board_pack
from cpb_pipeline.outputs.files import output_path, write_atomically
from cpb_pipeline.outputs.html_report import render_report_html
from cpb_pipeline.outputs.pdf import PdfResult, write_pdf
from cpb_pipeline.outputs.view import INTERNAL, PUBLISHED, build_view

VERSIONS = ((INTERNAL, False), (PUBLISHED, True))


@dataclass(frozen=True)
class PackFile:
    version: str
    path: Path
    sheets: int


@dataclass(frozen=True)
class ReportFiles:
    version: str
    html: Path
    pdf: Path | None
    pdf_pages: int | None
    pdf_skipped: str | None


def write_board_packs(data: BoardData, outputs: Path) -> list[PackFile]:
    written = []
    for version, published in VERSIONS:
        view = build_view(data, published=published)
        path = output_path(outputs, data.month, "board_pack", "xlsx", published=published)
        sheets = write_atomically(path, lambda temporary, view=view: write_board_pack(view, temporary))
        written.append(PackFile(version, path, sheets))
    return written


def write_board_reports(data: BoardData, outputs: Path, *, pdf: bool = True) -> list[ReportFiles]:
    written = []
    for version, published in VERSIONS:
        html = render_report_html(build_view(data, published=published))
        html_path = output_path(outputs, data.month, "board_report", "html", published=published)
        write_atomically(html_path, lambda temporary: temporary.write_text(html, encoding="utf-8"))
        result = PdfResult(None, "PDF not requested")
        pdf_path = output_path(outputs, data.month, "board_report", "pdf", published=published)
        if pdf:
            result = write_atomically(pdf_path, lambda temporary: write_pdf(html, temporary))
        made = result.pages is not None
        if not made and pdf_path.exists():
            pdf_path.unlink()  # never leave an older month's PDF beside a newer HTML
        written.append(ReportFiles(version, html_path, pdf_path if made else None, result.pages, result.skipped))
    return written
