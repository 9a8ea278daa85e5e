# Translations become part of a product's revisions (reviewed with the listing).

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0007_product_review_workflow'),
    ]

    operations = [
        migrations.AlterField(
            model_name='producttranslation',
            name='product',
            field=modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='translations', to='shop.product'),
        ),
    ]
