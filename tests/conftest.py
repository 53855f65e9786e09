import pytest
from wagtail.models import Page

from portal.home.models import HomePage


@pytest.fixture
def home(db) -> HomePage:
    """The home page the migrations create."""
    return HomePage.objects.get()


@pytest.fixture
def root_page(db) -> Page:
    return Page.get_first_root_node()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The page cache and the facet indexes live in process memory: no test may see another
    test's pages or listings."""
    from django.core.cache import cache

    from portal.taxonomy.index_builds import forget

    cache.clear()
    forget()
    yield
    cache.clear()
    forget()
