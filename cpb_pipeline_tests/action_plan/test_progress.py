"""Latest update: the newest date that opens a progress note line."""

from __future__ import annotations

import datetime as dt

import pytest

from cpb_pipeline.sources.action_plan.progress import parse_progress

D = dt.date


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        ("23.07.19 - Awaiting the new DCS", D(2019, 7, 23)),
        ("14.05.19 - first\n23.07.19 - second", D(2019, 7, 23)),
        ("23.07.19 - later first\n14.05.19 - earlier below", D(2019, 7, 23)),  # order in the cell does not matter
        ("09.08.2019 - four-digit year", D(2019, 8, 9)),
        ("11.03.19 -New QA cycle", D(2019, 3, 11)),  # missing space
        ("02.08.19 -Planning meeting", D(2019, 8, 2)),
        ("12.09.2019-audit under way", D(2019, 9, 12)),
        ("30.04.19 PAP Mtg 30.04.19 - HoS to review", D(2019, 4, 30)),  # no dash after the date
        ("15.05.19  Chris Hayes - report", D(2019, 5, 15)),
        ("07/08/19 - awaiting audit - date amended.", D(2019, 8, 7)),  # slashes
        ("23 07 19 - Awaiting Sharon Hubber", D(2019, 7, 23)),  # spaces
        ("  1.8.19 - single digits", D(2019, 8, 1)),
        ("23.019 - Action carried over from action 12.", None),  # a typo, not a date
        ("July 19 - Project end date revised", None),  # month only
        ("Meeting arranged 09.05.19 - EG to consider", None),  # a date inside the line
        ("Model provided.\n15.01.19.", D(2019, 1, 15)),
        ("", None),
        (None, None),
    ],
)
def test_latest_update_date(text, latest):
    assert parse_progress(text).latest_update_date == latest


def test_latest_note_runs_to_the_next_dated_line_or_blank_line():
    text = (
        "Background text.\n"
        "14.05.19 - DD has confirmed data can be obtained. JL\n"
        "has requested monthly reports.\n"
        "09.08.19 VG East - A review has been undertaken\n"
        "in the East.\n"
        "\n"
        "09.08.19 BL North - Review under way.\n"
        "\n"
        "Undated paragraph after the notes."
    )
    progress = parse_progress(text)
    assert progress.latest_update_date == D(2019, 8, 9)
    assert progress.latest_note == (
        "09.08.19 VG East - A review has been undertaken\nin the East.\n09.08.19 BL North - Review under way."
    )
    assert [n.date for n in progress.notes] == [D(2019, 5, 14), D(2019, 8, 9), D(2019, 8, 9)]


def test_impossible_opening_dates_are_ignored_and_reported():
    progress = parse_progress("05.13.19 - email JL to HoS\n22.03.19 - JL advised")
    assert progress.latest_update_date == D(2019, 3, 22)
    assert progress.impossible_dates == ("05.13.19",)
