from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The site shell: home page, standard pages and the demo content command."""

    name = "portal.home"
    label = "home"
    verbose_name = "Home and standard pages"
