"""`python -m cpb_pipeline.demo.action_plan OUT_DIR` writes the demo workbooks into OUT_DIR."""

import sys
from pathlib import Path

from cpb_pipeline.demo.action_plan.build import build_demo_workbooks

for written in build_demo_workbooks(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()):
    print(written)
