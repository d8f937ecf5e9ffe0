"""Both versions of the board outputs: what the assets call.

`board_views` builds the INTERNAL and the PUBLISHED view of a month's `BoardData`
once; `write_board_packs` writes the Excel pack of each, `write_board_reports` the
HTML report and its PDF, into `<outputs>/YYYY-MM/`, every file through a temporary name.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cpb_pipeline.outputs.data import BoardData
from cpb_pipeline.outputs.excel import write_board_pack
from cpb_pipeline.outputs.files import output_path, write_atomically
from cpb_pipeline.outputs.html_report import render_report_html
from cpb_pipeline.outputs.pdf import PdfResult, write_pdfs
from cpb_pipeline.outputs.view import BoardView, build_view

NOT_REQUESTED = "not printed: the run asked for no PDF (a past month of a backfill)"


def board_views(data: BoardData) -> tuple[BoardView, BoardView]:
    """The internal and the published view: the pack and the report draw the same ones."""
    return build_view(data, published=False), build_view(data, published=True)


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


def write_board_packs(views: Sequence[BoardView], outputs: Path) -> list[PackFile]:
    written = []
    for view in views:
        path = output_path(outputs, view.month, "board_pack", "xlsx", published=view.published)
        sheets = write_atomically(path, lambda temporary, view=view: write_board_pack(view, temporary))
        written.append(PackFile(view.version, path, sheets))
    return written


def write_board_reports(views: Sequence[BoardView], outputs: Path, *, pdf: bool = True) -> list[ReportFiles]:
    pages = {}
    for view in views:
        html = render_report_html(view)
        month, published = view.month, view.published
        html_path = output_path(outputs, month, "board_report", "html", published=published)
        write_atomically(html_path, lambda temporary, html=html: temporary.write_text(html, encoding="utf-8"))
        pages[view.version] = (html, html_path, output_path(outputs, month, "board_report", "pdf", published=published))
    results = {version: PdfResult(None, NOT_REQUESTED) for version in pages}
    if pdf:
        temporaries = {v: final.with_name(f".{final.stem}.{os.getpid()}.tmp.pdf") for v, (_, _, final) in pages.items()}
        try:
            printed = write_pdfs([(html, temporaries[v]) for v, (html, _, _) in pages.items()])
            for (version, (_, _, final)), result in zip(pages.items(), printed):
                results[version] = result
                if result.pages is not None:
                    os.replace(temporaries[version], final)
        finally:
            for temporary in temporaries.values():
                temporary.unlink(missing_ok=True)
    written = []
    for version, (_, html_path, pdf_path) in pages.items():
        result = results[version]
        made = result.pages is not None
        if not made and pdf_path.exists():
            pdf_path.unlink()  # never leave an older month's PDF beside a newer HTML
        written.append(ReportFiles(version, html_path, pdf_path if made else None, result.pages, result.skipped))
    return written
