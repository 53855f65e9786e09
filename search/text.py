"""Words, stems and queries, shared by both engines.

The database engine cannot rely on the database to understand English (SQLite's FTS5 does no
stemming; PostgreSQL would, but differently), so text is turned into stems here, once, and the
same function runs on what is indexed and on what is searched: "placements", "placement" and
"placement's" all become `placement`. Query parsing never fails: whatever is typed ends up as a list
of clauses of plain letters and digits, which cannot break any engine's query syntax."""

import functools
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .registry import IndexDocument, label_text
from .synonyms import SYNONYM_GROUPS

# A word is a run of letters or digits in any script (not underscores, which \w allows).
WORD_RE = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60
MAX_QUERY_CHARS = 256
# How much of a longer text is read (room for spaces and control characters between the words).
READ_CHARS = 16 * MAX_QUERY_CHARS
MAX_CLAUSES = 12

# Lucene's English stop words, so that the database engine drops exactly what Elasticsearch's
# `_english_` stop filter drops.
_LUCENE_ENGLISH_STOP_WORDS = (
    "a an and are as at be but by for if in into is it no not of on or such that the their then "
    "there these they this to was will with"
)
STOP_WORDS = frozenset(_LUCENE_ENGLISH_STOP_WORDS.split())

_stemmer = snowballstemmer.stemmer("english")
_stemmer_lock = threading.Lock()  # a Snowball stemmer keeps state between calls


