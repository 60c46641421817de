//! Changes -> text: SQL scripts per dialect.

pub(crate) mod postgres;
pub mod sql;
pub(crate) mod sqlite;

use crate::dialect::Dialect;
use crate::model::{Column, QualName};

/// The data step of `--backfill`: existing rows get `value` where the column is NULL.
pub(crate) fn backfill_sql(
    d: &dyn Dialect,
    table: &QualName,
    column: &Column,
    value: &str,
) -> String {
    let col = d.quote_ident(&column.name);
    format!(
        "-- review: the value existing rows get\nUPDATE {} SET {col} = {value} WHERE {col} IS NULL",
        d.quote_name(table)
    )
}
