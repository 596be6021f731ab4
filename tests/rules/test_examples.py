"""Every rule's passing and failing examples, run as exact-finding tests."""

from __future__ import annotations

import pytest

from casefile_eval.codes import Defect
from casefile_eval.rules import load_rules
from casefile_eval.rules.examples import actual, run_example

RULESET = load_rules()
CASES = [(rule.id, i) for rule in RULESET.rules for i in range(len(rule.spec.examples))]


@pytest.mark.parametrize(("rule_id", "index"), CASES, ids=[f"{r}-{i}" for r, i in CASES])
def test_rule_example(rule_id: str, index: int) -> None:
    rule = RULESET.get(rule_id)
    assert rule is not None
    example = rule.spec.examples[index]
    findings = run_example(RULESET, rule_id, example.case)
    assert actual(findings, example.findings) == example.findings
    for finding in findings:
        assert finding.rule_id == rule_id
        assert finding.defect == rule.spec.defect
        assert finding.sheet_item == rule.spec.sheet_item
        assert finding.basis is not None
        assert finding.basis.startswith("《")


def test_pack_covers_every_defect_code_with_examples() -> None:
    assert len(RULESET.rules) >= 60
    assert {r.spec.defect for r in RULESET.rules} == set(Defect)
    for rule in RULESET.rules:
        assert any(e.findings for e in rule.spec.examples), f"{rule.id} has no failing example"
        assert any(not e.findings for e in rule.spec.examples), f"{rule.id} has no passing example"
