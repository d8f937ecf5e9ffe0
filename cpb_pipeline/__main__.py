import sys

from cpb_pipeline.cli import main

sys.exit(main())
