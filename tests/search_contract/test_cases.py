"""The cases of search/engines/cases.py on every engine: the same cases, on the same corpus,
that `manage.py search_index --verify` runs against a live cluster."""

import pytest

from search.engines.cases import CASES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(find_case, case):
    case.run(find_case)
