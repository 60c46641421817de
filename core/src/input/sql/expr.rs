//! Canonical keys for SQL fragments, so that `'a'::text` and `'a'`, `x IN (1, 2)` and
//! `x = ANY (ARRAY[1, 2])`, `(a > 0)` and `a > 0` compare equal.
//!
//! Expressions are parsed with sqlparser and rewritten to one canonical shape; what sqlparser
//! cannot parse falls back to a token-level key (case-folded words, single spaces).

use crate::dialects::grammar::ExprRules;
use crate::dialects::{canonical_ident, push_canonical_ident, Dialect};
use crate::model::{QualName, Str};
use sqlparser::ast::{
    BinaryOperator, CastKind, DataType, Expr, Ident, ObjectName, ObjectNamePart, Query, SelectItem,
    SetExpr, TableFactor, TableWithJoins, UnaryOperator, Value, ValueWithSpan, VisitMut,
    VisitorMut,
};
use sqlparser::dialect::PostgreSqlDialect;
use sqlparser::keywords::Keyword;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::{Span, Token, TokenWithSpan};
use std::fmt::Write;
use std::ops::ControlFlow;

/// sqlparser's own recursion limit, a backstop: it counts fewer levels than the units of
/// [`super::MAX_DEPTH`], so what passes that check is parsed, not left as tokens
/// (`tests/hostile.rs` checks every nesting shape at the limit).
const RECURSION_LIMIT: usize = super::MAX_DEPTH;

fn parser<'a>(toks: &[TokenWithSpan], dialect: &'a dyn Dialect) -> Parser<'a> {
    Parser::new(dialect.parser_dialect())
        .with_recursion_limit(RECURSION_LIMIT)
        .with_tokens_with_locations(toks.iter().cloned().map(super::lex::with_keyword).collect())
}

/// Canonical key of an expression.
pub fn expr_key(toks: &[TokenWithSpan], dialect: &dyn Dialect) -> String {
    expr_key_with(toks, dialect, false)
}

/// [`expr_key`], with a shortcut when `fast`: a lone name that is no keyword (an index
/// column, most of them), for PostgreSQL, is what sqlparser parses it to, an
/// `Expr::Identifier`, made canonical without the parser (`tests/fast_path.rs` checks both
/// give the same key).
pub fn expr_key_with(toks: &[TokenWithSpan], dialect: &dyn Dialect, fast: bool) -> String {
    if let [TokenWithSpan {
        token: Token::Word(w),
        ..
    }] = toks
    {
        // The fast lexer leaves the keyword out (see `lex::with_keyword`).
        let plain = w.quote_style.is_none()
            && w.keyword == Keyword::NoKeyword
            && super::lex::keyword_lookup(&w.value) == Keyword::NoKeyword;
        if fast
            && (plain || w.quote_style == Some('"'))
            && dialect.parser_dialect().is::<PostgreSqlDialect>()
        {
            let mut i = Ident {
                value: w.value.clone(),
                quote_style: w.quote_style,
                span: Span::empty(),
            };
            Canon::new(dialect).canon_ident(&mut i);
            return Expr::Identifier(i).to_string();
        }
    }
    let mut p = parser(toks, dialect);
    match p.parse_expr() {
        Ok(mut e) if p.peek_token().token == Token::EOF => {
            let _ = e.visit(&mut Canon::new(dialect));
            strip_nested(e).to_string()
        }
        _ => token_key(toks, dialect),
    }
}

/// Canonical key of a query (view body) and the relations it reads.
pub fn query_key(
    toks: &[TokenWithSpan],
    dialect: &dyn Dialect,
    default_schema: &str,
) -> (String, Vec<QualName>) {
    let mut p = parser(toks, dialect);
    match p.parse_query() {
        Ok(mut q) if p.peek_token().token == Token::EOF => {
            let mut rels = Vec::new();
            let _ = sqlparser::ast::visit_relations(&*q, |name: &ObjectName| {
                if let Some(qn) = object_qual_name(name, dialect, default_schema) {
                    rels.push(qn);
                }
                ControlFlow::<()>::Continue(())
            });
            let _ = VisitMut::visit(&mut *q, &mut Canon::new(dialect));
            (canonical_query_text(&q), rels)
        }
        _ => (
            token_key(toks, dialect),
            token_relations(toks, dialect, default_schema),
        ),
    }
}

