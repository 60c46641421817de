//! MySQL column types for Alembic files. None yet: a column's MySQL attributes
//! (`AUTO_INCREMENT`, `ON UPDATE`, `CHARACTER SET`, `COMMENT`, `UNSIGNED`) are not passed to
//! the Alembic writer with its type, so a `sa.Column(..)` could silently lose them. Until they
//! are, every change that needs a column type is written as `op.execute` with the MySQL
//! statement (which real Alembic on MariaDB runs: `cli/tests/alembic_mariadb.py`).

use crate::dialects::sqlalchemy::SaType;
use crate::model::Type;

/// The SQLAlchemy type of a MySQL column type: `None` (see the module documentation).
pub(crate) fn sa_type(_ty: &Type, _collation: Option<&str>) -> Option<SaType> {
    None
}
