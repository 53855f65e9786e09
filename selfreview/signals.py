"""An account linked to a school as its careers leader holds the Careers leaders role, and loses
it when the link is removed, so the role and the link never disagree."""

from typing import Any

from django.contrib.auth.models import Group

from publishing.roles import CAREERS_LEADERS

from .models import CareersLeader


def _group() -> Group:
    group, _ = Group.objects.get_or_create(name=CAREERS_LEADERS)
    return group


def join_role(sender: type, instance: CareersLeader, **kwargs: Any) -> None:
    instance.user.groups.add(_group())


def leave_role(sender: type, instance: CareersLeader, **kwargs: Any) -> None:
    instance.user.groups.remove(_group())


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    post_save.connect(join_role, sender=CareersLeader, dispatch_uid="selfreview.join_role")
    post_delete.connect(leave_role, sender=CareersLeader, dispatch_uid="selfreview.leave_role")