fn canonical_query_text(q: &Query) -> String {
    q.to_string()
}

/// Relations after FROM/JOIN in a token stream (fallback when a query does not parse).
fn token_relations(
    toks: &[TokenWithSpan],
    dialect: &dyn Dialect,
    default_schema: &str,
) -> Vec<QualName> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if super::cursor::is_kw(&t.token, "from") || super::cursor::is_kw(&t.token, "join") {
            if let Some(Token::Word(w)) = toks.get(i + 1).map(|t| &t.token) {
                let first = fold(w.value.as_str(), w.quote_style, dialect);
                if let (Some(Token::Period), Some(Token::Word(w2))) = (
                    toks.get(i + 2).map(|t| &t.token),
                    toks.get(i + 3).map(|t| &t.token),
                ) {
                    out.push(QualName::new(
                        first,
                        fold(&w2.value, w2.quote_style, dialect),
                    ));
                } else {
                    out.push(QualName::new(default_schema, first));
                }
            }
        }
    }
    out
}

fn fold(value: &str, quote: Option<char>, dialect: &dyn Dialect) -> Str {
    match quote {
        Some(_) => dialect.fold_quoted(value),
        None => dialect.fold_ident(value),
    }
}

fn object_qual_name(
    name: &ObjectName,
    dialect: &dyn Dialect,
    default_schema: &str,
) -> Option<QualName> {
    let parts: Vec<Str> = name
        .0
        .iter()
        .filter_map(|p| match p {
            ObjectNamePart::Identifier(i) => Some(fold(&i.value, i.quote_style, dialect)),
            _ => None,
        })
        .collect();
    match parts.as_slice() {
        [n] => Some(QualName::new(default_schema, n.clone())),
        [.., s, n] => Some(QualName::new(s.clone(), n.clone())),
        [] => None,
    }
}

/// Token-level key: unquoted words folded, quoted names unquoted where that is the same name,
/// the catalog schema's (`pg_catalog.`) and the default schema's qualifier dropped, single
/// spaces.
pub fn token_key(toks: &[TokenWithSpan], dialect: &dyn Dialect) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i].token;
        if let Token::Word(w) = t {
            let folded = fold(&w.value, w.quote_style, dialect);
            let catalog = dialect.grammar().expr_rules().catalog_schema;
            let qualifier = catalog == Some(folded.as_str()) || folded == dialect.default_schema();
            if qualifier && matches!(toks.get(i + 1).map(|t| &t.token), Some(Token::Period)) {
                i += 2;
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            push_canonical_ident(&mut out, &folded, dialect);
        } else {
            if !out.is_empty() {
                out.push(' ');
            }
            let _ = write!(out, "{t}");
        }
        i += 1;
    }
    out
}

/// Remove every `Nested` (parenthesised) node; precedence is made explicit again by
/// [`Canon::post_visit_expr`] wrapping compound operands.
fn strip_nested(e: Expr) -> Expr {
    match e {
        Expr::Nested(inner) => strip_nested(*inner),
        other => other,
    }
}

/// Rewrites an expression tree to its canonical shape, following the dialect's
/// [`ExprRules`].
struct Canon<'a> {
    dialect: &'a dyn Dialect,
    rules: ExprRules,
}

impl<'a> Canon<'a> {
    fn new(dialect: &'a dyn Dialect) -> Self {
        Self {
            dialect,
            rules: dialect.grammar().expr_rules(),
        }
    }
}

