"""School phases and needs: fixed vocabulary seeded by a data migration, like the key stages, so
services can be filtered and counted by them. Each carries the stable Open Referral id that
`directory.vocabulary` derives from its code."""

from django.db import models

from portal.taxonomy.models import FixedTerm


class DirectoryTerm(FixedTerm):
    code = models.SlugField(max_length=40, unique=True, editable=False)
    name = models.CharField(max_length=80)
    description = models.TextField()
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)
    oruk_id = models.UUIDField("Open Referral id", unique=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.name


class Phase(DirectoryTerm):
    """A phase of education: early years, primary, secondary, post-16."""


class Need(DirectoryTerm):
    """A need a service helps with: SEND, children in our care, families, wellbeing and so on."""
