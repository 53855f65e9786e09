"""`manage.py import_resources FILE.csv` (resources/importer.py)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from resources.models import ResourcePage
from search.models import ImportedResource, SearchEntry
from tests.resources.factories import resource_index, school

pytestmark = pytest.mark.django_db

HEADER = "title,type,summary,body,benchmarks,key_stages,audiences,tags,link,id\n"
GOOD = (
    'Hospital placements guide,guidance,How to prepare for a hospital placement.,"Line one.\nLine two.",6,KS4;KS5,'
    "teachers;Parents and carers,NHS;Health,https://example.org/guide,R-1\n"
    "Careers fair toolkit,Toolkit,Everything for a careers fair.,,5;6,ks4,,,,\n"
)


@pytest.fixture(autouse=True)
def database_engine_only(settings):
    """The imported resources are indexed by the database engine alone here."""
    settings.ELASTICSEARCH_URL = ""


@pytest.fixture
def bank(home):
    """The resource bank page."""
    return resource_index(home)


def write(tmp_path, text: str):
    path = tmp_path / "resources.csv"
    path.write_text(text, encoding="utf-8")
    return path


def run(path, *args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_resources", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_good_rows_become_published_searchable_resources(bank, tmp_path):
    out, _ = run(write(tmp_path, HEADER + GOOD))
    assert "Created 2, updated 0" in out
    guide = ResourcePage.objects.get(title="Hospital placements guide")
    assert guide.live and guide.kind == "guidance"
    assert [b.number for b in guide.benchmarks.all()] == [6]
    assert sorted(k.code for k in guide.key_stages.all()) == ["KS4", "KS5"]
    assert sorted(a.code for a in guide.audiences.all()) == ["parents", "teachers"]
    assert sorted(t.name for t in guide.tags.all()) == ["Health", "NHS"]
    assert [block.value.source for block in guide.body] == [
        "<p>Line one.</p>",
        "<p>Line two.</p>",
        '<p><a href="https://example.org/guide">Open the resource</a></p>',
    ]
    assert ResourcePage.objects.get(title="Careers fair toolkit").kind == "toolkit"
    assert SearchEntry.objects.filter(content__title="Hospital placements guide").exists()


def test_running_again_updates_instead_of_duplicating(bank, tmp_path):
    run(write(tmp_path, HEADER + GOOD))
    renamed = GOOD.replace("Hospital placements guide", "Hospital and clinic placements").replace(
        "Everything for a careers fair.", "All you need for a careers fair."
    )
    out, _ = run(write(tmp_path, HEADER + renamed))
    assert "Created 0, updated 2" in out
    assert ResourcePage.objects.count() == 2
    assert ImportedResource.objects.get(source_id="R-1").page.title == "Hospital and clinic placements"
    assert (
        ResourcePage.objects.get(title="Careers fair toolkit").summary == "All you need for a careers fair."
    )


def test_any_bad_row_imports_nothing_and_every_bad_row_is_reported(bank, tmp_path):
    bad = (
        ",lesson-plan,No title.,,6,,,,,\n"
        "Bad type,worksheet,A summary.,,6,,,,,\n"
        "Bad numbers,activity,A summary.,,6;9;x,KS6,pupils,,ftp://example.org,\n"
        "No benchmarks,activity,A summary.,,,,,,,\n"
        "Case study,case-study,From a school.,,3,,,,,\n"
        "Careers fair toolkit,toolkit,Same title and type again.,,5,,,,,\n"
    )
    path = write(tmp_path, HEADER + GOOD + bad)
    err = StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_resources", str(path), stdout=StringIO(), stderr=err)
    assert ResourcePage.objects.count() == 0
    report = err.getvalue()
    assert "Line 5: title is empty" in report
    assert "Line 6: “worksheet” is not a type of resource" in report
    assert "Line 7: “9” is not a Gatsby Benchmark number (1 to 8); “x” is not a Gatsby Benchmark" in report
    assert "“KS6” is not a key stage" in report and "“pupils” is not an audience" in report
    assert "link “ftp://example.org” is not a web address" in report
    assert "Line 8: benchmarks is empty" in report
    assert "Line 9: a good-practice case study needs the school_urn" in report
    assert "Line 10: repeats line 4 (same title)" in report


def test_skip_invalid_imports_the_good_rows(bank, tmp_path):
    out, _ = run(write(tmp_path, HEADER + GOOD + "Bad,worksheet,x,,6,,,,,\n"), "--skip-invalid")
    assert "Created 2" in out and ResourcePage.objects.count() == 2


def test_case_studies_name_their_school(bank, tmp_path):
    school(urn="999123")
    header = "title,type,summary,benchmarks,school_urn\n"
    run(write(tmp_path, header + "Our careers week,case-study,How we did it.,1,999123\n"))
    assert ResourcePage.objects.get().school.urn == "999123"


def test_a_file_without_the_required_columns_is_refused(bank, tmp_path):
    with pytest.raises(CommandError):
        run(write(tmp_path, "name,kind\nx,y\n"))


def test_dry_run_checks_only(bank, tmp_path):
    out, _ = run(write(tmp_path, HEADER + GOOD), "--dry-run")
    assert "2 row(s) can be imported" in out and ResourcePage.objects.count() == 0


def test_a_spreadsheet_saved_with_a_byte_order_mark_is_read(bank, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeff".encode() + (HEADER + GOOD).encode())
    out, _ = run(path)
    assert "Created 2" in out
