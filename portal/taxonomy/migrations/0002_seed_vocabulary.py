"""Seeds the fixed vocabulary: the 8 Gatsby Benchmarks (2025) with their "meaningful" criteria,
key stages, audiences, settings and curriculum subjects. Re-running is safe (update_or_create)."""

from django.db import migrations

# The values as they were when this migration was written, copied here so that later changes to
# portal/taxonomy/vocabulary.py cannot change what this migration did.
BENCHMARKS = ({'number': 1,
  'name': 'A stable careers programme',
  'description': 'Every school and college has a planned careers programme that pupils, parents and '
                 'carers, teachers and employers know about. Leaders and governors back it, a trained '
                 'careers leader runs it, it is sequenced and built on learning outcomes, it says how '
                 'parents and carers will be involved, and it is checked regularly with feedback from '
                 'everyone, including careers advisers.',
  'meaningful': ()},
 {'number': 2,
  'name': 'Learning from career and labour market information',
  'description': 'In every key stage, all pupils find and use good information about careers, routes and '
                 'the local and national job market to make their own choices about what to study and what '
                 'to do next. Parents and carers are helped to use this information too.',
  'meaningful': ()},
 {'number': 3,
  'name': 'Addressing the needs of each young person',
  'description': "The careers programme is shaped around each young person's needs, including those with "
                 'SEND and those who are disadvantaged. Schools keep records of how each pupil takes part, '
                 'pass them on when a pupil moves school, record aspirations and destinations, and use '
                 'former pupils to inspire others.',
  'meaningful': ()},
 {'number': 4,
  'name': 'Linking curriculum learning to careers',
  'description': 'Every teacher, in every subject and every year, links what pupils are learning to '
                 'careers and the world of work, including the knowledge and skills the subject builds. '
                 'Careers is part of the training for all staff who support pupils.',
  'meaningful': ()},
 {'number': 5,
  'name': 'Encounters with employers and employees',
  'description': 'Every young person has several meaningful encounters with employers and employees each '
                 'year, through talks, mentoring, enterprise activities and visits, so they learn what '
                 'work is like and what employers look for.',
  'meaningful': (('b5-clear-purpose',
                  'have a clear purpose, which is shared with the employer and the young person'),
                 ('b5-learning-outcomes',
                  'be underpinned by learning outcomes that are appropriate to the needs of the young '
                  'person'),
                 ('b5-two-way',
                  'have opportunities for two-way interactions between the young person and the employer'),
                 ('b5-reflection',
                  'be followed by time for the young person to reflect on the insights, knowledge or '
                  'skills gained through the encounter'))},
 {'number': 6,
  'name': 'Experiences of workplaces',
  'description': 'Every young person has meaningful first-hand experiences of workplaces, such as work '
                 'experience, work shadowing, insight days or project work set by an employer. Part-time '
                 "work can count. The statutory guidance expects two weeks' worth across Years 7 to 11.",
  'meaningful': (('b6-clear-purpose',
                  'have a clear purpose, which is shared with the employer and the young person'),
                 ('b6-learning-outcomes',
                  'be underpinned by learning outcomes that are appropriate to the needs of the young '
                  'person'),
                 ('b6-two-way',
                  'involve extensive two-way interactions between the young person and employees'),
                 ('b6-range-of-people',
                  'include opportunities for young people to meet a range of different people from the '
                  'workplace'),
                 ('b6-task-set',
                  'include opportunities for young people to perform a task set by the employer or to '
                  'produce a piece of work relevant to that workplace'),
                 ('b6-feedback',
                  'include the employer providing feedback to the young person about their work'),
                 ('b6-reflection',
                  'be followed by opportunities for the young person to reflect on the insights, knowledge '
                  'or skills gained through their experience'))},
 {'number': 7,
  'name': 'Encounters with further and higher education',
  'description': 'Every young person meets colleges, universities, independent training providers and '
                 'apprenticeship providers, so they understand all the routes open to them: academic, '
                 'technical and vocational.',
  'meaningful': (('b7-clear-purpose',
                  'have a clear purpose, which is shared with the provider and the young person'),
                 ('b7-learning-outcomes',
                  'be underpinned by learning outcomes that are appropriate to the needs of the young '
                  'person'),
                 ('b7-two-way', 'involve a two-way interaction between the young person and the provider'),
                 ('b7-provider-information',
                  'include information about the provider, such as their recruitment and selection '
                  'processes, the qualifications that provider offers and the careers these could lead to'),
                 ('b7-what-learning-is-like',
                  'describe what learning or training with the provider is like'),
                 ('b7-reflection',
                  'be followed by opportunities for the young person to reflect on the insights, knowledge '
                  'or skills gained through the encounter'))},
 {'number': 8,
  'name': 'Personal guidance',
  'description': 'Every young person has personal guidance meetings with a qualified careers adviser, '
                 'scheduled to meet their needs, and a further meeting by the age of 18. Pupils, parents '
                 'and carers are told how to get this support, including on the school website.',
  'meaningful': ()})

