import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):
    """The old single-maker, single-picture fields go; the blocks take the name `body`."""

    dependencies = [("cms", "0008_story_content_to_blocks")]

    operations = [
        migrations.RemoveField(model_name="makerstorypage", name="maker"),
        migrations.RemoveField(model_name="makerstorypage", name="image"),
        migrations.RemoveField(model_name="makerstorypage", name="image_alt"),
        # Blank first, so that undoing this migration can add the column back to rows that already exist.
        migrations.AlterField(
            model_name="makerstorypage", name="body", field=wagtail.fields.RichTextField(blank=True, verbose_name="story")
        ),
        migrations.RemoveField(model_name="makerstorypage", name="body"),
        migrations.RenameField(model_name="makerstorypage", old_name="story_blocks", new_name="body"),
    ]
