class PlaceMixin:
    """For page types with a `city` and a `country` (django-countries) field."""

    @property
    def place(self):
        """ "City, Country" in the active language, or whichever of the two is filled in."""
        country = self.country.name if self.country else ""
        return ", ".join(part for part in (self.city, country) if part)
