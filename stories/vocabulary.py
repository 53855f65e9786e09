"""The Born and Bred stories' own choices: the sector a person works in and the kinds of step on
their route. Apart from the models so that the filters can name them without importing the pages."""

from django.db import models


class Sector(models.TextChoices):
    ENGINEERING = "engineering-manufacturing", "Engineering and manufacturing"
    CHEMICALS = "chemicals-process", "Chemicals and process industries"
    ENERGY = "clean-energy", "Clean energy"
    HEALTH = "health-care", "Health and social care"
    DIGITAL = "digital-creative", "Digital and creative"
    CONSTRUCTION = "construction", "Construction"
    PUBLIC_SERVICES = "public-services", "Public services"
    EDUCATION = "education-childcare", "Education and childcare"
    BUSINESS = "business-finance", "Business and finance"
    HOSPITALITY = "hospitality-retail", "Hospitality, retail and tourism"
    LOGISTICS = "logistics-transport", "Logistics and transport"
    SPORT = "sport-leisure", "Sport and leisure"


class StepKind(models.TextChoices):
    SCHOOL = "school", "School"
    COLLEGE = "college", "College or sixth form"
    APPRENTICESHIP = "apprenticeship", "Apprenticeship"
    UNIVERSITY = "university", "University"
    TRAINING = "training", "Training course"
    JOB = "job", "Job"
