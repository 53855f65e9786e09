"""The placements' own fixed vocabulary: what a young person does on a placement and the SEND
adjustments a host team offers. Seeded by a data migration; the codes are the values of the
directory's `activity` and `adjustment` URL parameters, so they never change."""

# (code, name)
ACTIVITIES: tuple[tuple[str, str], ...] = (
    ("work-shadowing", "Work shadowing"),
    ("project-task", "A project task set by the team"),
    ("skills-identification", "Skills identification and development"),
    ("mentoring", "Mentoring"),
    ("insight-day", "Insight day"),
    ("virtual", "Virtual element (online)"),
)

ADJUSTMENTS: tuple[tuple[str, str], ...] = (
    ("step-free", "Step-free access"),
    ("quiet-space", "A quiet space to take breaks"),
    ("job-coach", "Job coach or support worker welcome"),
    ("adjusted-hours", "Adjusted or shorter hours"),
    ("accessible-toilet", "Accessible toilet"),
    ("visual-supports", "Visual timetable and easy-read instructions"),
    ("hearing-loop", "Hearing loop"),
    ("pre-visit", "A visit before the placement starts"),
)

# Year groups a request may name, by the key stage they belong to.
YEAR_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("Y10", "Year 10", "KS4"),
    ("Y11", "Year 11", "KS4"),
    ("Y12", "Year 12", "KS5"),
    ("Y13", "Year 13", "KS5"),
    ("Y14", "Year 14 (post-16 SEND provision)", "KS5"),
)

# Placements are for key stages 4 and 5 only (seed 000).
PLACEMENT_KEY_STAGES = ("KS4", "KS5")

# The Benchmark 6 "meaningful" criteria (portal.taxonomy) are chosen by these stable codes.
MEANINGFUL_BENCHMARK = 6
