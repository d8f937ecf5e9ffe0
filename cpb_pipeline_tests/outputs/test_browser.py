"""The report renders in a real browser: headless Chromium draws the titles, tables and SVG charts."""

import shutil
import subprocess

import pytest
from PIL import Image

from cpb_pipeline.domain.catalogue import CATALOGUE
from cpb_pipeline_tests.outputs.warehouse import MONTH

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("Chromium is not installed (apt-get install -y chromium); the browser rendering test needs it")


@pytest.mark.parametrize("name", [f"board_report_{MONTH}.html", f"board_report_{MONTH}_published.html"])
def test_the_report_renders_in_headless_chromium(built, tmp_path, name):
    browser = _chromium()
    url = built.file(name).as_uri()
    common = [browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([*common, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    for ind in CATALOGUE:
        assert ind.title in dom.stdout.replace("&amp;", "&")
    assert dom.stdout.count("<svg") == len(CATALOGUE)
    assert dom.stdout.count('<path class="line" d="M') == len(CATALOGUE)
    shot = tmp_path / "shot.png"
    run = subprocess.run([*common, f"--screenshot={shot}", "--window-size=1280,2000", url],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    assert run.returncode == 0 and shot.is_file(), run.stderr[-2000:]
    with Image.open(shot) as image:
        assert image.size == (1280, 2000)
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50  # text, tables and a chart, not a blank page
        navy = sum(n for n, (r, g, b) in colours if (r, g, b) == (0x1D, 0x4F, 0x91))
        assert navy > 1000  # the headings and table headers are drawn
