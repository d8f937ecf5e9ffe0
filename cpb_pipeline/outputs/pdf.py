"""The PDF of the board report, printed from its self-contained HTML.

Headless Chromium prints it where it is installed (about 2 s a report); otherwise
WeasyPrint does, much more slowly (its layout of some 60 pages takes tens of seconds),
so the two versions are printed side by side in separate processes, one a core. Both honour the report's print CSS (A4 landscape,
page breaks, running footer). Neither fetches anything: the report holds all it
shows, Chromium starts with background networking off and WeasyPrint's URL
fetcher refuses every request. Where neither can run, no PDF is made and the
reason goes into the asset's metadata.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
_PAGE = re.compile(rb"/Type\s*/Page[^s]")


@dataclass(frozen=True)
class PdfResult:
    pages: int | None  # None when no PDF was made
    skipped: str | None = None  # why not
    engine: str | None = None


def _refuse(url: str, *args, **kwargs):
    raise ValueError(f"the board report loads nothing from outside the file (asked for {url[:80]})")


def _chromium(jobs: list[tuple[str, Path]], browser: str) -> list[PdfResult | None]:
    """Print every (html, path) at once, one browser each: the two versions print side by side."""
    with tempfile.TemporaryDirectory(prefix="cpb-pdf-") as work:
        running = []
        for number, (html, path) in enumerate(jobs):
            page = Path(work) / f"report{number}.html"
            page.write_text(html, encoding="utf-8")
            command = [
                browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                f"--user-data-dir={work}/profile{number}", "--no-pdf-header-footer", f"--print-to-pdf={path}",
                page.as_uri(),
            ]
            try:
                running.append(subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            except OSError:
                running.append(None)
        results = []
        for process, (_, path) in zip(running, jobs):
            try:
                ok = process is not None and process.wait(timeout=180) == 0
            except subprocess.TimeoutExpired:
                process.kill()
                ok = False
            made = ok and path.exists() and path.stat().st_size > 0
            results.append(PdfResult(len(_PAGE.findall(path.read_bytes())), engine="chromium") if made else None)
    return results


def _weasyprint(html: str, path: Path) -> PdfResult:
    from weasyprint import HTML

    document = HTML(string=html, url_fetcher=_refuse).render()
    document.write_pdf(str(path))
    return PdfResult(len(document.pages), engine="weasyprint")


def _weasyprint_all(jobs: list[tuple[str, Path]]) -> list[PdfResult]:
    """Print with WeasyPrint; several jobs each in a process of its own (WeasyPrint uses one core)."""
    try:
        import weasyprint  # noqa: F401
    except Exception as exc:  # OSError for missing system libraries, ImportError when not installed
        reason = f"no Chromium, and WeasyPrint could not be imported ({type(exc).__name__}: {exc})"
        return [PdfResult(None, reason)] * len(jobs)
    if len(jobs) < 2 or (os.cpu_count() or 1) < 2:
        return [_weasyprint(html, path) for html, path in jobs]
    with tempfile.TemporaryDirectory(prefix="cpb-pdf-") as work:
        running = []
        for number, (html, path) in enumerate(jobs):
            page = Path(work) / f"report{number}.html"
            page.write_text(html, encoding="utf-8")
            running.append(subprocess.Popen([sys.executable, "-m", __name__, str(page), str(path)],
                                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True))
        results = []
        for process, (html, path) in zip(running, jobs):
            out, _ = process.communicate(timeout=600)
            pages = out.strip()
            results.append(PdfResult(int(pages), engine="weasyprint") if process.returncode == 0 and pages.isdigit()
                           else _weasyprint(html, path))  # fmt: skip
    return results


def write_pdfs(jobs: list[tuple[str, Path]]) -> list[PdfResult]:
    """Print each `(html, path)`; the page counts (or why there is no PDF), in order."""
    browser = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    printed = _chromium(jobs, browser) if browser else [None] * len(jobs)
    left = [number for number, result in enumerate(printed) if result is None]
    for number, result in zip(left, _weasyprint_all([jobs[number] for number in left])):
        printed[number] = result
    return printed  # type: ignore[return-value]


def write_pdf(html: str, path: Path) -> PdfResult:
    return write_pdfs([(html, path)])[0]


if __name__ == "__main__":  # one WeasyPrint job in its own process: `python -m cpb_pipeline.outputs.pdf page.html out.pdf`
    print(_weasyprint(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2])).pages)
