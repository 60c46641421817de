"""moods: enum types made if missing by DO blocks, a table using them with create_type=False,
an index built concurrently, and a DO block that only raises a notice

Revision ID: a1
Revises:
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "a1"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
            END IF;
        END$$;
        """
    )
    op.execute(
        """
        DO $body$ BEGIN
            CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        EXCEPTION
            WHEN duplicate_object THEN null;
        END $body$;
        """
    )
    op.execute(
        "DO $$ BEGIN CREATE TYPE public.size AS ENUM ('s', 'm', 'l'); "
        "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("mood", postgresql.ENUM(name="mood", create_type=False), nullable=False),
        sa.Column("size", postgresql.ENUM("s", "m", "l", name="size", create_type=False)),
        sa.Column("note", sa.Text()),
    )
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_entry_mood", "entry", ["mood"], postgresql_concurrently=True
        )
    op.execute("DO $$ BEGIN RAISE NOTICE 'moods ready'; END $$;")


def downgrade():
    op.drop_index("ix_entry_mood", table_name="entry")
    op.drop_table("entry")
    op.execute("DROP TYPE size")
    op.execute("DROP TYPE mood")
