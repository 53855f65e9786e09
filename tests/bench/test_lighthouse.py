"""`make lighthouse`: reading Lighthouse's report into scores, misses and the audits to fix."""

from bench.load.lighthouse import THRESHOLDS, failing_audits, misses, scores

REPORT = {
    "categories": {
        "performance": {"score": 0.98, "auditRefs": []},
        "accessibility": {"score": 1, "auditRefs": []},
        "best-practices": {"score": 0.954, "auditRefs": []},
        "seo": {
            "score": 0.9,
            "auditRefs": [
                {"id": "meta-description", "weight": 1},
                {"id": "document-title", "weight": 1},
                {"id": "structured-data", "weight": 0},
            ],
        },
    },
    "audits": {
        "meta-description": {"score": 0},
        "document-title": {"score": 1},
        "structured-data": {"score": 0},
    },
}


def test_scores_are_out_of_100():
    assert scores(REPORT) == {"performance": 98, "accessibility": 100, "best-practices": 95, "seo": 90}


def test_a_category_that_could_not_run_scores_zero():
    assert scores({"categories": {"performance": {"score": None}}}) == {"performance": 0}


def test_misses_name_each_category_below_its_threshold():
    assert misses(scores(REPORT)) == ["seo 90 < 95"]
    assert misses({"performance": 94, "accessibility": 99, "best-practices": 95, "seo": 95}) == [
        "performance 94 < 95",
        "accessibility 99 < 100",
    ]
    assert misses({}) == [f"{name} 0 < {minimum}" for name, minimum in THRESHOLDS.items()]


def test_failing_audits_are_the_weighted_ones_that_lost_points():
    assert failing_audits(REPORT, "seo") == ["meta-description (0.00)"]


def test_the_thresholds_are_the_issues():
    assert THRESHOLDS == {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95}
