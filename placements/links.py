"""The requester's status link: no account, just an unguessable path."""

from django.core import signing
from django.utils.crypto import constant_time_compare

from .models import PlacementRequest

STATUS_SALT = "placements.request-status"


def status_token(placement_request: PlacementRequest) -> str:
    """The unguessable part of the requester's status link: the request's random id and its
    signature, joined by "-" (Wagtail's page URLs allow only letters, digits, "_" and "-")."""
    public_id = placement_request.public_id.hex
    return f"{public_id}-{signing.Signer(salt=STATUS_SALT).signature(public_id)}"


def request_for_token(token: str) -> PlacementRequest | None:
    public_id, _, signature = token.partition("-")
    expected = signing.Signer(salt=STATUS_SALT).signature(public_id)
    if len(public_id) != 32 or not constant_time_compare(signature, expected):
        return None
    return (
        PlacementRequest.objects.select_related("window", "window__page", "team", "school", "setting")
        .filter(public_id=public_id)
        .first()
    )
