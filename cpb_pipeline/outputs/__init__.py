"""Board-ready outputs (docs/outputs.md): the Excel pack, the HTML report and its PDF, internal and published.

data.py (read a month from the warehouse) -> suppression.py (what the published version hides, decided once
for the whole board) -> view.py (what a version shows: indicator_pages.py, board_sections.py, commentary.py)
-> excel.py, html_report.py (+ svg.py), pdf.py -> build.py (both versions, files.py) -> assets.py.
"""
