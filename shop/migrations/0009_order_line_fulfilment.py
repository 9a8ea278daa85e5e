# Each order line carries how far its centre has got with it (packed, ready for pickup, shipped).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0008_translations_in_revisions'),
    ]

    operations = [
        migrations.AddField(
            model_name='orderline',
            name='fulfilment',
            field=models.CharField(choices=[('waiting', 'Being prepared'), ('packed', 'Packed'), ('ready_for_pickup', 'Ready for pickup'), ('shipped', 'Shipped')], default='waiting', max_length=20, verbose_name='fulfilment'),
        ),
        migrations.AddField(
            model_name='orderline',
            name='fulfilment_updated_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='orderline',
            name='on_the_way_email_sent_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='orderline',
            name='tracking_note',
            field=models.CharField(blank=True, max_length=255, verbose_name='tracking note'),
        ),
    ]
