import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document

from demo.files import simple_pdf
from resources.models import ResourceFile, ResourceKind

from . import factories

pytestmark = pytest.mark.django_db


def test_a_resource_page_shows_its_tagging_and_files(client, home):
    index = factories.resource_index(home)
    page = factories.resource(
        index, title="Costing a project", benchmarks=[4, 5], key_stages=["KS3"], tags=["maths"]
    )
    document = Document(title="Worksheet")
    document.file.save(
        "worksheet.pdf", SimpleUploadedFile("worksheet.pdf", simple_pdf("Worksheet", ["Task 1"]))
    )
    ResourceFile.objects.create(page=page, document=document, label="Worksheet (PDF)")
    html = client.get(page.url).content.decode()
    assert "Benchmark 4: Linking curriculum learning to careers" in html
    assert "KS3 (Years 7 to 9)" in html
    assert "Worksheet (PDF)" in html and document.url in html
    download = client.get(document.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-1.4")


def test_a_case_study_must_name_its_school(home):
    index = factories.resource_index(home)
    page = factories.resource(index, kind=ResourceKind.ACTIVITY)
    page.kind = ResourceKind.CASE_STUDY
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "school" in error.value.message_dict
    page.school = factories.school()
    page.full_clean()


def test_each_benchmark_has_a_page_with_its_definition_criteria_and_resources(client, home):
    index = factories.resource_index(home)
    factories.resource(index, title="Insight day plan", benchmarks=[6])
    factories.resource(index, title="Guidance meeting prep", benchmarks=[8])
    html = client.get("/resources/benchmarks/6/").content.decode()
    assert "Experiences of workplaces" in html
    assert "include the employer providing feedback to the young person about their work" in html
    assert "Insight day plan" in html and "Guidance meeting prep" not in html
    b8 = client.get("/resources/benchmarks/8/").content.decode()
    assert "What “meaningful” means" not in b8 and "Guidance meeting prep" in b8
    assert client.get("/resources/benchmarks/9/").status_code == 404
    listing = client.get("/resources/benchmarks/").content.decode()
    assert listing.count('href="6/"') == 1


def test_svg_and_html_uploads_are_refused(admin_client):
    for name, content in (("evil.svg", b"<svg onload='alert(1)'/>"), ("page.html", b"<script></script>")):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
        )
        assert response.status_code == 200  # the form again, with an error
        assert not Document.objects.filter(title=name).exists()


def test_a_pdf_upload_is_accepted(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Plan", "file": SimpleUploadedFile("plan.pdf", simple_pdf("Plan", ["x"])), "collection": 1},
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Plan").exists()


def test_draft_resources_are_not_public(client, home):
    index = factories.resource_index(home)
    draft = factories.resource(index, title="Secret draft", live=False)
    assert client.get("/resources/").content.decode().count("Secret draft") == 0
    assert client.get(f"/resources/{draft.slug}/").status_code == 404


def test_last_reviewed_is_shown(client, home):
    index = factories.resource_index(home)
    page = factories.resource(index, last_reviewed=datetime.date(2026, 3, 5))
    assert "5 March 2026" in client.get(page.url).content.decode()
