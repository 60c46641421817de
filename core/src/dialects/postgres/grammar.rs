//! PostgreSQL's DDL grammar as the input frontends need it: its statements and clauses, its
//! built-in types, the types of well-known extensions, what `ALL` privileges stand for and
//! how it prints stored expressions.

use super::Postgres;
use crate::dialects::grammar::{ExprRules, Grammar, Namer, Syntax};
use crate::model::Type;

/// Words a PostgreSQL statement starts with (the SQL commands of the manual), sorted.
const STATEMENT_KEYWORDS: &[&str] = &[
    "abort",
    "alter",
    "analyze",
    "begin",
    "call",
    "checkpoint",
    "close",
    "cluster",
    "comment",
    "commit",
    "copy",
    "create",
    "deallocate",
    "declare",
    "delete",
    "discard",
    "do",
    "drop",
    "end",
    "execute",
    "explain",
    "fetch",
    "grant",
    "import",
    "insert",
    "listen",
    "load",
    "lock",
    "merge",
    "move",
    "notify",
    "prepare",
    "reassign",
    "refresh",
    "reindex",
    "release",
    "reset",
    "revoke",
    "rollback",
    "savepoint",
    "security",
    "select",
    "set",
    "show",
    "start",
    "table",
    "truncate",
    "unlisten",
    "update",
    "vacuum",
    "values",
    "with",
];

/// Types of the extensions that ship with PostgreSQL (contrib) and of the common third-party
/// ones; an extension not listed may bring any type.
const EXTENSION_TYPES: &[(&str, &[&str])] = &[
    ("btree_gin", &[]),
    (
        "btree_gist",
        &[
            "gbtreekey16",
            "gbtreekey32",
            "gbtreekey4",
            "gbtreekey8",
            "gbtreekey_var",
        ],
    ),
    ("citext", &["citext"]),
    ("cube", &["cube"]),
    ("earthdistance", &["earth"]),
    ("fuzzystrmatch", &[]),
    ("hstore", &["ghstore", "hstore"]),
    ("intarray", &["intbig_gkey", "query_int"]),
    (
        "isn",
        &[
            "ean13", "isbn", "isbn13", "ismn", "ismn13", "issn", "issn13", "upc",
        ],
    ),
    ("lo", &["lo"]),
    ("ltree", &["lquery", "ltree", "ltree_gist", "ltxtquery"]),
    ("pg_stat_statements", &[]),
    ("pg_trgm", &["gtrgm"]),
    ("pgcrypto", &[]),
    ("plpgsql", &[]),
    (
        "postgis",
        &[
            "box2d",
            "box2df",
            "box3d",
            "geography",
            "geometry",
            "geometry_dump",
            "gidx",
            "spheroid",
            "valid_detail",
        ],
    ),
    (
        "postgis_raster",
        &[
            "raster",
            "rastbandarg",
            "reclassarg",
            "summarystats",
            "unionarg",
        ],
    ),
    (
        "postgis_topology",
        &[
            "topogeometry",
            "getfaceedges_returntype",
            "validatetopology_returntype",
        ],
    ),
    ("seg", &["seg"]),
    (
        "tablefunc",
        &[
            "tablefunc_crosstab_2",
            "tablefunc_crosstab_3",
            "tablefunc_crosstab_4",
        ],
    ),
    ("unaccent", &[]),
    ("uuid-ossp", &[]),
    ("vector", &["halfvec", "sparsevec", "vector"]),
];

impl Grammar for Postgres {
    fn has(&self, syntax: Syntax) -> bool {
        match syntax {
            Syntax::CreateSchema
            | Syntax::CreateExtension
            | Syntax::EnumTypes
            | Syntax::CreateType
            | Syntax::CreateDomain
            | Syntax::Sequences
            | Syntax::Routines
            | Syntax::RowSecurity
            | Syntax::MaterializedViews
            | Syntax::AlterIndex
            | Syntax::Privileges
            | Syntax::Comments
            | Syntax::SetStatement
            | Syntax::Ownership
            | Syntax::UnloggedTables
            | Syntax::StorageParameters
            | Syntax::Partitions
            | Syntax::Inheritance
            | Syntax::PhysicalClauses
            | Syntax::IdentityColumns
            | Syntax::ExclusionConstraints => true,
            Syntax::VirtualTables
            | Syntax::StrictTables
            | Syntax::WithoutRowid
            | Syntax::Autoincrement
            | Syntax::MysqlColumnAttrs
            | Syntax::MysqlTableOptions
            | Syntax::InlineIndexes
            | Syntax::DelimiterBlocks => false,
        }
    }

