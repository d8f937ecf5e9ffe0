"""The Corporate Parenting Strategy action plan (delivery plan) workbook, docs/action_plan.md.

`read_action_plan(path)` returns an `ActionPlanSnapshot`: its actions with the columns
of marts.action_plan_actions (docs/warehouse.md) plus what the board marts need, and the
warnings found; blocking problems raise `cpb_pipeline.domain.errors.InputError`.
"""

from cpb_pipeline.sources.action_plan.model import ACTION_COLUMNS, ALL_COLUMNS, EXTRA_COLUMNS, ActionPlanSnapshot
from cpb_pipeline.sources.action_plan.reader import read_action_plan

__all__ = ["ACTION_COLUMNS", "ALL_COLUMNS", "EXTRA_COLUMNS", "ActionPlanSnapshot", "read_action_plan"]
