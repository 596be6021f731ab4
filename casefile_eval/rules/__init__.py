"""The YAML rule engine: load rule packs, run them over a case, get findings.

`load_rules(extra_paths)` loads the built-in 行政处罚 pack plus extra files or packs and raises
`ConfigError` with every problem of every file; `run_rules(case, ruleset)` returns the findings.
New checks are registered from Python with `register_check`.
"""

from casefile_eval.rules.context import Hit, RuleContext
from casefile_eval.rules.engine import run_rules
from casefile_eval.rules.loader import RuleSet, load_rule_files, load_rules
from casefile_eval.rules.registry import check_names, get_check, register_check
from casefile_eval.rules.rule import Rule

__all__ = [
    "Hit",
    "Rule",
    "RuleContext",
    "RuleSet",
    "check_names",
    "get_check",
    "load_rule_files",
    "load_rules",
    "register_check",
    "run_rules",
]
