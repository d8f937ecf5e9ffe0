"""Working-day arithmetic across English bank holidays (the holidays package, never hand-written dates)."""

import datetime as dt

import pytest

from cpb_pipeline.domain.calendar import backstop_month, extraction_date, fresh_deadline, is_working_day

D = dt.date


@pytest.mark.parametrize(
    "day, month",
    [
        (D(2019, 1, 3), "2018-12"),   # 1 Jan is a bank holiday: Wed 2 Jan is the first working day, Thu 3 the second
        (D(2019, 1, 2), None),
        (D(2018, 4, 4), "2018-03"),   # Easter Monday 2 April 2018: Tue 3, Wed 4
        (D(2018, 4, 3), None),
        (D(2020, 9, 2), "2020-08"),   # 31 Aug 2020 is the August bank holiday and the month end itself
        (D(2026, 9, 2), "2026-08"),   # and again in 2026 (Mon 31 Aug)
        (D(2019, 9, 3), "2019-08"),   # Sat 31 Aug 2019: Mon 2, Tue 3 September
        (D(2020, 5, 5), None),        # VE Day moved the May bank holiday to Fri 8 May 2020: Mon 4 May was the second
        (D(2020, 5, 4), "2020-04"),
        (D(2016, 12, 28), None),      # Boxing Day and the substitute Christmas holiday are not working days
    ],
)
def test_backstop_runs_on_the_second_working_day_after_month_end(day, month):
    assert backstop_month(day) == month


def test_christmas_and_new_year():
    assert not is_working_day(D(2016, 12, 27))  # substitute day for Christmas Day on a Sunday
    assert extraction_date("2016-12") == D(2017, 1, 3)  # 2 Jan 2017 is the substitute New Year holiday
    assert fresh_deadline("2018-12") == D(2019, 1, 8)


def test_easter_and_august_bank_holiday_push_the_freshness_deadline():
    assert fresh_deadline("2018-03") == D(2018, 4, 9)   # Tue 3 .. Fri 6, Mon 9 (Easter Monday 2 April skipped)
    assert fresh_deadline("2020-08") == D(2020, 9, 7)   # Tue 1 .. Fri 4, Mon 7
    assert not is_working_day(D(2019, 8, 26))           # August bank holiday 2019
