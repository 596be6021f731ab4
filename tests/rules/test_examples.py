"""Every rule's passing and failing examples, run as exact-finding tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile_eval.codes import Defect
from casefile_eval.rules import RuleSet, load_rule_files, load_rules
from casefile_eval.rules.examples import actual, run_example
from casefile_eval.rules.loader import optional_packs

RULESET = load_rules()
OPTIONAL = {name: load_rule_files([path]) for name, path in optional_packs().items()}
EVERY: list[RuleSet] = [RULESET, *OPTIONAL.values()]
CASES = [(rule.id, i) for rs in EVERY for rule in rs.rules for i in range(len(rule.spec.examples))]


def _ruleset_of(rule_id: str) -> RuleSet:
    return next(rs for rs in EVERY if rs.get(rule_id) is not None)


@pytest.mark.parametrize(("rule_id", "index"), CASES, ids=[f"{r}-{i}" for r, i in CASES])
def test_rule_example(rule_id: str, index: int) -> None:
    ruleset = _ruleset_of(rule_id)
    rule = ruleset.get(rule_id)
    assert rule is not None
    example = rule.spec.examples[index]
    findings = run_example(ruleset, rule_id, example.case)
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
    for rule in [r for rs in EVERY for r in rs.rules]:
        assert any(e.findings for e in rule.spec.examples), f"{rule.id} has no failing example"
        assert any(not e.findings for e in rule.spec.examples), f"{rule.id} has no passing example"


def test_optional_packs_are_opt_in() -> None:
    assert sorted(OPTIONAL) == ["strict"]
    strict_ids = {r.id for r in OPTIONAL["strict"].rules}
    assert strict_ids == {
        "ARC-001",
        "ARC-002",
        "DOC-006",
        "DOC-007",
        "DOC-008",
        "DOC-009",
        "DOC-010",
        "ELM-008",
        "ELM-009",
    }
    assert strict_ids.isdisjoint(r.id for r in RULESET.rules)
    combined = load_rules([Path("strict")])
    assert {r.id for r in combined.rules} == {r.id for r in RULESET.rules} | strict_ids
