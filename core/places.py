from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceMixin:
    """For page types with a `city` and a `country` (django-countries) field."""

    @property
    def place(self):
        """ "City, Country" in the active language, or whichever of the two is filled in."""
        country = self.country.name if self.country else ""
        return ", ".join(part for part in (self.city, country) if part)


# Not translatable: wagtail-localize synchronises number fields from the English page.
def latitude_field():
    """The optional latitude of a page placed on the map of the network."""
    return models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        verbose_name=_("latitude"),
        help_text=_("Of the city, in decimal degrees north (Paris: 48.857). Places it on the map."),
    )


def longitude_field():
    return models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        verbose_name=_("longitude"),
        help_text=_("In decimal degrees east, negative west of Greenwich (Paris: 2.352)."),
    )


def check_both_coordinates(page):
    """A point needs both coordinates: one alone would place nothing."""
    if (page.latitude is None) != (page.longitude is None):
        message = _("Give both the latitude and the longitude, or neither.")
        missing = "latitude" if page.latitude is None else "longitude"
        raise ValidationError({missing: message})
