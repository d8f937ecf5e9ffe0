"""Byte-identical workbooks: the same authority and seed write the same xlsx files.

openpyxl stamps the save time into docProps/core.xml and into every zip entry; this
rewrites both to a fixed moment (the authority's last month end) after saving.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)")


def make_reproducible(path: Path, moment: dt.datetime) -> Path:
    """Rewrite a saved workbook with `moment` as its created, modified and zip entry times."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>" + stamp + rb"\g<3>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, data)
    path.write_bytes(buffer.getvalue())
    return path
