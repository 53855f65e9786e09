"""`make audit` (scripts/audit): pip-audit's JSON read honestly: a package that could not be
checked is never a pass, and an unreachable service has its own exit code."""

import importlib.util
from importlib.machinery import SourceFileLoader
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit"


@pytest.fixture(scope="module")
def audit():
    loader = SourceFileLoader("portal_audit_script", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


CLEAN = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}], "fixes": []}
VULNERABLE = {
    "dependencies": [
        {"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-2025-1", "fix_versions": ["5.2.2"]}]},
        {"name": "wagtail", "version": "8.0.1", "vulns": []},
    ]
}
SKIPPED = {
    "dependencies": [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {
            "name": "wagtail",
            "skip_reason": "Dependency not found on PyPI and could not be audited: wagtail (8.0.1)",
        },
    ]
}


def test_every_package_checked_and_clean_passes(audit):
    code, message = audit.verdict([audit.classify("pypi", CLEAN)])
    assert code == audit.PASSED == 0
    assert "No known vulnerabilities in 1 packages (pypi)" in message


def test_a_vulnerability_fails_with_the_fixed_version(audit):
    code, message = audit.verdict([audit.classify("pypi", VULNERABLE)])
    assert code == audit.VULNERABLE == 1
    assert "django 5.2.1: PYSEC-2025-1 (fixed in 5.2.2)" in message


def test_a_package_that_could_not_be_checked_is_not_a_pass(audit):
    code, message = audit.verdict([audit.classify("pypi", SKIPPED)])
    assert code == audit.NOT_AUDITED == 3
    assert "NOT AUDITED" in message and "could not check 1" in message


def test_an_unreachable_service_is_reported_plainly(audit):
    outcomes = [
        audit.classify("pypi", SKIPPED),
        audit.classify("osv", None, "ConnectionError: Failed to resolve 'api.osv.dev'"),
    ]
    code, message = audit.verdict(outcomes)
    assert code == 3
    assert "osv: unreachable or failed: ConnectionError" in message


def test_the_second_service_decides_when_the_first_was_incomplete(audit):
    code, _ = audit.verdict([audit.classify("pypi", SKIPPED), audit.classify("osv", VULNERABLE)])
    assert code == 1


def test_an_empty_report_is_not_a_pass(audit):
    code, _ = audit.verdict([audit.classify("pypi", {"dependencies": []})])
    assert code == 3
