# Each centre's photos live in their own Wagtail collection (filled in by 0005 and on centre save).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('beneficiaries', '0002_currency_from_setting'),
        ('shop', '0003_currency_from_setting'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='CentreCollection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('centre', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='photo_collection', to='beneficiaries.centre')),
                ('collection', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='centre_photos', to='wagtailcore.collection')),
            ],
            options={
                'verbose_name': 'centre photo collection',
            },
        ),
    ]
