//! Frontends: text in some input language -> [`Schema`](crate::model::Schema), with
//! positioned diagnostics. Each input language is a folder here; today SQL DDL ([`sql`]).

pub mod sql;