fn is_compound(e: &Expr) -> bool {
    matches!(
        e,
        Expr::BinaryOp { .. }
            | Expr::UnaryOp { .. }
            | Expr::Between { .. }
            | Expr::InList { .. }
            | Expr::IsNull(_)
            | Expr::IsNotNull(_)
            | Expr::IsTrue(_)
            | Expr::IsFalse(_)
            | Expr::IsNotTrue(_)
            | Expr::IsNotFalse(_)
            | Expr::IsDistinctFrom(..)
            | Expr::IsNotDistinctFrom(..)
            | Expr::Like { .. }
            | Expr::ILike { .. }
            | Expr::SimilarTo { .. }
            | Expr::AnyOp { .. }
            | Expr::AllOp { .. }
            | Expr::AtTimeZone { .. }
            | Expr::Collate { .. }
    )
}

fn wrap(e: &mut Expr) {
    if is_compound(e) {
        let inner = std::mem::replace(e, Expr::Value(Value::Null.into()));
        *e = Expr::Nested(Box::new(inner));
    }
}

fn is_literal(e: &Expr) -> bool {
    match e {
        Expr::Value(_) | Expr::TypedString(_) => true,
        Expr::UnaryOp {
            op: UnaryOperator::Minus,
            expr,
        } => is_literal(expr),
        Expr::Array(a) => a.elem.iter().all(is_literal),
        Expr::Cast { expr, .. } | Expr::Nested(expr) => is_literal(expr),
        _ => false,
    }
}

fn value(v: Value) -> Expr {
    Expr::Value(ValueWithSpan {
        value: v,
        span: Span::empty(),
    })
}

const NUMERIC_TYPES: &[&str] = &[
    "int",
    "int2",
    "int4",
    "int8",
    "integer",
    "smallint",
    "bigint",
    "numeric",
    "decimal",
    "real",
    "float4",
    "float8",
    "double precision",
    "float",
];
const STRING_TYPES: &[&str] = &[
    "text",
    "varchar",
    "character varying",
    "char",
    "character",
    "bpchar",
    "name",
];

/// The sequence a `nextval('...')` argument names, as PostgreSQL reads a `regclass` text: dotted
/// parts, each folded unless double-quoted (`'public."T_id_seq"'` is `public.T_id_seq`,
/// `'T_ID_SEQ'` is `public.t_id_seq`), the schema defaulted. `None` when the text is no name.
fn regclass_name(text: &str, dialect: &dyn Dialect) -> Option<String> {
    let mut parts: Vec<Str> = Vec::new();
    let mut rest = text.trim();
    loop {
        let (part, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            let end = loop {
                match chars.next()? {
                    (i, '"') if quoted[i + 1..].starts_with('"') => {
                        value.push('"');
                        chars.next();
                    }
                    (i, '"') => break i + 1,
                    (_, c) => value.push(c),
                }
            };
            (fold(&value, Some('"'), dialect), &quoted[end..])
        } else {
            let end = rest.find('.').unwrap_or(rest.len());
            let raw = rest[..end].trim();
            if raw.is_empty() || raw.contains('"') {
                return None;
            }
            (fold(raw, None, dialect), &rest[end..])
        };
        parts.push(part);
        match after.trim_start().strip_prefix('.') {
            Some(next) => rest = next.trim_start(),
            None if after.trim().is_empty() => break,
            None => return None,
        }
    }
    if parts.len() == 1 {
        parts.insert(0, Str::from(dialect.default_schema()));
    }
    Some(parts.join("."))
}

fn type_base(dt: &DataType) -> String {
    let s = dt.to_string().to_ascii_lowercase();
    let base = s.split('(').next().unwrap_or("").trim().to_string();
    base.trim_end_matches("[]").to_string()
}

