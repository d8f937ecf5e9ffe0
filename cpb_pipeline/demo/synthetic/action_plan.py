"""A generic Corporate Parenting Strategy delivery plan workbook for a fictional authority (docs/action_plan.md).

One snapshot, dated in the month after the first month so that every month's pack has a
plan to read (a month's pack uses the latest snapshot by the end of the following month).
Two sheets: "Delivery Plan" (open actions, mostly Green, some Amber and Red, a few just
closed) and "Completed" (Blue), each with a title, the header row and merged objective
banners. Timescales come in the forms the reader accepts (date cells with and without a
day, dates and months typed as text, free text); progress notes open with `dd.mm.yy - `.
BRAG, timescales and notes are drawn from the authority's seed.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from cpb_pipeline.demo.synthetic.authority import SyntheticAuthority
from cpb_pipeline.demo.synthetic.workbooks import make_reproducible
from cpb_pipeline.domain.calendar import add_months, is_working_day, month_end, parse_month

HEADER = ("Ref", "Activity", "Progress", "Responsible Service", "Timescales", "BRAG")
WIDTHS = (8, 45, 70, 28, 14, 9)
FILLS = {"Blue": "5B9BD5", "Red": "FF0000", "Amber": "FFC000", "Green": "00B050"}

OBJECTIVES = {
    1: "Keeping children safe and well",
    2: "Stable homes, close to home",
    3: "Good health and emotional wellbeing",
    4: "Achieving in education",
    5: "Hearing the voices of children and young people",
    6: "Preparing for adulthood",
}
ACTIONS = (  # (objective, activity, responsible service)
    (1, "Review the threshold for entry to care with partners and publish revised guidance", "Children's Social Care"),
    (1, "Audit a sample of child protection plans that step up to care each quarter", "Quality Assurance"),
    (1, "Embed the exploitation screening tool in every locality team", "Safeguarding Partnership"),
    (1, "Track children missing from care and the return home interviews offered", "Children's Social Care"),
    (2, "Recruit 30 more in-house foster carers through the sufficiency campaign", "Fostering Service"),
    (2, "Reduce the number of children placed more than 20 miles from home", "Commissioning"),
    (2, "Launch the placement stability panel for children with three or more moves", "Children's Social Care"),
    (2, "Open the second in-house children's home", "Residential Service"),
    (3, "Complete initial health assessments within 20 working days of entering care", "Health (Designated Nurse)"),
    (3, "Agree a dental access pathway for children in care with the local dental network", "Health Commissioning"),
    (3, "Offer every child in care an emotional wellbeing check with the CAMHS link worker", "CAMHS"),
    (3, "Use Strengths and Difficulties Questionnaire scores in every review", "Independent Reviewing Service"),
    (4, "Every child in care has a personal education plan reviewed each term", "Virtual School"),
    (4, "Reduce fixed-term exclusions of children in care", "Virtual School"),
    (4, "Offer tuition to children in care at risk of falling behind in English and maths", "Virtual School"),
    (5, "Relaunch the Children in Care Council with an annual plan of its own", "Participation Team"),
    (5, "Young people co-chair their own reviews where they wish to", "Independent Reviewing Service"),
    (5, "Publish 'You said, we did' for children in care twice a year", "Participation Team"),
    (6, "Every care leaver has an up to date pathway plan", "Leaving Care Service"),
    (6, "Council Tax exemption for care leavers up to 25", "Finance"),
    (6, "Ring-fence apprenticeships in the council for care leavers", "Human Resources"),
    (6, "Agree a joint housing protocol for care leavers with the district councils", "Housing"),
    (6, "Stay in touch with every care leaver at least every 8 weeks", "Leaving Care Service"),
    (2, "Refresh the sufficiency strategy", "Commissioning"),
    (5, "Pledge to children in care signed by every councillor", "Democratic Services"),
    (4, "Virtual School annual report presented to the board", "Virtual School"),
)
NOTES = (
    "Update given to the board; on track.",
    "Task and finish group met; actions agreed.",
    "Data reviewed with team managers; improvement seen this month.",
    "Delayed by staffing changes; revised date agreed.",
    "Draft circulated for comment to partners.",
    "Young people consulted; feedback included.",
    "Performance reported to senior leadership team.",
    "Funding confirmed; recruitment under way.",
)
COMPLETED = 6  # the last actions of ACTIONS are closed and listed on the Completed sheet


def snapshot_date(authority: SyntheticAuthority) -> dt.date:
    """The first working day from the 10th of the month after the first month."""
    day = parse_month(authority.first_month).replace(day=10)
    day = add_months(day, 1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def file_name(authority: SyntheticAuthority, snapshot: dt.date) -> str:
    return f"{authority.name} Corporate Parenting Strategy delivery plan {snapshot:%Y-%m-%d}.xlsx"


def write_action_plan(authority: SyntheticAuthority, folder: Path) -> Path:
    rng = random.Random(authority.seed + 2)
    snapshot = snapshot_date(authority)
    book = Workbook()
    sheets = (book.active, book.create_sheet())
    sheets[0].title, sheets[1].title = "Delivery Plan", "Completed"
    open_actions, closed = ACTIONS[:-COMPLETED], ACTIONS[-COMPLETED:]
    _sheet(sheets[0], f"{authority.name} Corporate Parenting Strategy - Delivery Plan", open_actions, rng, snapshot,
           closed=False)
    _sheet(sheets[1], "Completed actions", closed, rng, snapshot, closed=True)
    book.properties.creator = f"{authority.name} programme office"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(authority, snapshot)
    book.save(path)
    return make_reproducible(path, dt.datetime.combine(snapshot, dt.time(9, 0)))


def _sheet(ws: Worksheet, title: str, actions, rng: random.Random, snapshot: dt.date, closed: bool) -> None:
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(list(HEADER))
    for cell in ws[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for column, width in zip("ABCDEF", WIDTHS):
        ws.column_dimensions[column].width = width
    counters: dict[int, int] = {}
    for objective in sorted({a[0] for a in actions}):
        ws.append([f"Objective {objective} – {OBJECTIVES[objective]}"])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(HEADER))
        ws.cell(row, 1).font = Font(bold=True)
        ws.cell(row, 1).fill = PatternFill("solid", fgColor="DDEBF7")
        for _, activity, service in (a for a in actions if a[0] == objective):
            counters[objective] = counters.get(objective, 0) + 1
            brag = "Blue" if closed else rng.choices(("Green", "Amber", "Red", "Blue"), (0.66, 0.2, 0.09, 0.05))[0]
            ref = f"{objective}.{counters[objective]}"
            ws.append([ref, activity, _progress(rng, snapshot, brag), service, None, brag])
            row = ws.max_row
            _timescale(ws.cell(row, 5), rng, snapshot, brag)
            for cell in ws[row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.cell(row, 6).fill = PatternFill("solid", fgColor=FILLS[brag])
        ws.append([])


def _progress(rng: random.Random, snapshot: dt.date, brag: str) -> str:
    """One to three dated notes, newest last; a few open actions have gone quiet for months."""
    gap = rng.randint(70, 140) if brag != "Blue" and rng.random() < 0.15 else rng.randint(0, 40)
    latest = snapshot - dt.timedelta(days=gap)
    dates = sorted(latest - dt.timedelta(days=rng.randint(30, 60) * k) for k in range(rng.randint(1, 3)))
    notes = [f"{day:%d.%m.%y} - {rng.choice(NOTES)}" for day in dates]
    if brag == "Blue":
        notes.append(f"{latest:%d.%m.%y} - Complete; closed at the board.")
    return "\n".join(notes)


def _timescale(cell, rng: random.Random, snapshot: dt.date, brag: str) -> None:
    """A due date in one of the forms councils type: a date cell, a month cell, text, or free text."""
    months_ahead = rng.randint(-4, -1) if brag == "Blue" else rng.randint(-1, 10)
    due = month_end(add_months(snapshot.replace(day=1), months_ahead))
    form = rng.choice(("date", "month", "text", "month_text", "long", "free"))
    if form == "date":
        cell.value, cell.number_format = due, "dd/mm/yy"
    elif form == "month":
        cell.value, cell.number_format = due.replace(day=1), "mmm-yy"
    elif form == "text":
        cell.value = f"{due:%d/%m/%y}"
    elif form == "month_text":
        cell.value = f"{due:%B %Y}"
    elif form == "long":
        suffix = {1: "st", 21: "st", 31: "st", 2: "nd", 22: "nd", 3: "rd", 23: "rd"}.get(due.day, "th")
        cell.value = f"{due.day}{suffix} {due:%B %Y}"
    else:
        cell.value = rng.choice(("Ongoing", "Quarterly", "TBC"))
