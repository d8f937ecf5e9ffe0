"""The tags a monthly run carries: who it is for, and what it may leave out."""

AUTHORITY = "cpb/authority"
"""The authority's name: users filter runs by it, and a regional instance runs one of an authority's runs at a time."""

PDF = "cpb/pdf"
SKIP_PDF = "skip"
"""`cpb/pdf: skip` asks the board outputs not to print the report's PDFs. A backfill sets it on every month but the
last: nobody reads a past month's print, and printing is most of a month's time where Chromium is missing."""
