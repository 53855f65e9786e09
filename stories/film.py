"""A story's film, from the URL an editor pastes (YouTube or Vimeo) to the player the page shows.

The player is built here from the video id rather than fetched with oEmbed: oEmbed would ask the
provider at publish time (a network call), returns the tracking host (youtube.com rather than
youtube-nocookie.com) and a generic iframe title, and Wagtail's responsive wrapper uses an inline
style the portal's CSP forbids. Only these two providers are accepted, because both offer a
privacy-enhanced player: YouTube's youtube-nocookie.com host and Vimeo's `dnt=1` (do not track)."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from django.core.exceptions import ValidationError

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^\d{1,12}$")
_VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")
_YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com"}
_VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class Film:
    """A video on YouTube or Vimeo, identified by its id (and Vimeo's private-link hash)."""

    provider: str
    video_id: str
    private_hash: str = ""

    @property
    def player_url(self) -> str:
        """The privacy-enhanced player: no cookies (YouTube) or do-not-track (Vimeo)."""
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?rel=0"
        params = {"dnt": "1", **({"h": self.private_hash} if self.private_hash else {})}
        return f"https://player.vimeo.com/video/{self.video_id}?{urlencode(params)}"

    @classmethod
    def from_url(cls, url: str) -> "Film | None":
        """The film a YouTube or Vimeo address points to, or None if it is not one."""
        parts = urlsplit(url.strip())
        if parts.scheme not in {"http", "https"}:
            return None
        host = (parts.hostname or "").removeprefix("www.")
        segments = [segment for segment in parts.path.split("/") if segment]
        if host in _YOUTUBE_HOSTS or host == "youtu.be":
            return cls._youtube(host, segments, parse_qs(parts.query))
        if host in _VIMEO_HOSTS:
            return cls._vimeo(segments, parse_qs(parts.query))
        return None

    @classmethod
    def _youtube(cls, host: str, segments: list[str], query: dict[str, list[str]]) -> "Film | None":
        if host == "youtu.be":
            candidate = segments[0] if segments else ""
        elif segments[:1] == ["watch"]:
            candidate = query.get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
        else:
            return None
        return cls("YouTube", candidate) if _YOUTUBE_ID.match(candidate) else None

    @classmethod
    def _vimeo(cls, segments: list[str], query: dict[str, list[str]]) -> "Film | None":
        if segments[:1] == ["video"]:
            segments = segments[1:]
        if not segments or not _VIMEO_ID.match(segments[0]):
            return None
        private_hash = segments[1] if len(segments) > 1 else query.get("h", [""])[0]
        if private_hash and not _VIMEO_HASH.match(private_hash):
            return None
        return cls("Vimeo", segments[0], private_hash)


def validate_film_url(url: str) -> None:
    """Model-field validator: only films we can play from a privacy-enhanced host."""
    if url and Film.from_url(url) is None:
        raise ValidationError(
            "Enter the address of a film on YouTube or Vimeo, such as "
            "https://www.youtube.com/watch?v=… or https://vimeo.com/123456789. "
            "Other sites cannot be played without cookies, so they are not accepted."
        )
