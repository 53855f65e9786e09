import pytest


@pytest.fixture(autouse=True)
def database_engine_only(settings):
    """These tests are about the database engine and the app around it; the Elasticsearch engine
    has its own tests and the contract suite (tests/search_contract) runs both."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def bank(home):
    """The resource bank page."""
    from tests.resources.factories import resource_index

    return resource_index(home)


@pytest.fixture(autouse=True)
def closed_breakers():
    """Each test starts with every Elasticsearch circuit breaker closed (they live per process)."""
    from search.engines import elastic

    elastic._breakers.clear()
    yield
    elastic._breakers.clear()
