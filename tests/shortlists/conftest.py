import pytest


@pytest.fixture(autouse=True)
def _own_storage(settings, tmp_path):
    """Each test starts with no stored pack."""
    settings.MEDIA_ROOT = tmp_path
