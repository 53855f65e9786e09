"""The visitor's address, for rate limits, when the portal runs behind the council's proxy."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """REMOTE_ADDR, unless TRUSTED_PROXIES says how many proxies in front of the portal append to
    X-Forwarded-For: then the address the outermost trusted proxy saw. Without it, every visitor
    behind a proxy would share the proxy's address and one rate limit. Entries further left were
    written by whoever sent the request, so they are never trusted."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXIES
    if hops > 0:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(forwarded) >= hops:
            try:
                return str(ipaddress.ip_address(forwarded[-hops]))
            except ValueError:
                pass
    return remote