    fn statement_keywords(&self) -> &'static [&'static str] {
        STATEMENT_KEYWORDS
    }

    fn housekeeping(&self, first_word: &str) -> bool {
        matches!(
            first_word,
            "begin" | "commit" | "start" | "end" | "rollback"
        )
    }

    fn serial_type(&self, name: &str) -> Option<&'static str> {
        match name {
            "serial" | "serial4" => Some("integer"),
            "bigserial" | "serial8" => Some("bigint"),
            "smallserial" | "serial2" => Some("smallint"),
            _ => None,
        }
    }

    fn merges_duplicate_keys(&self) -> bool {
        true
    }

    fn all_privileges(&self, object_kind: &str, columns: bool) -> &'static [&'static str] {
        match (object_kind, columns) {
            ("TABLE", true) => &["SELECT", "INSERT", "UPDATE", "REFERENCES"],
            ("TABLE", false) => &[
                "SELECT",
                "INSERT",
                "UPDATE",
                "DELETE",
                "TRUNCATE",
                "REFERENCES",
                "TRIGGER",
            ],
            ("SEQUENCE", _) => &["USAGE", "SELECT", "UPDATE"],
            ("SCHEMA", _) => &["USAGE", "CREATE"],
            ("TYPE", _) => &["USAGE"],
            _ => &["EXECUTE"],
        }
    }

    fn expr_rules(&self) -> ExprRules {
        ExprRules {
            literal_casts: true,
            operator_spellings: true,
            catalog_schema: Some("pg_catalog"),
            sequence_functions: true,
            count_constant: false,
        }
    }

    fn namer(&self) -> Box<dyn Namer> {
        Box::new(super::naming::PgNamer::default())
    }

    fn is_builtin_type(&self, ty: &Type) -> bool {
        ty.user.is_none()
    }

    fn builtin_type_names(&self) -> &'static [&'static str] {
        &TYPE_NAMES
    }

    fn extension_types(&self, extension: &str) -> Option<&'static [&'static str]> {
        EXTENSION_TYPES
            .binary_search_by(|(e, _)| (*e).cmp(extension))
            .ok()
            .map(|i| EXTENSION_TYPES[i].1)
    }
}

