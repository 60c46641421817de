"""Migration helpers of the application, imported by its revisions (glance's layout:
`alembic_migrations/add_images_tables.py` beside `versions/`)."""
