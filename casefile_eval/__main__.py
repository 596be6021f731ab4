"""`python -m casefile_eval` runs the command line."""

from casefile_eval.cli import main

raise SystemExit(main())