def fold(text: str) -> str:
    """Lower case without accents, so "Café" and "cafe" are one word."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`, stop words included (phrases need their positions)."""
    return [w for w in WORD_RE.findall(fold(text)) if len(w) <= MAX_WORD_LENGTH]


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    if word.isdigit():
        return word
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def index_terms(text: str) -> list[str]:
    """What the database engine indexes for `text`: the stems of its words, stop words dropped."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


# The text fields of a document, most important first (each engine weighs them in this order).
INDEXED_FIELDS = ("title", "summary", "labels", "body")


@dataclass(frozen=True)
class Terms:
    """The stems of each indexed field of a document."""

    title: list[str]
    summary: list[str]
    labels: list[str]
    body: list[str]

    @classmethod
    def of(cls, document: IndexDocument) -> "Terms":
        return cls(
            title=index_terms(document.title),
            summary=index_terms(document.summary),
            labels=index_terms(label_text(document)),
            body=index_terms(document.body),
        )


def clean_query_text(raw: str) -> tuple[str, bool]:
    """Search text made safe to carry around: no control characters (NUL included), one space
    between words, curly quotes made straight, at most MAX_QUERY_CHARS. Returns (text, shortened).
    Text longer than READ_CHARS is shortened from its first READ_CHARS characters: a pasted
    megabyte is not read to the end to keep 256 characters of it."""
    if len(raw) > READ_CHARS:
        return clean_query_text(raw[:READ_CHARS])[0], True
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in raw)
    text = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb]", '"', text)
    text = " ".join(text.split())
    return text[:MAX_QUERY_CHARS].strip(), len(text) > MAX_QUERY_CHARS


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Clause:
    """One thing every result must contain: any one of `alternatives` (phrases of stems).
    A clause comes from one word, a run of words that is a synonym, or a quoted phrase."""

    words: tuple[str, ...]
    alternatives: tuple[Phrase, ...]
    exact: bool = False
    group: int | None = None  # the synonym group the alternatives are, if any


@dataclass(frozen=True)
class ParsedQuery:
    clauses: tuple[Clause, ...] = ()
    free_text: str = ""  # the words outside quotes, for engines that analyse text themselves
    phrases: tuple[str, ...] = ()  # the quoted phrases, as typed
    corrections: Mapping[str, str] = field(default_factory=dict)

    @property
    def has_terms(self) -> bool:
        return bool(self.clauses)

    @property
    def stems(self) -> frozenset[str]:
        """Every stem the query could match, for highlighting."""
        return frozenset(s for clause in self.clauses for phrase in clause.alternatives for s in phrase)


Corrector = Callable[[list[str]], Mapping[str, str]]


def _stem_phrase(text: str) -> Phrase:
    return tuple(stem(w) for w in words(text) if w not in STOP_WORDS)


@functools.cache
def _synonym_index() -> dict[str, list[tuple[Phrase, int]]]:
    """First stem -> [(phrase, number of its synonym group)], longest phrases first."""
    index: dict[str, list[tuple[Phrase, int]]] = {}
    for number, phrases in enumerate(synonym_groups()):
        for phrase in phrases:
            index.setdefault(phrase[0], []).append((phrase, number))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


@functools.cache
def synonym_groups() -> tuple[tuple[Phrase, ...], ...]:
    """The shared synonym groups as phrases of stems."""
    return tuple(tuple(dict.fromkeys(_stem_phrase(term) for term in group)) for group in SYNONYM_GROUPS)


def synonym_token(group: int) -> str:
    """One made-up word standing for a whole synonym group, for engines that index it beside the
    words (PostgreSQL: a multi-word synonym becomes one lexeme instead of a phrase to check)."""
    return f"zzsynonym{group}"


def find_synonyms(stems: Sequence[str]) -> Iterator[tuple[int, int, int]]:
    """(start, length, group) of every synonym phrase in `stems`, left to right, longest first."""
    i = 0
    while i < len(stems):
        for phrase, group in _synonym_index().get(stems[i], ()):
            if tuple(stems[i : i + len(phrase)]) == phrase:
                yield i, len(phrase), group
                i += len(phrase)
                break
        else:
            i += 1


def _free_clauses(free_words: list[str]) -> Iterator[Clause]:
    """Clauses for unquoted words: each word, or each run of words that is a synonym."""
    stems = [stem(w) for w in free_words]
    synonyms = {start: (length, group) for start, length, group in find_synonyms(stems)}
    i = 0
    while i < len(stems):
        if i in synonyms:
            length, group = synonyms[i]
            yield Clause(tuple(free_words[i : i + length]), synonym_groups()[group], group=group)
            i += length
        else:
            yield Clause((free_words[i],), ((stems[i],),))
            i += 1


def _segments(text: str) -> Iterator[tuple[str, bool]]:
    """(segment, quoted) pieces of `text`; an unclosed quote just starts more free text."""
    parts = text.split('"')
    closed = len(parts) % 2 == 1
    for i, part in enumerate(parts):
        quoted = i % 2 == 1 and (closed or i < len(parts) - 1)
        if part.strip():
            yield part, quoted


def parse(text: str, correct: Corrector | None = None) -> ParsedQuery:
    """Clauses for `text`. `correct` maps unknown words to known ones (typo tolerance)."""
    segments = list(_segments(text))
    free_words = [w for seg, quoted in segments if not quoted for w in words(seg) if w not in STOP_WORDS]
    corrections = dict(correct(free_words)) if correct and free_words else {}
    clauses: list[Clause] = []
    for segment, quoted in segments:
        segment_words = [w for w in words(segment) if w not in STOP_WORDS]
        if quoted and segment_words:
            clauses.append(Clause(tuple(segment_words), (tuple(stem(w) for w in segment_words),), True))
        elif segment_words:
            clauses.extend(_free_clauses([corrections.get(w, w) for w in segment_words]))
    unique = tuple(dict.fromkeys(clauses))[:MAX_CLAUSES]
    return ParsedQuery(
        clauses=unique,
        free_text=" ".join(seg for seg, quoted in segments if not quoted).strip(),
        phrases=tuple(seg.strip() for seg, quoted in segments if quoted),
        corrections=corrections,
    )


def corrected_text(text: str, corrections: Mapping[str, str]) -> str:
    """`text` with each corrected word replaced, for "Showing results for …"."""
    for wrong, right in corrections.items():
        text = re.sub(rf"(?<![^\W_]){re.escape(wrong)}(?![^\W_])", right, text, flags=re.IGNORECASE)
    return text


def highlight(text: str, stems: Iterable[str]) -> SafeString:
    """`text` escaped, with each word whose stem is in `stems` wrapped in <mark>."""
    wanted = frozenset(stems)
    out: list[str] = []
    last = 0
    for match in WORD_RE.finditer(text):
        if stem(fold(match.group())) in wanted:
            out += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of text above is escaped


def snippet(text: str, stems: Iterable[str], length: int = 30) -> SafeString | None:
    """The `length`-word window of `text` with most matching words, highlighted; None without matches."""
    wanted = frozenset(stems)
    spans = [(m.start(), m.end(), stem(fold(m.group())) in wanted) for m in WORD_RE.finditer(text)]
    hits = [i for i, (_, _, hit) in enumerate(spans) if hit]
    if not hits:
        return None
    best = max(hits, key=lambda i: sum(1 for j in hits if i <= j < i + length))
    start = max(0, min(best - 3, len(spans) - length))
    end = min(len(spans), start + length) - 1
    body = highlight(text[spans[start][0] : spans[end][1]], wanted)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(spans) - 1 else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped by highlight()
