from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for a newcomer's machine: `load_demo_data` and everything it draws. No other app imports it."""

    name = "demo"
    verbose_name = "Demo data"
