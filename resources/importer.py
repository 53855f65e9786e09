"""Importing resources from a spreadsheet (CSV), for `manage.py import_resources`.

Columns: title, type, summary, benchmarks (`5;6`) are required; body, key_stages (`KS4;KS5`),
audiences, settings, tags, link, school_urn (for case studies) and id are optional. Lists are
separated by semicolons; codes or names are both accepted (`KS4`, `parents` or `Parents and
carers`). Every row is checked before anything is written. A row with an `id` updates the page
that id made last time; a row without one updates the resource with the same title and type."""

import csv
import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from portal.taxonomy.models import Audience, Benchmark, KeyStage, School, Setting
from portal.taxonomy.vocabulary import AUDIENCES, BENCHMARK_NUMBERS, KEY_STAGE_CODES, SETTINGS
from resources.models import ResourceIndexPage, ResourceKind, ResourcePage
from search.models import ImportedResource

REQUIRED = ("title", "type", "summary", "benchmarks")
OPTIONAL = ("body", "key_stages", "audiences", "settings", "tags", "link", "school_urn", "id")
MAX_TITLE = 255
MAX_SUMMARY = 400
MAX_TAG = 100


@dataclass
class ResourceRow:
    """One valid row, in the portal's terms."""

    line: int
    source_id: str
    title: str
    kind: str
    summary: str
    body: str
    benchmarks: list[int]
    key_stages: list[str]
    audiences: list[str]
    settings: list[str]
    tags: list[str]
    link: str
    school_urn: str


@dataclass
class RowError:
    line: int
    reasons: list[str]

    def __str__(self) -> str:
        return f"Line {self.line}: " + "; ".join(self.reasons)


