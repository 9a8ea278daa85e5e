"""Search documents for products: folded words and a full-text vector, indexed on PostgreSQL.

pg_trgm serves the typo fallback (`words %> 'xalka'`). unaccent is not created: accents and the Azerbaijani
letters are folded in Python (shop.catalogue.folding) so that SQLite, the embedded default, folds the same way.
The GIN indexes exist only on PostgreSQL (SQLite has no GIN); the model state has them on both, so
`makemigrations --check` stays clean everywhere. Documents of existing products are built after migrating
(shop.catalogue.search.documents_build_missing, on post_migrate).
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class AddIndexOnPostgres(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0015_translated_names"),
    ]

    operations = [
        TrigramExtension(),  # a no-op on SQLite
        migrations.CreateModel(
            name="ProductSearchDocument",
            fields=[
                (
                    "product",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="shop.product",
                    ),
                ),
                ("words", models.TextField(blank=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
            options={"verbose_name": "product search document"},
        ),
        AddIndexOnPostgres(
            model_name="productsearchdocument",
            index=django.contrib.postgres.indexes.GinIndex(fields=["vector"], name="product_search_vector"),
        ),
        AddIndexOnPostgres(
            model_name="productsearchdocument",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["words"], name="product_search_words_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
    ]
