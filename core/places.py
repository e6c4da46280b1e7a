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


class CoordinatesMixin(models.Model):
    """An optional point (a partner's city, a seminar's) that places the page on the map."""

    # Not translatable: wagtail-localize synchronises number fields from the English page.
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        verbose_name=_("latitude"),
        help_text=_("Of the city, in decimal degrees north (Paris: 48.857). Places it on the map."),
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        verbose_name=_("longitude"),
        help_text=_("In decimal degrees east, negative west of Greenwich (Paris: 2.352)."),
    )

    class Meta:
        abstract = True

    def clean(self):
        """A point needs both coordinates: one alone would place nothing."""
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            message = _("Give both the latitude and the longitude, or neither.")
            missing = "latitude" if self.latitude is None else "longitude"
            raise ValidationError({missing: message})

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None
