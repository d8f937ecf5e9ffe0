"""Demo IRO statistics workbooks calibrated to the seed's IRO Annual Report 2018-19 (see docs/iro.md)."""

from cpb_pipeline.demo.iro.generate import DEFAULT_SEED, generate_iro_workbooks

__all__ = ["DEFAULT_SEED", "generate_iro_workbooks"]
