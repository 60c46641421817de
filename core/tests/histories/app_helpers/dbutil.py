"""Migration helpers of the application, imported by its revisions (as Open WebUI's
migrations/util.py and Superset's migrations/shared/utils.py are)."""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects.sqlite.base import SQLiteDialect
from sqlalchemy.exc import NoSuchTableError


def get_existing_tables():
    conn = op.get_bind()
    return set(sa.inspect(conn).get_table_names())


def table_has_index(table, index):
    insp = sa.inspect(op.get_context().bind)
    try:
        return any(ind["name"] == index for ind in insp.get_indexes(table))
    except NoSuchTableError:
        return False


def has_table(table_name):
    insp = sa.inspect(op.get_context().bind)
    return insp.has_table(table_name)


def create_table(table_name, *columns, **kwargs):
    if has_table(table_name):
        return
    op.create_table(table_name, *columns, **kwargs)


def add_columns(table_name, *columns):
    with op.batch_alter_table(table_name) as batch_op:
        for col in columns:
            batch_op.add_column(col)


def create_fks(foreign_key_name, table_name, referenced_table, local_cols, remote_cols):
    bind = op.get_bind()
    if isinstance(bind.dialect, SQLiteDialect):
        with op.batch_alter_table(table_name) as batch_op:
            batch_op.create_foreign_key(
                foreign_key_name, referenced_table, local_cols, remote_cols, ondelete="CASCADE"
            )
    else:
        op.create_foreign_key(
            foreign_key_name,
            table_name,
            referenced_table,
            local_cols,
            remote_cols,
            ondelete="CASCADE",
        )


def drop_fks(foreign_key_name, table_name):
    bind = op.get_bind()
    if isinstance(bind.dialect, SQLiteDialect):
        with op.batch_alter_table(table_name) as batch_op:
            batch_op.drop_constraint(foreign_key_name, type_="foreignkey")
    else:
        op.drop_constraint(foreign_key_name, table_name, type_="foreignkey")