KEY_STAGES = ({'code': 'EYFS',
  'name': 'Early years foundation stage',
  'ages': '0 to 5',
  'year_groups': 'Nursery and Reception'},
 {'code': 'KS1', 'name': 'Key stage 1', 'ages': '5 to 7', 'year_groups': 'Years 1 and 2'},
 {'code': 'KS2', 'name': 'Key stage 2', 'ages': '7 to 11', 'year_groups': 'Years 3 to 6'},
 {'code': 'KS3', 'name': 'Key stage 3', 'ages': '11 to 14', 'year_groups': 'Years 7 to 9'},
 {'code': 'KS4', 'name': 'Key stage 4', 'ages': '14 to 16', 'year_groups': 'Years 10 and 11'},
 {'code': 'KS5', 'name': 'Key stage 5', 'ages': '16 to 19', 'year_groups': 'Years 12 and 13'})

AUDIENCES = (('teachers', 'Teachers and careers leaders'),
 ('parents', 'Parents and carers'),
 ('young-people', 'Young people'),
 ('employers', 'Employers and hosts'))

SETTINGS = (('mainstream', 'Mainstream school'),
 ('special', 'Special school'),
 ('ap-pru', 'Alternative provision or PRU'),
 ('college', 'College'),
 ('home-education', 'Home education'))

SUBJECTS = (('english', 'English'),
 ('maths', 'Maths'),
 ('science', 'Science'),
 ('computing', 'Computing'),
 ('design-technology', 'Design and technology'),
 ('geography', 'Geography'),
 ('history', 'History'),
 ('art-design', 'Art and design'),
 ('modern-languages', 'Modern languages'),
 ('pshe', 'PSHE and citizenship'),
 ('business', 'Business and enterprise'),
 ('pe', 'Physical education'),
 ('careers', 'Careers education'))


def seed(apps, schema_editor):
    Benchmark = apps.get_model("taxonomy", "Benchmark")
    Criterion = apps.get_model("taxonomy", "MeaningfulCriterion")
    for seed_benchmark in BENCHMARKS:
        benchmark, _ = Benchmark.objects.update_or_create(
            number=seed_benchmark["number"],
            defaults={"name": seed_benchmark["name"], "description": seed_benchmark["description"]},
        )
        for order, (code, text) in enumerate(seed_benchmark["meaningful"]):
            Criterion.objects.update_or_create(
                code=code, defaults={"benchmark": benchmark, "text": text, "sort_order": order}
            )
    KeyStage = apps.get_model("taxonomy", "KeyStage")
    for order, key_stage in enumerate(KEY_STAGES):
        KeyStage.objects.update_or_create(
            code=key_stage["code"],
            defaults={"name": key_stage["name"], "ages": key_stage["ages"], "year_groups": key_stage["year_groups"], "sort_order": order},
        )
    for model_name, terms in (
        ("Audience", AUDIENCES),
        ("Setting", SETTINGS),
        ("Subject", SUBJECTS),
    ):
        model = apps.get_model("taxonomy", model_name)
        for order, (code, name) in enumerate(terms):
            model.objects.update_or_create(code=code, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
