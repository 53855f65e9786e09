from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The shared resource bank: lesson plans, activities, toolkits, guidance and good-practice case studies."""

    name = "resources"
    verbose_name = "Resource bank"
