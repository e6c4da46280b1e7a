"""The events index lists training sessions too: SeminarIndexPage becomes EventIndexPage. Its
pages keep their rows, ids and addresses; their content type is renamed with the model."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0004_training_sessions_and_event_coordinates")]

    operations = [migrations.RenameModel("SeminarIndexPage", "EventIndexPage")]
