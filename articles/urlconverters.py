"""Path converters for the site's URLs (registered by ArticlesConfig.ready, before any URLconf)."""

from django.urls import register_converter


class IdConverter:
    """A row id: up to 18 digits, so that every value matched fits the database's 64-bit integer
    (Django's `int` matches any number of digits, and a lookup of a 20-digit foreign key fails
    on SQLite). A longer number matches nothing: 404."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


class YearConverter:
    """Four digits naming a year the calendar has (0000 is no year: the path matches nothing)."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        year = int(value)
        if year < 1:
            raise ValueError("no year 0")
        return year

    def to_url(self, value):
        return f"{int(value):04d}"


class UnicodeSlugConverter:
    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


def register():
    register_converter(IdConverter, "id")
    register_converter(YearConverter, "year")
    register_converter(UnicodeSlugConverter, "uslug")
