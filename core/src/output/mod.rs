//! Changes -> text: SQL scripts ([`sql`]), the JSON report ([`json`]) and Alembic revision
//! files ([`alembic`]), written from the same UP and DOWN change lists.

pub mod alembic;
pub mod json;
pub mod sql;