/// Built-in type names and aliases -> the name `format_type` prints, sorted by alias.
pub(super) const TYPES: &[(&str, &str)] = &[
    ("aclitem", "aclitem"),
    ("anyarray", "anyarray"),
    ("anycompatible", "anycompatible"),
    ("anycompatiblearray", "anycompatiblearray"),
    ("anyelement", "anyelement"),
    ("anyenum", "anyenum"),
    ("anynonarray", "anynonarray"),
    ("anyrange", "anyrange"),
    ("bigint", "bigint"),
    ("bit", "bit"),
    ("bit varying", "bit varying"),
    ("bool", "boolean"),
    ("boolean", "boolean"),
    ("box", "box"),
    ("bpchar", "character"),
    ("bytea", "bytea"),
    ("char", "character"),
    ("char varying", "character varying"),
    ("character", "character"),
    ("character varying", "character varying"),
    ("cid", "cid"),
    ("cidr", "cidr"),
    ("circle", "circle"),
    ("cstring", "cstring"),
    ("date", "date"),
    ("datemultirange", "datemultirange"),
    ("daterange", "daterange"),
    ("decimal", "numeric"),
    ("double precision", "double precision"),
    ("event_trigger", "event_trigger"),
    ("fdw_handler", "fdw_handler"),
    ("float", "double precision"),
    ("float4", "real"),
    ("float8", "double precision"),
    ("inet", "inet"),
    ("int", "integer"),
    ("int2", "smallint"),
    ("int2vector", "int2vector"),
    ("int4", "integer"),
    ("int4multirange", "int4multirange"),
    ("int4range", "int4range"),
    ("int8", "bigint"),
    ("int8multirange", "int8multirange"),
    ("int8range", "int8range"),
    ("integer", "integer"),
    ("internal", "internal"),
    ("interval", "interval"),
    ("json", "json"),
    ("jsonb", "jsonb"),
    ("jsonpath", "jsonpath"),
    ("language_handler", "language_handler"),
    ("line", "line"),
    ("lseg", "lseg"),
    ("macaddr", "macaddr"),
    ("macaddr8", "macaddr8"),
    ("money", "money"),
    ("name", "name"),
    ("national char", "character"),
    ("national char varying", "character varying"),
    ("national character", "character"),
    ("national character varying", "character varying"),
    ("nchar", "character"),
    ("numeric", "numeric"),
    ("nummultirange", "nummultirange"),
    ("numrange", "numrange"),
    ("nvarchar", "character varying"),
    ("oid", "oid"),
    ("oidvector", "oidvector"),
    ("path", "path"),
    ("pg_lsn", "pg_lsn"),
    ("pg_node_tree", "pg_node_tree"),
    ("pg_snapshot", "pg_snapshot"),
    ("point", "point"),
    ("polygon", "polygon"),
    ("real", "real"),
    ("record", "record"),
    ("refcursor", "refcursor"),
    ("regclass", "regclass"),
    ("regcollation", "regcollation"),
    ("regconfig", "regconfig"),
    ("regdictionary", "regdictionary"),
    ("regnamespace", "regnamespace"),
    ("regoper", "regoper"),
    ("regoperator", "regoperator"),
    ("regproc", "regproc"),
    ("regprocedure", "regprocedure"),
    ("regrole", "regrole"),
    ("regtype", "regtype"),
    ("smallint", "smallint"),
    ("text", "text"),
    ("tid", "tid"),
    ("time", "time without time zone"),
    ("time with time zone", "time with time zone"),
    ("time without time zone", "time without time zone"),
    ("timestamp", "timestamp without time zone"),
    ("timestamp with time zone", "timestamp with time zone"),
    ("timestamp without time zone", "timestamp without time zone"),
    ("timestamptz", "timestamp with time zone"),
    ("timetz", "time with time zone"),
    ("trigger", "trigger"),
    ("tsmultirange", "tsmultirange"),
    ("tsquery", "tsquery"),
    ("tsrange", "tsrange"),
    ("tstzmultirange", "tstzmultirange"),
    ("tstzrange", "tstzrange"),
    ("tsvector", "tsvector"),
    ("txid_snapshot", "txid_snapshot"),
    ("uuid", "uuid"),
    ("varbit", "bit varying"),
    ("varchar", "character varying"),
    ("void", "void"),
    ("xid", "xid"),
    ("xid8", "xid8"),
    ("xml", "xml"),
];

/// The canonical name of a built-in type (`int4` -> `integer`): one hash probe (a dump's
/// every column asks; a binary search compared ~7 names each).
pub(super) fn builtin(name: &str) -> Option<&'static str> {
    static MAP: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    // `interval` with fields (`interval day to second`) keeps them in its name: not found.
    (MAP.get_or_init(|| TYPES.iter().copied().collect())
        .get(name))
    .copied()
}

/// Every built-in type name and alias, for suggestions.
const TYPE_NAMES: [&str; TYPES.len()] = {
    let mut out = [""; TYPES.len()];
    let mut i = 0;
    while i < TYPES.len() {
        out[i] = TYPES[i].0;
        i += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for w in TYPES.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?}", w);
        }
        for w in EXTENSION_TYPES.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?}", w);
        }
        for w in STATEMENT_KEYWORDS.windows(2) {
            assert!(w[0] < w[1], "{:?}", w);
        }
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        assert_eq!(builtin("int4"), Some("integer"));
        assert_eq!(builtin("timestamptz"), Some("timestamp with time zone"));
        assert_eq!(builtin("interval"), Some("interval"));
        assert_eq!(builtin("interval day"), None);
        assert_eq!(builtin("integr"), None);
    }
}
