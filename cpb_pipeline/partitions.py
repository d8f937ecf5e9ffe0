"""Monthly partitions: one per month end from April 2018, keyed `YYYY-MM`.

The last partition is the last completed month in Europe/London.
"""

import dagster as dg

from cpb_pipeline.calendar import FIRST_MONTH

monthly_partitions = dg.MonthlyPartitionsDefinition(start_date=FIRST_MONTH, fmt="%Y-%m", timezone="Europe/London")
