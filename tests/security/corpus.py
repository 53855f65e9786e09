"""The hostile values thrown at every public query parameter and form field.

Each value is kept *percent-encoded*, exactly as it travels in a query string or an
application/x-www-form-urlencoded body, so that bytes no Python string can hold (invalid UTF-8,
an overlong "/", a lone surrogate's UTF-8 form) reach Django as an attacker would send them. A
value may repeat its parameter (a list where one value is expected, 500 copies, more fields than
Django accepts)."""

from dataclasses import dataclass
from urllib.parse import quote, unquote

from django.conf import settings

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
# What must never come back unescaped in an HTML page.
UNESCAPED_MARKUP = (SCRIPT.encode(), b"<img src=x onerror=alert(1)>")


@dataclass(frozen=True)
class Bad:
    """One hostile value: its test id and its raw, percent-encoded form (one item per copy of the
    parameter; no items means the parameter is left out)."""

    name: str
    raw: tuple[str, ...]
    sharp: bool = False  # also sent to each parameter on its own (see the test module)

    def pairs(self, param: str) -> list[str]:
        return [f"{quote(param)}={value}" for value in self.raw]

    @property
    def values(self) -> list[str]:
        """The values as Django reads them (invalid UTF-8 replaced, as Django replaces it)."""
        return [unquote(value, errors="replace") for value in self.raw]

    @property
    def text(self) -> str:
        """The value a single-valued field reads: the last copy, as QueryDict.get does."""
        return self.values[-1] if self.raw else ""


def text(name: str, value: str, *, sharp: bool = False) -> Bad:
    return Bad(name, (quote(value, safe=""),), sharp)


def repeated(name: str, *values: str, sharp: bool = False) -> Bad:
    return Bad(name, tuple(quote(value, safe="") for value in values), sharp)


CORPUS: tuple[Bad, ...] = (
    # Empty
    text("empty", "", sharp=True),
    text("blank", "   \t "),
    # Over-long
    text("10k-chars", "x" * 10_000),
    text("1-mb", "x" * 1_000_000, sharp=True),
    # Control characters
    text("nul", "a\x00bcdef", sharp=True),
    text("nul-only", "\x00"),
    text("crlf-header", "x\r\nSet-Cookie: hacked=1"),
    text("control-characters", "x" + "".join(chr(c) for c in range(1, 32)) + "\x7f\x85\x9b"),
    # Bytes that are not UTF-8
    Bad("invalid-utf8", ("%ff%fe",), sharp=True),
    Bad("overlong-surrogate-truncated", ("%c0%af%ed%a0%80%e2%82",)),
    Bad("bad-percent", ("%zz%",)),
    # Markup and injection
    text("script", SCRIPT, sharp=True),
    text("attribute-break", IMG),
    text("template-tags", "{{ 7|add:7 }}{% debug %}"),
    text("sql", "' OR 1=1; DROP TABLE wagtailcore_page; --"),
    text("like-wildcards", "%_%\\"),
    text("traversal-and-operators", '../../../etc/passwd {"$gt": ""}'),
    # Addresses elsewhere (for `next` and return addresses)
    text("offsite-url", "https://evil.example.org/"),
    text("protocol-relative-url", "/\\evil.example.org"),
    text("javascript-url", "javascript:alert(1)"),
    # Numbers
    text("minus-one", "-1"),
    text("zero", "0"),
    text("huge-integer", "99999999999999999999", sharp=True),
    text("float-max", "1e308"),
    text("nan", "NaN"),
    text("fraction", "1.5"),
    text("superscript-digit", "²", sharp=True),
    text("arabic-indic-digits", "١٢"),
    text("fullwidth-digit", "３"),
    # Dates
    text("impossible-date", "2026-02-30"),
    text("past-date", "1900-01-01"),
    text("day-first-date", "31/13/2026"),
    text("year-one", "0001-01-01"),
    text("year-9999", "9999-12-31"),
    text("datetime-overflow-low", "0001-01-01T00:00:00+05:00"),
    text("datetime-overflow-high", "9999-12-31T23:59:59-05:00", sharp=True),
    text("month-13", "2026-13"),
    # Wrong types and repeats
    repeated("list-for-scalar", "1", "2", sharp=True),
    repeated("scalar-and-junk", "1", "abc", ""),
    repeated("repeated-500", *["1"] * 500),
    repeated("distinct-500", *[str(n) for n in range(500)]),
    # One more field than Django reads (portal/settings raises its limit for the admin's forms).
    repeated("too-many-fields", *["1"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)),
    # Unicode oddities
    text("rtl-override", "\u202etxt.exe"),
    text("invisible-marks", "a\u200bb\u200d\ufeffe\u0301\u0301"),
    text("emoji", "👩‍🏫🇬🇧"),
    text("dotted-capital-i", "İstanbul"),
)

# Values that break one parser on its own: sent to each parameter and field separately as well as
# all together (the whole corpus goes to every parameter at once, see the test module).
SHARP: tuple[Bad, ...] = tuple(bad for bad in CORPUS if bad.sharp)

# Form fields are also sent with the field left out altogether.
MISSING = Bad("missing", (), sharp=True)
FORM_CORPUS: tuple[Bad, ...] = (MISSING, *CORPUS)
