"""Becoming a school contributor: receiving a request, approving it (by an editor, or by confirming
an address on the auto-approve list), and the emails in between.

What a visitor sees never depends on whether an account or a request already exists for the
address: every request gets the same page and exactly one email, whose content differs (a
confirmation link, an acknowledgement, or a reminder that they already have an account), so
neither the page nor the work done before it answers says who has an account."""

import hashlib
import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.log_actions import log

from portal.outbox import queue_email

from .models import ContributorRequest
from .roles import SCHOOL_CONTRIBUTORS

VERIFY_SALT = "publishing.contributor-request.verify"


class InvalidLink(Exception):
    """The confirmation link is forged, expired, or its request is gone or already decided."""


class AlreadyDecided(Exception):
    """Someone else approved or turned down the request first."""


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email(key: str, template: str, to: str, context: dict[str, Any]) -> None:
    """Queue one email, inside the caller's transaction; `key` makes it once only."""
    subject = render_to_string(f"publishing/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"publishing/email/{template}.txt", context)
    queue_email(key=f"publishing:{key}", subject=subject, body=body, to=[to])


def find_user(email: str) -> Any:
    return get_user_model().objects.filter(email__iexact=email).first()


@transaction.atomic
def receive(data: dict[str, Any], submission: uuid.UUID | None = None) -> None:
    """Handle a request from the public form (already validated). A second request from the same
    address replaces the details of the first rather than adding another row. `submission` is the
    form's one-time token: the same form sent twice (a double click) sends one email."""
    email = data["email"].strip().lower()
    address = hashlib.sha256(email.encode()).hexdigest()[:16]
    key = f"request-account:{submission or uuid.uuid4()}:{address}"
    user = find_user(email)
    if user is not None:
        _email(
            key,
            "already_registered",
            email,
            {"user": user, "reset_url": absolute(reverse("wagtailadmin_password_reset"))},
        )
        return
    details = {k: data[k] for k in ("name", "school", "role_at_school")}
    request = ContributorRequest.objects.pending().filter(email=email).first()
    if request is None:
        request = ContributorRequest.objects.create(email=email, **details)
    else:
        ContributorRequest.objects.filter(pk=request.pk).update(**details)
        request.refresh_from_db()
    if request.is_auto_approvable:
        _email(
            key,
            "confirm_address",
            email,
            {
                "request": request,
                "confirm_url": absolute(confirm_path(request)),
                "hours": settings.CONTRIBUTOR_VERIFY_MAX_AGE_HOURS,
            },
        )
    else:
        # Editors see waiting requests on their dashboard rather than by email, so this branch
        # does the same work as the others (one email) and its timing gives nothing away.
        _email(key, "request_received", email, {"request": request})


def confirm_path(request: ContributorRequest) -> str:
    token = signing.dumps({"id": request.pk, "email": request.email}, salt=VERIFY_SALT)
    return reverse("publishing:confirm_address", args=[token])


def request_from_token(token: str) -> ContributorRequest:
    """The pending, auto-approvable request a confirmation link is for (signed, expiring)."""
    max_age = settings.CONTRIBUTOR_VERIFY_MAX_AGE_HOURS * 3600
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=max_age)
    except signing.BadSignature as error:  # includes SignatureExpired
        raise InvalidLink from error
    request = ContributorRequest.objects.pending().filter(pk=data.get("id"), email=data.get("email")).first()
    if request is None or not request.is_auto_approvable:
        raise InvalidLink
    return request


def set_password_path(user: Any) -> str:
    """Wagtail's own set-password page (Django's validators apply), with a one-use token."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return reverse("wagtailadmin_password_reset_confirm", args=[uid, token])


@transaction.atomic
def approve(request: ContributorRequest, by: Any = None) -> Any:
    """Create the contributor's account (no usable password yet) in School contributors. `by` is
    the approving editor, or None when confirming an auto-approved address."""
    request = ContributorRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != ContributorRequest.Status.PENDING:
        raise AlreadyDecided
    user = find_user(request.email)
    if user is None:
        first, _, last = request.name.partition(" ")
        user = get_user_model().objects.create_user(
            username=request.email, email=request.email, first_name=first[:150], last_name=last[:150]
        )  # create_user without a password sets an unusable one
    user.groups.add(Group.objects.get(name=SCHOOL_CONTRIBUTORS))
    request.status = ContributorRequest.Status.APPROVED
    request.decided_at = timezone.now()
    request.decided_by = by
    request.user = user
    request.save(update_fields=["status", "decided_at", "decided_by", "user"])
    log(
        request,
        "publishing.contributor.approve",
        user=by,
        data={"email": request.email, "by_domain": by is None},
    )
    return user


@transaction.atomic
def approve_and_invite(request: ContributorRequest, by: Any) -> None:
    """An editor's approval: the account, and an email with a link to set a password."""
    user = approve(request, by=by)
    _email(
        f"approved:{request.pk}",
        "approved",
        user.email,
        {"request": request, "set_password_url": absolute(set_password_path(user))},
    )


@transaction.atomic
def reject(request: ContributorRequest, by: Any) -> None:
    """Turn a request down. The person is told; the request is deleted after the retention period."""
    request = ContributorRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != ContributorRequest.Status.PENDING:
        raise AlreadyDecided
    request.status = ContributorRequest.Status.REJECTED
    request.decided_at = timezone.now()
    request.decided_by = by
    request.save(update_fields=["status", "decided_at", "decided_by"])
    log(request, "publishing.contributor.reject", user=by, data={"email": request.email})
    _email(f"rejected:{request.pk}", "rejected", request.email, {"request": request})


def confirm_address(request: ContributorRequest) -> str:
    """The person followed their confirmation link and pressed the button: approve them and
    return where to set their password."""
    try:
        user = approve(request, by=None)
    except AlreadyDecided as error:  # a second press of the button
        raise InvalidLink from error
    return set_password_path(user)
