"""The self-review form: one met / partly / not yet question per statement."""

from typing import Any

from django import forms

from .vocabulary import ANSWERS, STATEMENTS, Statement


def field_name(statement: Statement) -> str:
    return statement.code.replace("-", "_")


class SelfReviewForm(forms.Form):
    """Every statement must be answered; the error names the benchmark and the statement's start,
    so the error summary says which of the 24 questions is missing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for statement in STATEMENTS:
            opening = " ".join(statement.text.split()[:6])
            self.fields[field_name(statement)] = forms.ChoiceField(
                label=statement.text,
                choices=ANSWERS,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Benchmark {statement.benchmark}: choose met, partly or not yet "
                    f"for “{opening}…”",
                    "invalid_choice": "Choose met, partly or not yet.",
                },
            )

    def sections(self) -> list[tuple[int, list[forms.BoundField]]]:
        """The bound fields grouped by benchmark, in order."""
        grouped: dict[int, list[forms.BoundField]] = {}
        for statement in STATEMENTS:
            grouped.setdefault(statement.benchmark, []).append(self[field_name(statement)])
        return list(grouped.items())

    def answers(self) -> dict[str, str]:
        return {s.code: self.cleaned_data[field_name(s)] for s in STATEMENTS}

    @classmethod
    def initial_from(cls, answers: dict[str, str]) -> dict[str, str]:
        return {field_name(s): answers[s.code] for s in STATEMENTS if s.code in answers}
