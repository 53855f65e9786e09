"""Plain text from StreamField content, for search documents, the API and the booklet index."""

from django.utils.html import strip_tags
from wagtail.blocks import StreamValue


def stream_text(stream: StreamValue) -> str:
    """The words of every block but images, with the markup and runs of whitespace removed."""
    parts = (strip_tags(str(block.render_as_block())) for block in stream if block.block_type != "image")
    return " ".join(" ".join(parts).split())
