"""Opening a council's .xlsx workbook (the IRO statistics, the action plan), or saying in one Finding why not.

Both workbooks are opened here, with one error protocol: a file that cannot be a
workbook (missing, locked, password-protected, the old .xls format, not a zip,
corrupt) raises an `InputError` naming the file and the reason; no openpyxl
traceback reaches the operator. The values Excel saved are read (a formula reads
as its cached result); when a sheet holds formulas the workbook is opened a
second time for the formulas themselves, so that a formula Excel never
calculated can be named instead of being read as a blank.
"""

from __future__ import annotations

import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from cpb_pipeline.domain.errors import Finding, InputError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
UNREADABLE = "workbook cannot be read: the file is corrupt or not a valid .xlsx"


@dataclass
class OpenWorkbook:
    values: Workbook
    formulas: Workbook | None
    """The same workbook with formulas as written; None when no sheet holds a formula."""

    def close(self) -> None:
        for book in (self.values, self.formulas):
            if book is not None:
                book.close()


def _problem(path: Path, missing: str) -> Finding | None:
    """Why the file cannot be a workbook, judged from its bytes; None when it may be one."""
    name = path.name
    if not path.is_file():
        return Finding(name, missing, detail=f"expected at {path}")
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        return Finding(name, "workbook cannot be opened (in use, or no permission to read it)", detail=type(exc).__name__)
    if head == OLE_SIGNATURE:
        if any(stream in path.read_bytes() for stream in _ENCRYPTION_STREAMS):
            return Finding(name, "workbook is password-protected: save a copy without a password and run again")
        return Finding(name, "workbook is in the old Excel 97-2003 (.xls) format: save it as an Excel Workbook (.xlsx)")
    if not zipfile.is_zipfile(path):
        return Finding(name, "not an Excel workbook (.xlsx): the file is corrupt or of another type")
    return None


def _has_formulas(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = archive.read(name)
                if b"<f>" in data or b"<f " in data or b":f>" in data or b":f " in data:
                    return True
    return False


def open_workbook(path: Path, *, missing: str, read_only: bool = False) -> OpenWorkbook:
    """Open `path`, or raise an InputError that says why not; `missing` is the rule when the file is absent.

    `read_only` streams the cells (fast, no merged ranges); the action plan needs merged ranges, so it reads whole."""
    problem = _problem(path, missing)
    if problem is not None:
        raise InputError([problem])
    values = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions and data validation it ignores
            values = load_workbook(path, read_only=read_only, data_only=True)
            formulas = load_workbook(path, read_only=read_only, data_only=False) if _has_formulas(path) else None
    except Exception as exc:  # noqa: BLE001 - any library failure is a bad file to the operator
        if values is not None:
            values.close()
        raise InputError([Finding(path.name, UNREADABLE, detail=type(exc).__name__)]) from None
    return OpenWorkbook(values, formulas)
