"""Demo data for `manage.py load_demo_data`: data tables (*_data.py), drawn photos (pictures, drawings*),
pure specs (products, people) and the database side (builder, pages)."""
