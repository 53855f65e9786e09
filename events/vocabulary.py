"""The events calendar's own choices: the types of event. Apart from the models so that the
filters can name them without importing the pages."""

from django.db import models


class EventKind(models.TextChoices):
    CAREERS_FAIR = "careers-fair", "Careers fair"
    ROADSHOW = "roadshow", "Careers roadshow"
    NETWORK_MEETING = "careers-network", "Careers Network meeting"
    APPRENTICESHIP = "apprenticeship-event", "Apprenticeship event"
    OPEN_DAY = "open-day", "Open day"
    SUMMER_SCHOOL = "summer-school", "Summer-school week"
    CPD = "cpd", "CPD training"
