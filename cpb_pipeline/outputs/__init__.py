"""Board-ready outputs (contracts §8): the Excel pack, the HTML report and its PDF, internal and published.

data.py (read a month from the warehouse) -> view.py (what a version shows; suppression.py and
commentary.py) -> excel.py, html_report.py (+ svg.py), pdf.py -> build.py (both versions, files.py) -> assets.py.
"""