impl Canon<'_> {
    /// `nextval('seq')` names a sequence relative to the search path: qualify it.
    fn qualify_sequence_argument(&self, f: &mut sqlparser::ast::Function) {
        use sqlparser::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
        let is_seq_fn = matches!(f.name.0.as_slice(), [ObjectNamePart::Identifier(i)] if ["nextval", "currval", "setval"].contains(&i.value.as_str()));
        if !is_seq_fn {
            return;
        }
        let FunctionArguments::List(list) = &mut f.args else {
            return;
        };
        if let Some(FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(v)))) =
            list.args.first_mut()
        {
            if let Value::SingleQuotedString(s) = &mut v.value {
                if let Some(name) = regclass_name(s, self.dialect) {
                    *s = name;
                }
            }
        }
    }

    fn canon_ident(&self, i: &mut Ident) {
        let folded = fold(&i.value, i.quote_style, self.dialect);
        i.quote_style = if canonical_ident(&folded, self.dialect).starts_with('"') {
            Some('"')
        } else {
            None
        };
        i.value = folded.into_string();
        i.span = Span::empty();
    }

    fn canon_object_name(&self, n: &mut ObjectName) {
        for p in n.0.iter_mut() {
            if let ObjectNamePart::Identifier(i) = p {
                self.canon_ident(i);
            }
        }
        if n.0.len() > 1 {
            if let Some(ObjectNamePart::Identifier(first)) = n.0.first() {
                let catalog = self.rules.catalog_schema == Some(first.value.as_str());
                if catalog || first.value == self.dialect.default_schema() {
                    n.0.remove(0);
                }
            }
        }
    }
}

impl VisitorMut for Canon<'_> {
    type Break = ();

    fn post_visit_relation(&mut self, relation: &mut ObjectName) -> ControlFlow<()> {
        self.canon_object_name(relation);
        ControlFlow::Continue(())
    }

    fn post_visit_expr(&mut self, expr: &mut Expr) -> ControlFlow<()> {
        let taken = std::mem::replace(expr, value(Value::Null));
        *expr = self.canon_expr(taken);
        ControlFlow::Continue(())
    }

    /// Output columns' aliases folded as names are (`AS `x`` is `AS x`), and `SELECT t.id AS
    /// id` is `SELECT id`: an output column named as the column it reads needs no alias (MySQL
    /// and MariaDB store every view column with one, `t`.`id` AS `id`; pg_dump drops it).
    /// A table's alias folded as names are, and written with `AS` (`posts `p`` is `posts AS
    /// p`).
    fn post_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<()> {
        let alias = match factor {
            TableFactor::Table { alias, .. }
            | TableFactor::Derived { alias, .. }
            | TableFactor::NestedJoin { alias, .. } => alias,
            _ => return ControlFlow::Continue(()),
        };
        if let Some(alias) = alias {
            alias.explicit = true;
            self.canon_ident(&mut alias.name);
            for column in &mut alias.columns {
                self.canon_ident(&mut column.name);
            }
        }
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, query: &mut Query) -> ControlFlow<()> {
        self.drop_self_aliases(&mut query.body);
        ControlFlow::Continue(())
    }
}

