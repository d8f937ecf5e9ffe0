"""Demo Corporate Parenting Strategy delivery plan workbooks (see build.py and delivery_plan.yaml)."""

from cpb_pipeline.demo.action_plan.build import build_demo_workbooks, expected_actions, snapshot_dates

__all__ = ["build_demo_workbooks", "expected_actions", "snapshot_dates"]
