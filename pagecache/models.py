from django.db import models


class LostInvalidation(models.Model):
    """An invalidation the shared cache did not take (down or hung), written to the database
    with the change itself: every server starts a new generation once it sees one, whichever
    process made the change, even one that has exited since (pagecache/cache.py)."""

    noted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lost invalidation"

    def __str__(self):
        return f"Invalidation lost at {self.noted_at:%Y-%m-%d %H:%M:%S}"
