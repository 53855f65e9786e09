"""The impact dashboard's figures: the success measures of the council's documents (docs/sources.md) as tables.

Each function returns a Table; the admin page renders it and its CSV download writes the same
Table, so the two can never disagree. Periods are whole calendar months ending with the current
one."""

import datetime
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from directory.models import ReferralEnquiry, ServicePage
from events import attendance
from events.dates import AcademicYear, Term
from placements.models import PlacementRequest, RequestStatus, WindowCapacity
from portal.taxonomy.models import Benchmark, KeyStage
from resources.models import ResourceFile, ResourcePage
from search.models import SearchTermCount

from . import experiences
from .models import DocumentDownload

Value = int | float | str | None
DEFAULT_MONTHS = 12
MAX_MONTHS = 36
TOP_TERMS = 20


@dataclass
class Table:
    """A table with a header row and one header cell per row. `heatmap` tables are shaded by
    count, with empty cells (gaps) labelled in words too."""

    title: str
    description: str
    columns: list[str]
    rows: list[list[Value]] = field(default_factory=list)
    heatmap: bool = False
    empty_message: str = "Nothing in this period."


@dataclass(frozen=True)
class Period:
    """The last `months` calendar months, this one included."""

    months: int
    today: datetime.date

    @classmethod
    def from_param(cls, value: str | None, today: datetime.date | None = None) -> "Period":
        try:
            months = int(value) if value else DEFAULT_MONTHS
        except ValueError:
            months = DEFAULT_MONTHS
        return cls(min(max(months, 1), MAX_MONTHS), today or timezone.localdate())

    @property
    def month_starts(self) -> list[datetime.date]:
        first = self.today.replace(day=1)
        starts = []
        for back in range(self.months - 1, -1, -1):
            index = first.year * 12 + first.month - 1 - back
            starts.append(datetime.date(index // 12, index % 12 + 1, 1))
        return starts

    @property
    def start(self) -> datetime.date:
        return self.month_starts[0]

    @property
    def end(self) -> datetime.date:
        """The first day after the period (the first of next month)."""
        index = self.today.year * 12 + self.today.month
        return datetime.date(index // 12, index % 12 + 1, 1)

    @property
    def start_datetime(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def label(self) -> str:
        return f"{self.start:%B %Y} to {self.today:%B %Y}"


def _month(value: datetime.date | datetime.datetime) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return value.replace(day=1)


def live_resources():
    return ResourcePage.objects.live().public()


def resource_heatmap() -> Table:
    """Live resources by Gatsby Benchmark and key stage. A resource counts once in every cell it
    is tagged for; the totals count each resource once."""
    key_stages = list(KeyStage.objects.values_list("code", flat=True))
    live = live_resources().order_by()
    cells = {
        (row["benchmarks__number"], row["key_stages__code"]): row["n"]
        for row in live.values("benchmarks__number", "key_stages__code").annotate(
            n=Count("pk", distinct=True)
        )
    }
    totals = dict(
        live.values("benchmarks__number")
        .annotate(n=Count("pk", distinct=True))
        .values_list("benchmarks__number", "n")
    )
    stage_totals = dict(
        live.values("key_stages__code")
        .annotate(n=Count("pk", distinct=True))
        .values_list("key_stages__code", "n")
    )
    table = Table(
        title="Live resources by Gatsby Benchmark and key stage",
        description="Each resource counts in every benchmark and key stage it is tagged with. "
        "Cells marked “gap” have no resources at all.",
        columns=["Gatsby Benchmark", *key_stages, "All key stages"],
        heatmap=True,
    )
    for benchmark in Benchmark.objects.all():
        table.rows.append(
            [
                str(benchmark),
                *(cells.get((benchmark.number, ks), 0) for ks in key_stages),
                totals.get(benchmark.number, 0),
            ]
        )
    table.rows.append(["All benchmarks", *(stage_totals.get(ks, 0) for ks in key_stages), live.count()])
    return table


def placements_by_month(period: Period) -> Table:
    """Places offered (in windows starting that month), asked for and accepted (in requests made
    that month), by the key stages of the placement. A placement open to KS4 and KS5 counts in
    both rows."""
    offered = (
        WindowCapacity.objects.filter(withdrawn=False, page__kind=experiences.WORK_PLACEMENT)
        .filter(start_date__gte=period.start, start_date__lt=period.end)
        .annotate(month=TruncMonth("start_date"), key_stage=F("page__key_stages__code"))
        .values("month", "key_stage")
        .annotate(n=Sum("places"))
    )
    requests = (
        PlacementRequest.objects.filter(created_at__gte=period.start_datetime)
        .exclude(window__page__kind__in=experiences.ENCOUNTER_KINDS)
        .annotate(month=TruncMonth("created_at"), key_stage=F("window__page__key_stages__code"))
        .values("month", "key_stage")
        .annotate(
            requested=Sum("young_people"),
            accepted=Sum("young_people", filter=Q(status=RequestStatus.ACCEPTED)),
        )
    )
    figures: dict[tuple[datetime.date, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in offered:
        figures[(_month(row["month"]), row["key_stage"])][0] += row["n"] or 0
    for row in requests:
        figures[(_month(row["month"]), row["key_stage"])][1] += row["requested"] or 0
        figures[(_month(row["month"]), row["key_stage"])][2] += row["accepted"] or 0
    table = Table(
        title="Work placements: places offered, asked for and accepted",
        description="Places offered are in availability windows starting that month; places asked for "
        "and accepted are in requests made that month (accepted: the request's decision now). A "
        "placement open to KS4 and KS5 counts under both.",
        columns=["Month", "Key stage", "Places offered", "Places asked for", "Places accepted"],
    )
    for month in period.month_starts:
        for key_stage in experiences.PLACEMENT_STAGES:
            table.rows.append([f"{month:%B %Y}", key_stage, *figures[(month, key_stage)]])
    return table


def enquiries_per_service(period: Period) -> Table:
    """Referral enquiries each live service received in the period, how many have had a first
    answer, and the median days to it (the booklet's referral timeliness). Enquiries to a service
    that has since been deleted are listed under the name it had."""
    enquiries = ReferralEnquiry.objects.filter(created_at__gte=period.start_datetime).values_list(
        "service_id", "service_title", "created_at", "responded_at"
    )
    titles = dict(ServicePage.objects.live().values_list("pk", "title"))
    by_service: dict[int | str, list[tuple]] = {pk: [] for pk in titles}
    for service_id, service_title, created, answered in enquiries:
        key = service_id if service_id is not None else service_title
        by_service.setdefault(key, []).append((created, answered))
    missing = [key for key in by_service if isinstance(key, int) and key not in titles]
    titles.update(ServicePage.objects.filter(pk__in=missing).values_list("pk", "title"))
    rows = []
    for key, items in by_service.items():
        waits = [(answered - created).total_seconds() / 86400 for created, answered in items if answered]
        median = round(statistics.median(waits), 1) if waits else None
        rows.append([titles.get(key, key), len(items), len(waits), median])
    return Table(
        title="Referral enquiries per service",
        description="Enquiries received in the period, those answered, and the median number of days to "
        "the first answer. Live services with no enquiries are listed too.",
        columns=["Service", "Enquiries", "Answered", "Median days to first answer"],
        rows=sorted(rows, key=lambda r: (-r[1], str(r[0]))),
    )


def downloads_per_resource(period: Period) -> Table:
    """File downloads of each live resource in the period (the sum over its files)."""
    counts = dict(
        DocumentDownload.objects.filter(date__gte=period.start)
        .values("document_id")
        .annotate(n=Sum("count"))
        .values_list("document_id", "n")
    )
    totals: dict[int, list] = {}
    files = (
        ResourceFile.objects.filter(page__in=live_resources()).select_related("page").order_by("page__title")
    )
    for resource_file in files:
        row = totals.setdefault(resource_file.page_id, [resource_file.page.title, 0, 0])
        row[1] += 1
        row[2] += counts.get(resource_file.document_id, 0)
    table = Table(
        title="Downloads per resource",
        description="Downloads of each live resource's files in the period, most downloaded first. "
        "Resources whose files were not downloaded at all are listed last.",
        columns=["Resource", "Files", "Downloads"],
    )
    table.rows = sorted(totals.values(), key=lambda r: (-r[2], r[0]))
    return table


def _search_terms(period: Period, measure: str) -> list[list[Value]]:
    """The most frequent terms by `measure` ("total" searches or "zero" results)."""
    rows = (
        SearchTermCount.objects.filter(day__gte=period.start)
        .values("term")
        .annotate(total=Sum("searches"), zero=Sum("zero_results"))
        .filter(**{f"{measure}__gt": 0})
        .order_by(f"-{measure}", "term")[:TOP_TERMS]
    )
    return [[row["term"], row["total"], row["zero"]] for row in rows]


def top_searches(period: Period) -> Table:
    return Table(
        title=f"Top {TOP_TERMS} searches",
        description="What people searched the portal for most often (anonymous counts).",
        columns=["Search term", "Searches", "Found nothing"],
        rows=_search_terms(period, "total"),
    )


def zero_result_searches(period: Period) -> Table:
    return Table(
        title=f"Top {TOP_TERMS} searches that found nothing",
        description="Searches with no results: what the portal lacks, or words it should understand.",
        columns=["Search term", "Searches", "Found nothing"],
        rows=_search_terms(period, "zero"),
    )


# The dashboard's tables in page order, by the key their CSV download uses.
TABLES: dict[str, Callable[[Period], Table]] = {
    "resources-by-benchmark": lambda period: resource_heatmap(),
    "placements-by-month": placements_by_month,
    "encounters-by-year-group": experiences.by_year_group,
    "two-weeks-worth": experiences.two_weeks_worth,
    "enquiries-per-service": enquiries_per_service,
    "downloads-per-resource": downloads_per_resource,
    "top-searches": top_searches,
    "zero-result-searches": zero_result_searches,
}


def action_plan_measures(period: Period) -> Table:
    """The action plan's event measures for each academic year the period touches: a careers event
    reaching 500 young people, a roadshow in 3 schools, and the Careers Network measure."""
    first_year = AcademicYear.of(period.start_datetime)
    events = [f for f in attendance.action_plan_figures() if f.year >= first_year]
    network = [f for f in attendance.network_figures() if f.year >= first_year]
    table = Table(
        title="Action plan measures: events and the Careers Network",
        description="Per academic year (1 September to 31 August), from the attendance officers record "
        "after each event. The careers event is the year's largest careers fair, roadshow or "
        "apprenticeship event by young people attending.",
        columns=["Measure", "Academic year", "Result", "Target", "Met"],
        empty_message="No attendance recorded in this period.",
    )
    for figures in events:
        largest = figures.largest_event
        table.rows.append(
            [
                f"A careers event reaching young people{f' ({largest.event.title})' if largest else ''}",
                str(figures.year),
                figures.young_people_reached,
                attendance.TARGET_YOUNG_PEOPLE,
                "Yes" if figures.event_target_met else "Not yet",
            ]
        )
        table.rows.append(
            [
                f"Schools reached by the careers roadshow ({figures.roadshows} roadshow events)",
                str(figures.year),
                figures.roadshow_schools,
                attendance.TARGET_ROADSHOW_SCHOOLS,
                "Yes" if figures.roadshow_target_met else "Not yet",
            ]
        )
    for figures in network:
        table.rows.append(
            [
                f"Secondary schools and colleges at {attendance.TARGET_MEETINGS} or more network meetings (%)",
                str(figures.year),
                figures.share_target,
                attendance.TARGET_SHARE,
                "Yes" if figures.target_met else "Not yet",
            ]
        )
    return table


def cpd_attendance(period: Period) -> Table:
    return Table(
        title="CPD attendance by course",
        description="CPD training in the period with attendance recorded; a course is the event's title, "
        "so repeated sessions add up.",
        columns=["Course", "Sessions", "Schools and colleges", "Staff trained"],
        rows=[list(row) for row in attendance.cpd_by_course(period.start_datetime)],
    )


def booklet_uptake(period: Period) -> Table:
    """Referral enquiries per service per school term, and the share answered first time right
    (accepted without asking for more information, as the team records when it answers)."""
    enquiries = ReferralEnquiry.objects.filter(created_at__gte=period.start_datetime).values_list(
        "service_title", "created_at", "responded_at", "first_time_right"
    )
    figures: dict[tuple[str, Term], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for title, created, answered, first_time in enquiries:
        row = figures[(title, Term.of(created))]
        row[0] += 1
        row[1] += answered is not None
        row[2] += first_time is not None
        row[3] += bool(first_time)
    table = Table(
        title="Booklet uptake: referral enquiries per service per term",
        description="Enquiries each service received in each school term (autumn September to December, "
        "spring January to March, summer April to August), those answered, and of the answers the team "
        "recorded, the share accepted first time right, without asking the school for more information.",
        columns=[
            "Service",
            "Term",
            "Enquiries",
            "Answered",
            "First time right recorded",
            "First time right (%)",
        ],
    )
    for (title, term), (count, answered, recorded, right) in sorted(
        figures.items(), key=lambda item: (item[0][0], item[0][1])
    ):
        share = attendance.percent(right, recorded) if recorded else None
        table.rows.append([title, term.label, count, answered, recorded, share])
    return table


TABLES.update(
    {
        "action-plan-measures": action_plan_measures,
        "cpd-attendance": cpd_attendance,
        "booklet-uptake": booklet_uptake,
    }
)


def register_table(key: str, build: Callable[[Period], Table]) -> None:
    """Add a table from another app (called from its AppConfig.ready), so the dashboard shows the
    figures of apps that depend on publishing without publishing importing them."""
    TABLES[key] = build
