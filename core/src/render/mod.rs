//! Changes -> text: SQL scripts per dialect.

pub(crate) mod postgres;
pub mod sql;
pub(crate) mod sqlite;
