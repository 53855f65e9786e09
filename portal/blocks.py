"""StreamField blocks shared by every content type. Each block's template only renders one
GOV.UK Frontend component (templates/components/blocks/)."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        template = "components/blocks/heading.html"
        icon = "title"
        help_text = "A section heading (shown as a level 2 heading, so headings stay in order)."


class InsetTextBlock(blocks.RichTextBlock):
    class Meta:
        template = "components/blocks/inset_text.html"
        icon = "arrow-right"


class WarningTextBlock(blocks.CharBlock):
    class Meta:
        template = "components/blocks/warning_text.html"
        icon = "warning"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(help_text="The short line a reader clicks to reveal more.")
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        template = "components/blocks/details.html"
        icon = "collapse-down"


class StepsBlock(blocks.StructBlock):
    steps = blocks.ListBlock(
        blocks.StructBlock([("title", blocks.CharBlock()), ("text", blocks.TextBlock(required=False))])
    )

    class Meta:
        template = "components/blocks/steps.html"
        icon = "list-ol"
        help_text = "Numbered steps, such as the stages of an activity."


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="components/blocks/paragraph.html")
    inset_text = InsetTextBlock(features=RICH_TEXT_FEATURES)
    warning_text = WarningTextBlock()
    details = DetailsBlock()
    steps = StepsBlock()
    image = ImageBlock(template="components/blocks/image.html")
