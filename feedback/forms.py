"""The one-minute feedback form: yes / no / not sure for each criterion, and one comment."""

from typing import Any

from django import forms

from portal.core.submissions import add_submission_field

from .models import COMMENT_MAX
from .vocabulary import ANSWERS, SCHOOL, Question


class FeedbackForm(forms.Form):
    def __init__(self, questions: tuple[Question, ...], respondent: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            label = question.for_school if respondent == SCHOOL else question.for_young_people
            # The question in the error: the same message for six questions would be no help.
            message = f"Choose yes, no or not sure for “{label}”"
            self.fields[question.criterion] = forms.ChoiceField(
                label=label,
                choices=ANSWERS,
                widget=forms.RadioSelect,
                error_messages={"required": message, "invalid_choice": message},
            )
        self.fields["comment"] = forms.CharField(
            label="Anything else you would like to tell the host?"
            if respondent == SCHOOL
            else "What was the best thing, or what could be better?",
            required=False,
            max_length=COMMENT_MAX,
            widget=forms.Textarea,
            help_text="Please do not write anyone's name.",
            error_messages={"max_length": f"Keep your comment to {COMMENT_MAX} characters or fewer"},
        )
        add_submission_field(self)

    def answers(self) -> dict[str, str]:
        return {q.criterion: self.cleaned_data[q.criterion] for q in self.questions}