impl Canon<'_> {
    fn drop_self_aliases(&self, body: &mut SetExpr) {
        match body {
            SetExpr::Select(select) => {
                // `FROM ((a JOIN b ON ..) JOIN c ON ..)` is `FROM a JOIN b ON .. JOIN c ON ..`
                // (MySQL, MariaDB and pg_dump put a view's joins in parentheses).
                select.from = std::mem::take(&mut select.from)
                    .into_iter()
                    .map(unnested)
                    .collect();
                for item in &mut select.projection {
                    let SelectItem::ExprWithAlias { expr, alias } = item else {
                        continue;
                    };
                    self.canon_ident(alias);
                    if matches!(expr, Expr::Identifier(column) if column.value == alias.value) {
                        let expr = std::mem::replace(expr, value(Value::Null));
                        *item = SelectItem::UnnamedExpr(expr);
                    }
                }
            }
            SetExpr::SetOperation { left, right, .. } => {
                self.drop_self_aliases(left);
                self.drop_self_aliases(right);
            }
            // A parenthesised query was visited as a query of its own.
            SetExpr::Query(_)
            | SetExpr::Values(_)
            | SetExpr::Insert(_)
            | SetExpr::Update(_)
            | SetExpr::Delete(_)
            | SetExpr::Merge(_)
            | SetExpr::Table(_) => {}
        }
    }

    /// One node, its children already canonical.
    fn canon_expr(&self, e: Expr) -> Expr {
        match e {
            Expr::Nested(inner) => strip_nested(*inner),
            Expr::Identifier(mut i) => {
                self.canon_ident(&mut i);
                Expr::Identifier(i)
            }
            Expr::CompoundIdentifier(mut is) => {
                is.iter_mut().for_each(|i| self.canon_ident(i));
                // `t.col` and `col`: PostgreSQL 16+ prints single-relation queries without the
                // qualifier, older servers with it. Keys drop it (a rename of the qualifier
                // alone goes unnoticed).
                if is.len() == 2 {
                    Expr::Identifier(is.pop().expect("two parts"))
                } else {
                    Expr::CompoundIdentifier(is)
                }
            }
            // A numeric-looking string is how a number default is often written ('0.00').
            Expr::Value(ValueWithSpan {
                value: Value::SingleQuotedString(s),
                ..
            }) if self.rules.literal_casts && is_numeric_str(&s) => value(Value::Number(s, false)),
            Expr::Value(mut v) => {
                v.span = Span::empty();
                Expr::Value(v)
            }
            Expr::CompoundFieldAccess { root, access_chain } => {
                unqualified_field_access(root, access_chain)
            }
            Expr::TypedString(ts) if self.rules.literal_casts => Expr::Value(ValueWithSpan {
                value: ts.value.value,
                span: Span::empty(),
            }),
            Expr::UnaryOp {
                op: UnaryOperator::Minus,
                expr: inner,
            } => negative(inner),
            Expr::Cast {
                kind,
                expr: inner,
                data_type,
                format,
            } if self.rules.literal_casts => canon_cast(kind, *inner, data_type, format),
            Expr::Between {
                expr: e,
                negated,
                low,
                high,
            } => between_as_comparisons(e, negated, low, high),
            Expr::AnyOp {
                left,
                compare_op,
                right,
                ..
            } if self.rules.operator_spellings && compare_op == BinaryOperator::Eq => {
                match array_elems(*right) {
                    Ok(list) => Expr::InList {
                        expr: left,
                        list,
                        negated: false,
                    },
                    Err(right) => Expr::AnyOp {
                        left,
                        compare_op,
                        right,
                        is_some: false,
                    },
                }
            }
            Expr::AllOp {
                left,
                compare_op,
                right,
            } if self.rules.operator_spellings && compare_op == BinaryOperator::NotEq => {
                match array_elems(*right) {
                    Ok(list) => Expr::InList {
                        expr: left,
                        list,
                        negated: true,
                    },
                    Err(right) => Expr::AllOp {
                        left,
                        compare_op,
                        right,
                    },
                }
            }
            Expr::BinaryOp { left, op, right } => {
                let mut out = if self.rules.operator_spellings {
                    like_operator(left, op, right)
                } else {
                    Expr::BinaryOp { left, op, right }
                };
                wrap_operands(&mut out);
                out
            }
            Expr::AtTimeZone {
                timestamp,
                time_zone,
            } if self.rules.operator_spellings => {
                // PostgreSQL prints `x AT TIME ZONE z` as `timezone(z, x)`.
                function_call(
                    "timezone",
                    vec![strip_nested(*time_zone), strip_nested(*timestamp)],
                )
            }
            Expr::Function(mut f) => {
                self.canon_object_name(&mut f.name);
                if self.rules.sequence_functions {
                    self.qualify_sequence_argument(&mut f);
                }
                if self.rules.count_constant {
                    count_rows(&mut f);
                }
                Expr::Function(f)
            }
            mut other => {
                wrap_operands(&mut other);
                other
            }
        }
    }
}

