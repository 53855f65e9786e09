"""Seeds the fixed vocabulary: the 8 Gatsby Benchmarks (2025) with their "meaningful" criteria,
key stages, audiences, settings and curriculum subjects. Re-running is safe (update_or_create)."""

from django.db import migrations

from portal.taxonomy import vocabulary


def seed(apps, schema_editor):
    Benchmark = apps.get_model("taxonomy", "Benchmark")
    Criterion = apps.get_model("taxonomy", "MeaningfulCriterion")
    for seed_benchmark in vocabulary.BENCHMARKS:
        benchmark, _ = Benchmark.objects.update_or_create(
            number=seed_benchmark.number,
            defaults={"name": seed_benchmark.name, "description": seed_benchmark.description},
        )
        for order, (code, text) in enumerate(seed_benchmark.meaningful):
            Criterion.objects.update_or_create(
                code=code, defaults={"benchmark": benchmark, "text": text, "sort_order": order}
            )
    KeyStage = apps.get_model("taxonomy", "KeyStage")
    for order, key_stage in enumerate(vocabulary.KEY_STAGES):
        KeyStage.objects.update_or_create(
            code=key_stage.code,
            defaults={"name": key_stage.name, "ages": key_stage.ages, "year_groups": key_stage.year_groups, "sort_order": order},
        )
    for model_name, terms in (
        ("Audience", vocabulary.AUDIENCES),
        ("Setting", vocabulary.SETTINGS),
        ("Subject", vocabulary.SUBJECTS),
    ):
        model = apps.get_model("taxonomy", model_name)
        for order, (code, name) in enumerate(terms):
            model.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
