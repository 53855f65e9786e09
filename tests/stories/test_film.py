"""Film addresses become privacy-enhanced players, and nothing else is accepted."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from stories.film import Film, validate_film_url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?si=abc",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses_play_from_the_no_cookie_host(url):
    film = Film.from_url(url)
    assert film == Film("YouTube", "dQw4w9WgXcQ")
    assert film.player_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://vimeo.com/76979871/8272103f6e",
            "https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e",
        ),
        (
            "https://player.vimeo.com/video/76979871?h=8272103f6e",
            "https://player.vimeo.com/video/76979871?dnt=1&h=8272103f6e",
        ),
    ],
)
def test_vimeo_addresses_play_with_do_not_track(url, player):
    assert Film.from_url(url).player_url == player


@pytest.mark.parametrize(
    "url",
    [
        "https://videos.example.org/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UC123",
        "https://youtu.be/",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/76979871/not-a-hash!",
        "javascript:alert(1)",
        "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
    ],
)
def test_other_addresses_are_refused(url):
    assert Film.from_url(url) is None
    with pytest.raises(ValidationError):
        validate_film_url(url)


def test_every_player_host_is_allowed_by_the_content_security_policy():
    players = {Film("YouTube", "dQw4w9WgXcQ").player_url, Film("Vimeo", "76979871").player_url}
    hosts = {f"{urlsplit(url).scheme}://{urlsplit(url).hostname}" for url in players}
    assert hosts <= set(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"])