/// `(a JOIN b ON ..) JOIN c ON ..` is `a JOIN b ON .. JOIN c ON ..`: joins associate to
/// the left, so parentheses around the first operand (without an alias) change nothing.
fn unnested(mut from: TableWithJoins) -> TableWithJoins {
    loop {
        match from {
            TableWithJoins {
                relation:
                    TableFactor::NestedJoin {
                        table_with_joins,
                        alias: None,
                    },
                joins,
            } => {
                let mut inner = *table_with_joins;
                inner.joins.extend(joins);
                from = inner;
            }
            other => return other,
        }
    }
}

/// `count(0)` is `count(*)`: a constant is never NULL, so both count the rows
/// ([`ExprRules::count_constant`]).
fn count_rows(f: &mut sqlparser::ast::Function) {
    use sqlparser::ast::{FunctionArg, FunctionArgExpr, FunctionArguments};
    let is_count = matches!(f.name.0.as_slice(), [ObjectNamePart::Identifier(i)] if i.value.eq_ignore_ascii_case("count"));
    let FunctionArguments::List(list) = &mut f.args else {
        return;
    };
    if is_count && list.duplicate_treatment.is_none() && list.clauses.is_empty() {
        if let [arg @ FunctionArg::Unnamed(FunctionArgExpr::Expr(Expr::Value(ValueWithSpan {
            value: Value::Number(..),
            ..
        })))] = list.args.as_mut_slice()
        {
            *arg = FunctionArg::Unnamed(FunctionArgExpr::Wildcard);
        }
    }
}

/// `t.col[1]`: the same qualifier rule as for `t.col`.
fn unqualified_field_access(
    root: Box<Expr>,
    mut access_chain: Vec<sqlparser::ast::AccessExpr>,
) -> Expr {
    use sqlparser::ast::AccessExpr;
    let qualified = matches!(&*root, Expr::Identifier(_))
        && matches!(
            access_chain.first(),
            Some(AccessExpr::Dot(Expr::Identifier(_)))
        )
        && access_chain.len() > 1;
    if !qualified {
        return Expr::CompoundFieldAccess { root, access_chain };
    }
    let root = match access_chain.remove(0) {
        AccessExpr::Dot(col) => Box::new(col),
        other => {
            access_chain.insert(0, other);
            root
        }
    };
    Expr::CompoundFieldAccess { root, access_chain }
}

/// `-1` as one number rather than minus applied to 1.
fn negative(inner: Box<Expr>) -> Expr {
    if let Expr::Value(ValueWithSpan {
        value: Value::Number(n, l),
        ..
    }) = &*inner
    {
        return value(Value::Number(format!("-{n}"), *l));
    }
    let mut e = Expr::UnaryOp {
        op: UnaryOperator::Minus,
        expr: inner,
    };
    wrap_operands(&mut e);
    e
}

/// Casts of literals are dropped (PostgreSQL prints `'a'::text`, `'-1'::integer`); other
/// casts are written `x::type` with the type's canonical name.
fn canon_cast(
    kind: CastKind,
    inner: Expr,
    data_type: DataType,
    format: Option<sqlparser::ast::CastFormat>,
) -> Expr {
    let base = type_base(&data_type);
    let inner = strip_nested(inner);
    let string_target = STRING_TYPES.contains(&base.as_str());
    // PostgreSQL stores the implicit promotions of mixed arithmetic (`price * qty` is printed
    // `price * (qty)::numeric`): a column cast to unconstrained numeric or double precision
    // is the column (a cast with a precision, or to an integer type, changes values: kept).
    let widening = matches!(
        data_type.to_string().to_ascii_lowercase().as_str(),
        "numeric" | "decimal" | "double precision" | "float8"
    );
    match inner {
        // '-1'::integer is how PostgreSQL prints -1.
        Expr::Value(ValueWithSpan {
            value: Value::SingleQuotedString(s),
            ..
        }) if NUMERIC_TYPES.contains(&base.as_str()) && is_numeric_str(&s) => {
            value(Value::Number(s, false))
        }
        lit if is_literal(&lit) => lit,
        id @ (Expr::Identifier(_) | Expr::CompoundIdentifier(_)) if string_target || widening => id,
        other => Expr::Cast {
            kind: if kind == CastKind::SafeCast {
                kind
            } else {
                CastKind::DoubleColon
            },
            expr: Box::new(other),
            data_type: DataType::Custom(
                ObjectName::from(vec![Ident::new(canonical_cast_type(&data_type))]),
                vec![],
            ),
            format,
        },
    }
}