@dataclass
class ImportReport:
    rows: list[ResourceRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _codes(value: str, choices: Iterable[tuple[str, str]], noun: str, reasons: list[str]) -> list[str]:
    """Codes for a `;` list of codes or names (any case); unknown ones are reported."""
    lookup = {}
    for code, name in choices:
        lookup[code.lower()] = code
        lookup[name.lower()] = code
    codes = []
    for item in _split(value):
        if item.lower() in lookup:
            codes.append(lookup[item.lower()])
        else:
            reasons.append(f"“{item}” is not {noun} (use one of {', '.join(c for c, _ in choices)})")
    return list(dict.fromkeys(codes))


def _benchmarks(value: str, reasons: list[str]) -> list[int]:
    numbers = []
    for item in _split(value):
        if item.isdigit() and int(item) in BENCHMARK_NUMBERS:
            numbers.append(int(item))
        else:
            reasons.append(f"“{item}” is not a Gatsby Benchmark number (1 to 8)")
    if not _split(value):
        reasons.append("benchmarks is empty: give at least one Gatsby Benchmark number, like 5;6")
    return list(dict.fromkeys(numbers))


def _text(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").replace("\x00", "").strip()


def check_row(line: int, row: dict[str, str], schools: set[str]) -> ResourceRow | RowError:
    """The row in the portal's terms, or every reason it cannot be imported."""
    reasons: list[str] = []
    title, summary = _text(row, "title"), _text(row, "summary")
    if not title:
        reasons.append("title is empty")
    elif len(title) > MAX_TITLE:
        reasons.append(f"title is longer than {MAX_TITLE} characters")
    if not summary:
        reasons.append("summary is empty")
    elif len(summary) > MAX_SUMMARY:
        reasons.append(f"summary is longer than {MAX_SUMMARY} characters")
    kind_text = _text(row, "type")
    kinds = _codes(kind_text, ResourceKind.choices, "a type of resource", reasons)
    if not kind_text:
        reasons.append(f"type is empty (use one of {', '.join(ResourceKind.values)})")
    elif len(kinds) > 1:
        reasons.append("type must be a single type of resource")
    benchmarks = _benchmarks(_text(row, "benchmarks"), reasons)
    key_stages = _codes(_text(row, "key_stages"), [(c, c) for c in KEY_STAGE_CODES], "a key stage", reasons)
    audiences = _codes(_text(row, "audiences"), AUDIENCES, "an audience", reasons)
    settings = _codes(_text(row, "settings"), SETTINGS, "a setting", reasons)
    tags = _split(_text(row, "tags"))
    if any(len(tag) > MAX_TAG for tag in tags):
        reasons.append(f"a tag is longer than {MAX_TAG} characters")
    link = _text(row, "link")
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            reasons.append(f"link “{link[:60]}” is not a web address starting with http:// or https://")
    school_urn = _text(row, "school_urn")
    if school_urn and school_urn not in schools:
        reasons.append(f"school_urn {school_urn[:10]} is not a school the portal knows")
    if kinds == [ResourceKind.CASE_STUDY] and not school_urn:
        reasons.append("a good-practice case study needs the school_urn of the school it comes from")
    if reasons:
        return RowError(line, reasons)
    return ResourceRow(
        line=line,
        source_id=_text(row, "id")[:100],
        title=title,
        kind=kinds[0],
        summary=summary,
        body=_text(row, "body"),
        benchmarks=benchmarks,
        key_stages=key_stages,
        audiences=audiences,
        settings=settings,
        tags=tags,
        link=link,
        school_urn=school_urn,
    )


def read(file: IO[str]) -> ImportReport:
    """Check every row of the CSV; nothing is written."""
    report = ImportReport()
    reader = csv.DictReader(file)
    columns = {(name or "").strip().lower() for name in reader.fieldnames or []}
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        report.errors.append(RowError(1, [f"the header row lacks the column(s): {', '.join(missing)}"]))
        return report
    reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames or []]
    schools = set(School.objects.values_list("urn", flat=True))
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        checked = check_row(reader.line_num, row, schools)
        if isinstance(checked, ResourceRow):
            identity = (
                ("id", checked.source_id)
                if checked.source_id
                else ("title", f"{checked.title}|{checked.kind}")
            )
            if identity in seen:
                checked = RowError(checked.line, [f"repeats line {seen[identity]} (same {identity[0]})"])
            else:
                seen[identity] = checked.line
        (report.rows if isinstance(checked, ResourceRow) else report.errors).append(checked)
    return report


def body_blocks(row: ResourceRow) -> list[dict[str, str]]:
    """Paragraph blocks: one per line of the body, then the link."""
    paragraphs = [f"<p>{escape(line.strip())}</p>" for line in row.body.splitlines() if line.strip()]
    if row.link:
        paragraphs.append(f'<p><a href="{escape(row.link)}">Open the resource</a></p>')
    return [{"type": "paragraph", "value": p} for p in paragraphs or [f"<p>{escape(row.summary)}</p>"]]


def _existing(index: ResourceIndexPage, row: ResourceRow) -> ResourcePage | None:
    if row.source_id:
        imported = ImportedResource.objects.filter(source_id=row.source_id).select_related("page").first()
        if imported:
            return imported.page
    return ResourcePage.objects.child_of(index).filter(title=row.title, kind=row.kind).first()


def _free_slug(index: ResourceIndexPage, title: str) -> str:
    base = slugify(title)[:200] or "resource"
    taken = set(index.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def save_row(index: ResourceIndexPage, row: ResourceRow) -> bool:
    """Create or update the resource for `row` and publish it; True if it was created."""
    page = _existing(index, row)
    created = page is None
    if created:
        page = ResourcePage(slug=_free_slug(index, row.title), last_reviewed=datetime.date.today())
    page.title = row.title
    page.kind = row.kind
    page.summary = row.summary
    page.body = body_blocks(row)
    page.school = School.objects.filter(urn=row.school_urn).first() if row.school_urn else None
    page.benchmarks.set(Benchmark.objects.filter(number__in=row.benchmarks))
    page.key_stages.set(KeyStage.objects.filter(code__in=row.key_stages))
    page.audiences.set(Audience.objects.filter(code__in=row.audiences))
    page.settings.set(Setting.objects.filter(code__in=row.settings))
    page.tags.set(row.tags)
    if created:
        index.add_child(instance=page)
    page.save_revision().publish()
    if row.source_id:
        ImportedResource.objects.update_or_create(source_id=row.source_id, defaults={"page": page})
    return created


def import_rows(index: ResourceIndexPage, report: ImportReport) -> None:
    """Write every valid row, all or nothing."""
    with transaction.atomic():
        for row in report.rows:
            if save_row(index, row):
                report.created += 1
            else:
                report.updated += 1
