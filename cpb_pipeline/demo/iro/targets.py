"""What the demo IRO workbooks must reproduce: the IRO Annual Report 2018-19 (seed pages 55-85).

Typed from Lancashire County Council, Corporate Parenting Board, 17 September 2019, item 8,
Appendix A: Independent Reviewing Officers Annual Report 2018-2019 (sections 1, 3.3, 3.4 and 6.2):

- "In 2018/2019 there was a total of 1705 IRO challenges, 421 PR'S and 1284 MA's."
- "299 PR's in respect of CLA in comparison to 122 in respect of children subject to a
  CP plan and in respect of MA's there were 828 initiated in respect of CLA and 456 ...
  CP plan" (66 % / 34 %).
- MA categories chart: 22 %, 19 %, 4 %, 55 % (CLA review not recorded; Statutory visits
  not recorded; Pathway Plan not recorded; Other / Multiple recording issues).
- PR categories: implementation of the care plan / CP plan 50 %, compliance 31 %; the
  report does not split the remaining 19 % between practice and resource issues.
- PR resolution levels: Practice Manager 69 %, Team Manager 21 %, Senior Manager 9 %,
  Head of Service 1 %.
- "relatively constant, there is a dip in holiday periods ie, August and Christmas".
- Caseload: "The current average IRO caseload is 81 with a yearly average of 77.9";
  March 2018 average 74.3.
- Staffing: 45 FTE IROs; April 2018 97.73 % permanent / 2.27 % agency (1 of 44); March
  2019 three agency workers covering maternity leave (6.66 %, 3 of 45).
"""

from __future__ import annotations

FINANCIAL_YEAR = ("2018-04", "2019-03")
YEAR_END = "2019-03-31"

PR_TOTAL, MA_TOTAL = 421, 1284
PR_BY_COHORT = {"CLA": 299, "CP": 122}
MA_BY_COHORT = {"CLA": 828, "CP": 456}

MA_CATEGORY_PERCENT = {
    "CLA review not recorded": 22,
    "Statutory visits not recorded": 19,
    "Pathway plan not recorded": 4,
    "Other / multiple recording issues": 55,
}
MA_BY_COHORT_AND_CATEGORY = {
    # A CLA review and a pathway plan exist only for children looked after, so CP alerts are
    # about visits or other recording. Category totals 282, 244, 51, 707 round to 22/19/4/55 %.
    ("CLA", "CLA review not recorded"): 282,
    ("CLA", "Statutory visits not recorded"): 114,
    ("CLA", "Pathway plan not recorded"): 51,
    ("CLA", "Other / multiple recording issues"): 381,
    ("CP", "Statutory visits not recorded"): 130,
    ("CP", "Other / multiple recording issues"): 326,
}

PR_CATEGORY_COUNTS = {
    # 211 / 421 = 50.1 % and 130 / 421 = 30.9 % print as 50 % and 31 %; the unsplit 19 %
    # goes mostly to practice issues.
    "Implementation of care plan / CP plan": 211,
    "Compliance": 130,
    "Practice issues": 60,
    "Resource issues": 20,
}
PR_CATEGORY_PERCENT = {"Implementation of care plan / CP plan": 50, "Compliance": 31}

RESOLUTION_LEVEL_PERCENT = {"Practice Manager": 69, "Team Manager": 21, "Senior Manager": 9, "Head of Service": 1}

MONTH_WEIGHTS = {1: 1.04, 2: 1.0, 3: 1.02, 4: 1.0, 5: 1.03, 6: 1.0, 7: 1.02, 8: 0.72, 9: 1.0, 10: 1.05, 11: 1.03, 12: 0.70}
"""Relative volume by calendar month: constant, with the August and Christmas dips."""

AVERAGE_CASELOAD = 77.9
YEAR_END_CASELOAD = 81
MARCH_2018_CASELOAD = 74.3

STAFFING = {
    # month: (iro_fte, agency_fte, target caseload). FY 2018/19 caseloads rise from 74.6 to
    # 81.0 and average 77.88 (77.9); children_allocated = round(caseload x iro_fte).
    "2018-04": (44.0, 1.0, 74.6),
    "2018-05": (44.0, 1.0, 75.3),
    "2018-06": (44.0, 1.0, 76.0),
    "2018-07": (44.0, 1.0, 76.5),
    "2018-08": (44.0, 1.0, 77.0),
    "2018-09": (44.0, 1.0, 77.6),
    "2018-10": (44.5, 1.5, 78.2),
    "2018-11": (45.0, 2.0, 78.8),
    "2018-12": (45.0, 2.0, 79.3),
    "2019-01": (45.0, 3.0, 79.9),
    "2019-02": (45.0, 3.0, 80.4),
    "2019-03": (45.0, 3.0, 81.0),
    "2019-04": (45.0, 3.0, 81.4),
    "2019-05": (45.0, 3.0, 81.9),
    "2019-06": (44.5, 3.0, 82.3),
    "2019-07": (44.5, 2.5, 81.6),
    "2019-08": (45.0, 2.0, 81.1),
}
BEFORE = (44.0, 1.0, MARCH_2018_CASELOAD)
AFTER = (45.0, 2.0, 81.0)