/// `x BETWEEN a AND b` as `x >= a AND x <= b` (how PostgreSQL prints it).
fn between_as_comparisons(e: Box<Expr>, negated: bool, low: Box<Expr>, high: Box<Expr>) -> Expr {
    let (lo_op, hi_op, join) = if negated {
        (BinaryOperator::Lt, BinaryOperator::Gt, BinaryOperator::Or)
    } else {
        (
            BinaryOperator::GtEq,
            BinaryOperator::LtEq,
            BinaryOperator::And,
        )
    };
    let mut l = Expr::BinaryOp {
        left: e.clone(),
        op: lo_op,
        right: low,
    };
    let mut r = Expr::BinaryOp {
        left: e,
        op: hi_op,
        right: high,
    };
    wrap_operands(&mut l);
    wrap_operands(&mut r);
    let mut out = Expr::BinaryOp {
        left: Box::new(l),
        op: join,
        right: Box::new(r),
    };
    wrap_operands(&mut out);
    out
}

/// PostgreSQL's `~~`, `!~~`, `~~*`, `!~~*` operators are how it prints `LIKE` and `ILIKE`.
fn like_operator(left: Box<Expr>, op: BinaryOperator, right: Box<Expr>) -> Expr {
    let (negated, ilike) = match op {
        BinaryOperator::PGLikeMatch => (false, false),
        BinaryOperator::PGNotLikeMatch => (true, false),
        BinaryOperator::PGILikeMatch => (false, true),
        BinaryOperator::PGNotILikeMatch => (true, true),
        op => return Expr::BinaryOp { left, op, right },
    };
    if ilike {
        Expr::ILike {
            negated,
            any: false,
            expr: left,
            pattern: right,
            escape_char: None,
        }
    } else {
        Expr::Like {
            negated,
            any: false,
            expr: left,
            pattern: right,
            escape_char: None,
        }
    }
}

/// A plain decimal number written as a string (`'-1'`, `'0.00'`); not `'NaN'` or `'inf'`.
fn is_numeric_str(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && s.chars().any(|c| c.is_ascii_digit())
        && s.parse::<f64>().is_ok()
}

