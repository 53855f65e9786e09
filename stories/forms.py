"""The story editor's form: saving a draft skips the checks that only matter for publishing."""

from wagtail.admin.forms import WagtailAdminPageForm


class StoryPageForm(WagtailAdminPageForm):
    """Wagtail lets an editor save a draft with required fields still empty ("deferred validation");
    the story's publish checks (transcript, captions) follow the same rule, so a film can be saved
    before its transcript is written, and publishing is refused until it is."""

    def _post_clean(self) -> None:
        # The model's clean() runs inside _post_clean and cannot otherwise tell a draft from a publish.
        self.instance.run_publish_checks = not self.is_deferred_validation
        try:
            super()._post_clean()
        finally:
            self.instance.run_publish_checks = None
