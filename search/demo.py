"""Search runs last in `load_demo_content` (it is last in INSTALLED_APPS): rebuild every index
once all the demo content is in, so the demo search is complete and its vocabulary exact."""

import logging

from portal.home.models import HomePage

from .engines import index_engines
from .engines.elastic import ELASTICSEARCH_ERRORS
from .maintenance import rebuild
from .registry import all_documents

logger = logging.getLogger(__name__)


def load(home: HomePage) -> None:
    documents = list(all_documents())
    for engine in index_engines():
        try:
            rebuild(engine, documents)
        except ELASTICSEARCH_ERRORS:
            logger.warning("Search: could not rebuild the %s index for the demo", engine.name, exc_info=True)