fn function_call(name: &str, args: Vec<Expr>) -> Expr {
    let sql = format!(
        "{name}({})",
        args.iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Build through the parser so the AST shape matches a written call.
    let dialect = sqlparser::dialect::PostgreSqlDialect {};
    Parser::new(&dialect)
        .try_with_sql(&sql)
        .and_then(|mut p| p.parse_expr())
        .unwrap_or_else(|_| Expr::Identifier(Ident::new(sql)))
}

fn array_elems(e: Expr) -> Result<Vec<Expr>, Box<Expr>> {
    match e {
        Expr::Array(a) => Ok(a.elem),
        Expr::Nested(inner) => array_elems(*inner),
        Expr::Cast { expr, .. } if matches!(strip_nested((*expr).clone()), Expr::Array(_)) => {
            array_elems(*expr)
        }
        other => Err(Box::new(other)),
    }
}

fn wrap_operands(e: &mut Expr) {
    match e {
        Expr::BinaryOp { left, right, .. } => {
            wrap(left);
            wrap(right);
        }
        Expr::UnaryOp { expr, .. }
        | Expr::IsNull(expr)
        | Expr::IsNotNull(expr)
        | Expr::IsTrue(expr)
        | Expr::IsFalse(expr)
        | Expr::IsNotTrue(expr)
        | Expr::IsNotFalse(expr) => wrap(expr),
        Expr::Like { expr, pattern, .. } | Expr::ILike { expr, pattern, .. } => {
            wrap(expr);
            wrap(pattern);
        }
        Expr::InList { expr, .. } => wrap(expr),
        Expr::IsDistinctFrom(a, b) | Expr::IsNotDistinctFrom(a, b) => {
            wrap(a);
            wrap(b);
        }
        Expr::Cast { expr, .. } => wrap(expr),
        _ => {}
    }
}

/// Canonical spelling of a cast target for keys.
fn canonical_cast_type(dt: &DataType) -> String {
    let s = dt.to_string().to_ascii_lowercase();
    let (base, rest) = match s.find(['(', '[']) {
        Some(i) => (s[..i].trim().to_string(), s[i..].to_string()),
        None => (s.trim().to_string(), String::new()),
    };
    let base = base
        .strip_prefix("pg_catalog.")
        .unwrap_or(&base)
        .to_string();
    let base = match base.as_str() {
        "int" | "int4" => "integer",
        "int8" => "bigint",
        "int2" => "smallint",
        "varchar" => "character varying",
        "bool" => "boolean",
        "float8" => "double precision",
        "float4" => "real",
        "timestamptz" => "timestamp with time zone",
        "timestamp" => "timestamp without time zone",
        "decimal" => "numeric",
        "char" | "bpchar" => "character",
        other => other,
    }
    .to_string();
    format!("{base}{rest}")
}

fn words(text: &str, dialect: &dyn Dialect) -> Option<Vec<TokenWithSpan>> {
    sqlparser::tokenizer::Tokenizer::new(dialect.parser_dialect(), text)
        .with_unescape(false)
        .tokenize_with_location()
        .ok()
}

/// Whether an SQL fragment names column `ident` (a word folded as the dialect folds names,
/// not a function name).
pub fn mentions(text: &str, ident: &str, dialect: &dyn Dialect) -> bool {
    let Some(toks) = words(text, dialect) else {
        return false;
    };
    toks.iter().enumerate().any(|(i, t)| {
        matches!(&t.token, Token::Word(w) if fold(&w.value, w.quote_style, dialect) == ident)
            && !matches!(toks.get(i + 1).map(|t| &t.token), Some(Token::LParen))
    })
}

/// `sql` with every word naming column `old` renamed to `new` (quoted as the dialect needs),
/// its key recomputed: what a database does to checks and index expressions on `RENAME COLUMN`.
pub fn rename_ident(
    sql: &crate::model::Sql,
    old: &str,
    new: &str,
    dialect: &dyn Dialect,
) -> crate::model::Sql {
    let Some(mut toks) = words(&sql.text, dialect) else {
        return sql.clone();
    };
    let quote = dialect
        .quote_ident(new)
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '`' | '['));
    let mut changed = false;
    for i in 0..toks.len() {
        let hit = matches!(&toks[i].token, Token::Word(w) if fold(&w.value, w.quote_style, dialect) == old)
            && !matches!(toks.get(i + 1).map(|t| &t.token), Some(Token::LParen));
        if hit {
            toks[i].token = Token::make_word(new, quote);
            changed = true;
        }
    }
    if !changed {
        return sql.clone();
    }
    let text: String = toks.iter().map(|t| t.token.to_string()).collect();
    let body: Vec<TokenWithSpan> = toks
        .into_iter()
        .filter(|t| !matches!(t.token, Token::Whitespace(_)))
        .collect();
    crate::model::Sql::new(text, expr_key(&body, dialect))
}
