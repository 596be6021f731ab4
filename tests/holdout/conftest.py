from __future__ import annotations

import sys
from pathlib import Path

# The generator lives in fixtures/ (not an installed package): make the repository root importable.
REPO = str(Path(__file__).resolve().parents[2])
if REPO not in sys.path:
    sys.path.insert(0, REPO)
