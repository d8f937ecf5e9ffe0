"""Monthly partitions: one per month end, keyed `YYYY-MM`, from the profile's first month.

The last partition is the last completed month in Europe/London.
"""

from functools import cache

import dagster as dg


@cache
def monthly_partitions(first_month: str) -> dg.MonthlyPartitionsDefinition:
    return dg.MonthlyPartitionsDefinition(start_date=first_month, fmt="%Y-%m", timezone="Europe/London")
