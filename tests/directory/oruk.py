"""Validation against the official Open Referral UK 3.0 schemas, offline. The schemas are read from
the shared standards folder beside the repository (CI has it there); without it the API tests are
skipped with a reason rather than passing on nothing."""

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared" / "standards" / "openreferral-uk-3.0" / "schema"
BASE = "https://openreferraluk.org/specifications/3.0/schema/"


@cache
def _registry() -> Registry:
    return Registry().with_resources(
        (
            BASE + path.name,
            Resource.from_contents(json.loads(path.read_text()), default_specification=DRAFT202012),
        )
        for path in SCHEMA_DIR.glob("*.json")
    )


@cache
def validator(schema_name: str) -> Draft202012Validator:
    if not SCHEMA_DIR.is_dir():
        pytest.skip(f"The Open Referral UK schemas are not at {SCHEMA_DIR}")
    schema = json.loads((SCHEMA_DIR / f"{schema_name}.json").read_text())
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def errors(schema_name: str, data: Any) -> list[str]:
    """Every way `data` breaks the schema, as readable lines (empty when it is valid)."""
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(schema_name).iter_errors(data)
    ]


def assert_valid(schema_name: str, data: Any) -> None:
    problems = errors(schema_name, data)
    assert not problems, "\n".join(problems[:20])
