//! SQLModel fields (`Field(...)`, annotations) and the SQLAlchemy types they map to.

use super::*;
use crate::input::python::types::{from_class, mysql_class, Compiler, TypeArg};

/// The warning for a column whose type expression is not read.
fn unreadable_type(col: &str) -> String {
    format!("column `{col}`: this type expression cannot be read statically; the column is not compared (add `# schemashift: type=<SQL type>` on its line)")
}

/// How a function that chooses a type by the dialect refers to it: `load_dialect_impl`'s
/// parameter, and the locals its body binds to the dialect or its name
/// (`dialect_name = op.get_bind().dialect.name`).
#[derive(Default)]
struct DialectRefs<'a> {
    param: Option<&'a str>,
    locals: Vec<(&'a str, &'a Expr)>,
}

impl<'a> Reader<'a> {
    // ---------------------------------------------------------------------------------------
    // SQLModel fields
    // ---------------------------------------------------------------------------------------

    pub(crate) fn sqlmodel_fields(&mut self, mro: &[ClassId], table: &mut TableDef) {
        // Pydantic collects fields base first; a redefinition keeps the first position.
        let mut fields: Vec<(String, usize, &'a ast::StmtAnnAssign)> = Vec::new();
        for id in mro.iter().rev() {
            let Some(c) = self.class(id) else { continue };
            for s in c.body.iter() {
                let Stmt::AnnAssign(a) = s else { continue };
                let Expr::Name(n) = &*a.target else { continue };
                let name = n.id.to_string();
                if name.starts_with('_') || name == "model_config" {
                    continue;
                }
                if self.is_classvar(id.module, &a.annotation) {
                    continue;
                }
                if let Some(v) = &a.value {
                    if let Some((callee, _)) = self.callee(id.module, v) {
                        if callee.ends_with("Relationship") || callee.ends_with("relationship") {
                            continue;
                        }
                    }
                }
                match fields.iter_mut().find(|f| f.0 == name) {
                    Some(f) => {
                        f.1 = id.module;
                        f.2 = a;
                    }
                    None => fields.push((name, id.module, a)),
                }
            }
        }
        for (name, m, a) in fields {
            if let Some(col) = self.sqlmodel_column(m, &name, a, table) {
                table.columns.push(col);
            }
        }
    }

    pub(crate) fn is_classvar(&self, m: usize, ann: &'a Expr) -> bool {
        let head = match ann {
            Expr::Subscript(s) => &*s.value,
            e => e,
        };
        self.r
            .ext_name(m, head)
            .is_some_and(|n| n == "typing.ClassVar")
    }

    /// Unwrap `Optional[X]`, `X | None`, `Union[X, None]`, `Annotated[X, ...]`, `Mapped[X]` and
    /// type aliases: the inner type (module, expr), whether None is allowed, and the
    /// `Field(...)` calls found in `Annotated` metadata.
    pub(crate) fn unwrap_annotation(&self, m: usize, e: &'a Expr) -> Unwrapped<'a> {
        let mut u = Unwrapped {
            module: m,
            ty: e,
            optional: false,
            fields: Vec::new(),
            mapped: false,
            alias: None,
        };
        for _ in 0..16 {
            let (mm, cur) = (u.module, u.ty);
            match cur {
                Expr::StringLiteral(_) => return u, // a forward reference: not followed
                Expr::NoneLiteral(_) => return u,
                Expr::BinOp(b) if b.op == ast::Operator::BitOr => {
                    let (l, r) = (&*b.left, &*b.right);
                    if matches!(r, Expr::NoneLiteral(_)) {
                        u.optional = true;
                        u.ty = l;
                    } else if matches!(l, Expr::NoneLiteral(_)) {
                        u.optional = true;
                        u.ty = r;
                    } else {
                        return u;
                    }
                }
                Expr::Subscript(s) => {
                    let head = self.r.ext_name(mm, &s.value);
                    let items: Vec<&'a Expr> = match &*s.slice {
                        Expr::Tuple(t) => t.elts.iter().collect(),
                        e => vec![e],
                    };
                    match head.as_deref() {
                        Some("typing.Optional") => {
                            u.optional = true;
                            u.ty = items[0];
                        }
                        Some("typing.Union") => {
                            let rest: Vec<&'a Expr> = items
                                .iter()
                                .copied()
                                .filter(|i| {
                                    !matches!(i, Expr::NoneLiteral(_))
                                        && self.r.ext_name(mm, i).as_deref()
                                            != Some("builtins.None")
                                })
                                .collect();
                            if rest.len() < items.len() {
                                u.optional = true;
                            }
                            if rest.len() != 1 {
                                return u;
                            }
                            u.ty = rest[0];
                        }
                        Some("typing.Annotated") => {
                            for meta in &items[1..] {
                                if let Some((n, _)) = self.callee(mm, meta) {
                                    if n == "sqlmodel.Field" || n == "sa.mapped_column" {
                                        u.fields.push((mm, meta));
                                    }
                                }
                            }
                            u.ty = items[0];
                        }
                        Some("sa.Mapped") => {
                            u.mapped = true;
                            u.ty = items[0];
                        }
                        _ => return u,
                    }
                }
                Expr::Name(_) | Expr::Attribute(_) => match self.r.expr(mm, cur) {
                    Sym::Value(vm, v) if matches!(v, Expr::Subscript(_) | Expr::BinOp(_)) => {
                        if u.alias.is_none() {
                            u.alias = self.alias_key(vm, v);
                        }
                        u.module = vm;
                        u.ty = v;
                    }
                    _ => return u,
                },
                _ => return u,
            }
        }
        u
    }

    pub(crate) fn sqlmodel_column(
        &mut self,
        m: usize,
        name: &str,
        a: &'a ast::StmtAnnAssign,
        table: &mut TableDef,
    ) -> Option<ColumnDef> {
        let at = self.origin(m, a);
        let u = self.unwrap_annotation(m, &a.annotation);
        // Field(...) options: the assigned call, then Annotated metadata.
        let mut field_calls: Vec<(usize, &'a ast::ExprCall)> = Vec::new();
        let mut py_default = false;
        let value = match a.value.as_deref() {
            Some(v) => match self.inline_helper(m, v) {
                Some(x) => Some(x),
                None => return None,
            },
            None => None,
        };
        if let Some((vm, v)) = value {
            if let Expr::If(_) = v {
                self.warn(vm, v, format!("column `{name}`: a conditional definition cannot be read statically; the column is not compared"));
                return None;
            }
            match self.callee(vm, v) {
                Some((n, call)) if n == "sqlmodel.Field" => {
                    field_calls.push((vm, call));
                    let d = kwarg(call, "default").or_else(|| call.arguments.args.first());
                    py_default = d.is_some_and(|d| {
                        !matches!(d, Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_))
                    }) || kwarg(call, "default_factory").is_some();
                }
                _ => py_default = !matches!(v, Expr::NoneLiteral(_)),
            }
        }
        for (fm, f) in &u.fields {
            if let Expr::Call(c) = f {
                field_calls.push((*fm, c));
            }
        }
        let opt = |key: &str| -> Option<(usize, &'a Expr)> {
            field_calls
                .iter()
                .find_map(|(fm, c)| kwarg(c, key).map(|e| (*fm, e)))
        };
        // sa_column: the Column is used as written.
        if let Some((fm, col)) = opt("sa_column") {
            let Some((cm, call)) = self.call_through(fm, col) else {
                self.warn(fm, col, format!("column `{name}`: `sa_column=` is not a `Column(...)` call schemashift can read; the column is not compared (add `# schemashift: type=<SQL type>` or write the Column inline)"));
                return None;
            };
            return self.column_call(cm, call, name, None, table, at, false);
        }
        let primary_key = opt("primary_key")
            .and_then(|(fm, e)| self.lit_bool(fm, e))
            .unwrap_or(false);
        let mut nullable = !primary_key && u.optional;
        if let Some((fm, e)) = opt("nullable") {
            if let Some(b) = self.lit_bool(fm, e) {
                nullable = b;
            }
        }
        let ty = if let Some(t) = self.type_override(m, at.start) {
            Some(SaType::Raw(t))
        } else if let Some((fm, e)) = opt("sa_type") {
            self.sa_type(fm, e, name)
        } else {
            let max_length = opt("max_length").and_then(|(fm, e)| self.lit_uint(fm, e));
            let mut digits = opt("max_digits").and_then(|(fm, e)| self.lit_uint(fm, e));
            let mut places = opt("decimal_places").and_then(|(fm, e)| self.lit_uint(fm, e));
            // `price: condecimal(max_digits=10, decimal_places=2)`: pydantic's constraints reach
            // SQLModel only when the call is the whole annotation (not inside Optional[...]).
            if let Expr::Call(c) = &*a.annotation {
                if self
                    .callee(m, &a.annotation)
                    .is_some_and(|(n, _)| n == "pydantic.condecimal")
                {
                    digits =
                        digits.or_else(|| kwarg(c, "max_digits").and_then(|e| self.lit_uint(m, e)));
                    places = places
                        .or_else(|| kwarg(c, "decimal_places").and_then(|e| self.lit_uint(m, e)));
                }
            }
            self.python_type(u.module, u.ty, name, max_length, digits, places, false)
        };
        let ty = ty?;
        let mut col = ColumnDef {
            nullable,
            // SQLModel gives its Column `nullable=`.
            nullable_given: true,
            primary_key,
            unique: opt("unique")
                .and_then(|(fm, e)| self.lit_bool(fm, e))
                .unwrap_or(false),
            index: opt("index")
                .and_then(|(fm, e)| self.lit_bool(fm, e))
                .unwrap_or(false),
            py_default,
            renamed_from: self.renamed_from(m, at.start),
            ..ColumnDef::new(name.to_string(), ty, at)
        };
        // `sa_type=Enum(..., create_constraint=True)`: the type's CHECK, as with a Column.
        if let (None, Some((fm, e))) = (self.type_override(m, at.start), opt("sa_type")) {
            col.type_checks = self.schema_type_checks(fm, e, &col.ty, name);
        }
        if let Some((fm, fk)) = opt("foreign_key") {
            let ondelete = opt("ondelete").and_then(|(om, e)| self.lit_str(om, e));
            match self.fk_target(fm, fk) {
                Some((t, c)) => col.fks.push(FkDef {
                    table: t,
                    columns: vec![name.to_string()],
                    ref_columns: vec![c],
                    name: None,
                    ondelete,
                    onupdate: None,
                    matching: None,
                    deferrable: None,
                    initially: None,
                }),
                None => self.warn(fm, fk, format!("column `{name}`: the foreign key target is not a literal \"table.column\"; the foreign key is not compared")),
            }
        }
        if let Some((km, kw)) = opt("sa_column_kwargs") {
            match kw {
                Expr::Dict(d) => {
                    for item in d.items.iter() {
                        let Some(k) = item.key.as_ref().and_then(|k| self.lit_str(km, k)) else {
                            continue;
                        };
                        self.column_kwarg(km, &k, &item.value, &mut col);
                    }
                }
                Expr::Call(c) if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "dict") => {
                    for k in c.arguments.keywords.iter() {
                        if let Some(arg) = &k.arg {
                            self.column_kwarg(km, arg.as_str(), &k.value, &mut col);
                        }
                    }
                }
                _ => self.warn(km, kw, format!("column `{name}`: `sa_column_kwargs` is not a literal dict; its options are not read")),
            }
        }
        Some(col)
    }

    /// One `Column(...)` keyword (also from `sa_column_kwargs`).
    pub(crate) fn column_kwarg(&mut self, m: usize, key: &str, v: &'a Expr, col: &mut ColumnDef) {
        match key {
            "nullable" => {
                if let Some(b) = self.lit_bool(m, v) {
                    col.nullable = b;
                }
            }
            "primary_key" => {
                if let Some(b) = self.lit_bool(m, v) {
                    col.primary_key = b;
                }
            }
            "unique" => col.unique = self.lit_bool(m, v).unwrap_or(false),
            "index" => col.index = self.lit_bool(m, v).unwrap_or(false),
            "comment" => col.comment = self.lit_str(m, v),
            "autoincrement" => col.autoincrement = self.lit_bool(m, v),
            "server_default" => col.server_default = self.server_default(m, v, &col.name.clone()),
            "default" => {
                col.py_default = !matches!(v, Expr::NoneLiteral(_));
            }
            "onupdate"
            | "server_onupdate"
            | "info"
            | "doc"
            | "key"
            | "quote"
            | "system"
            | "insert_default"
            | "init"
            | "repr"
            | "kw_only"
            | "default_factory"
            | "compare"
            | "hash"
            | "deferred"
            | "sort_order"
            | "use_existing_column"
            | "active_history" => {}
            _ => {}
        }
    }

    /// The SQL text of a `server_default`, as SQLAlchemy's compiler writes it for the dialect.
    pub(crate) fn server_default(&mut self, m: usize, v: &'a Expr, col: &str) -> Option<String> {
        // `sa.DefaultClause("0")` (what a plain value becomes): its argument.
        if let Some(("sa.DefaultClause", c)) =
            self.callee(m, v).as_ref().map(|(n, c)| (n.as_str(), *c))
        {
            if let (Some(a), 1, true) = (
                c.arguments.args.first(),
                c.arguments.args.len(),
                c.arguments.keywords.is_empty(),
            ) {
                return self.server_default(m, a, col);
            }
        }
        let sqlite = self.dialect == crate::dialects::DialectKind::Sqlite;
        let lit = self.lit(m, v);
        // `server_default=None`: no default, as if not given.
        if let Some(Lit::None) = lit {
            return None;
        }
        if let Some(Lit::Str(s)) = lit {
            // SQLAlchemy's MySQL compiler also escapes backslashes in string literals.
            let s = if Compiler::of(self.dialect.dialect()) == Compiler::Mysql {
                s.replace('\\', "\\\\")
            } else {
                s.to_string()
            };
            return Some(format!("'{}'", s.replace('\'', "''")));
        }
        // `server_default=seq.next_value()` (a `Sequence(...)`): PostgreSQL's `nextval('seq')`.
        if let Expr::Call(c) = v {
            if let Expr::Attribute(at) = &*c.func {
                if at.attr.as_str() == "next_value"
                    && c.arguments.args.is_empty()
                    && c.arguments.keywords.is_empty()
                    && self.dialect == crate::dialects::DialectKind::Postgres
                {
                    let seq = self
                        .call_through(m, &at.value)
                        .and_then(|(sm, se)| self.callee(sm, se).map(|(n, sc)| (sm, n, sc)))
                        .filter(|(_, n, _)| n == "sa.Sequence");
                    if let Some((sm, _, sc)) = seq {
                        let name = arg(sc, 0, "name").and_then(|n| self.lit_str(sm, n));
                        let schema = arg(sc, 8, "schema").and_then(|n| self.lit_str(sm, n));
                        if let Some(name) = name {
                            let q = crate::input::python::ddl::qual(
                                &schema,
                                &name,
                                Compiler::Postgresql,
                            );
                            return Some(format!("nextval('{}')", q.replace('\'', "''")));
                        }
                    }
                }
            }
        }
        let text = if let Some((name, call)) = self.callee(m, v) {
            match name.as_str() {
                "sa.text" | "sa.literal_column" => {
                    call.arguments.args.first().and_then(|a| self.lit_str(m, a))
                }
                // `literal(5)`, `literal("x")`: the value as SQLAlchemy renders a bound
                // literal (a `type_=` may change it: not read).
                "sa.literal"
                    if call.arguments.keywords.is_empty() && call.arguments.args.len() == 1 =>
                {
                    match self.lit(m, &call.arguments.args[0]) {
                        Some(Lit::Str(s)) => {
                            Some(if Compiler::of(self.dialect.dialect()) == Compiler::Mysql {
                                format!("'{}'", s.replace('\\', "\\\\").replace('\'', "''"))
                            } else {
                                format!("'{}'", s.replace('\'', "''"))
                            })
                        }
                        Some(Lit::Int(i)) => Some(i.to_string()),
                        Some(Lit::Bool(b)) => Some(match (sqlite, b) {
                            (true, true) => "1".into(),
                            (true, false) => "0".into(),
                            (false, true) => "true".into(),
                            (false, false) => "false".into(),
                        }),
                        Some(Lit::None) => Some("NULL".into()),
                        None => None,
                    }
                }
                "sa.true" => Some(if sqlite { "1" } else { "true" }.to_string()),
                "sa.false" => Some(if sqlite { "0" } else { "false" }.to_string()),
                "sa.null" => Some("NULL".into()),
                "sa.func.now" => {
                    Some(if sqlite { "CURRENT_TIMESTAMP" } else { "now()" }.to_string())
                }
                "sa.func.current_timestamp" => Some("CURRENT_TIMESTAMP".into()),
                "sa.func.current_date" => Some("CURRENT_DATE".into()),
                "sa.func.current_time" => Some("CURRENT_TIME".into()),
                n if n.starts_with("sa.func.") => self.func_sql(m, v, 0),
                _ => None,
            }
        } else {
            // `get_sql_current_timestamp()`: an application's SQL element (a `FunctionElement`
            // subclass) that `@compiles` functions write, for this dialect or for all.
            match v {
                Expr::Call(c) if c.arguments.is_empty() => match self.r.expr(m, &c.func) {
                    Sym::Class(cid) => self.compiled_as(&cid),
                    _ => None,
                },
                _ => None,
            }
        };
        match text {
            Some(t) if sqlite => {
                // SQLite's compiler parenthesizes an expression default.
                let t2 = t.trim_start();
                let plain = t2.starts_with(['\'', '"', '('])
                    || !t.chars().any(|c| !(c.is_alphanumeric() || c == '_'));
                Some(if plain { t } else { format!("({t})") })
            }
            Some(t) => Some(t),
            None => {
                self.warn(m, v, format!("column `{col}`: this server_default cannot be read statically; the column's default is not compared (use a literal string, text(\"...\") or func.now())"));
                Some(crate::model::UNCOMPARED_DEFAULT.to_string())
            }
        }
    }

    /// `func.<name>(args...)` as SQLAlchemy compiles a server default (`literal_binds`):
    /// arguments that are string or number literals, `text("...")` and nested `func` calls,
    /// e.g. `func.timezone("UTC", func.now())` -> `timezone('UTC', now())`.
    fn func_sql(&self, m: usize, e: &'a Expr, depth: usize) -> Option<String> {
        self.func_sql_of(m, e, depth, false)
    }

    /// The CHECK SQLAlchemy's schema types add with `create_constraint=True` where the type is
    /// not native to the dialect: `Boolean` -> `CHECK (col IN (0, 1))` (not PostgreSQL),
    /// `Enum` -> `CHECK (col IN ('a', 'b'))` (SQLite, or `native_enum=False`), named by the
    /// type's name (`name=`; an enum class's lower-cased name).
    pub(crate) fn schema_type_checks(
        &self,
        m: usize,
        type_e: &'a Expr,
        ty: &SaType,
        col: &str,
    ) -> Vec<(Option<String>, String)> {
        let compiler = Compiler::of(self.dialect.dialect());
        let column = crate::input::python::ddl::quote(col, compiler);
        match ty {
            SaType::Boolean if compiler != Compiler::Postgresql => {
                let Some((name, call)) = self.callee(m, type_e) else {
                    return Vec::new();
                };
                let on = name == "sa.Boolean"
                    && kwarg(call, "create_constraint").and_then(|v| self.lit_bool(m, v))
                        == Some(true);
                let name = kwarg(call, "name").and_then(|v| self.lit_str(m, v));
                on.then(|| (name, format!("{column} IN (0, 1)")))
                    .into_iter()
                    .collect()
            }
            SaType::Enum {
                name,
                labels,
                native,
                check: true,
                ..
            } if !*native || compiler == Compiler::Sqlite => {
                let labels: Vec<String> = (labels.iter())
                    .map(|l| format!("'{}'", l.replace('\'', "''")))
                    .collect();
                let sql = format!("{column} IN ({})", labels.join(", "));
                vec![((!name.is_empty()).then(|| name.clone()), sql)]
            }
            _ => Vec::new(),
        }
    }

    /// An index element `func.lower(User.email)`: [`Self::func_sql`] whose arguments may also
    /// be columns (`email`, `Model.email`, `users.c.email`, `sa.column("email")`), quoted as
    /// SQLAlchemy quotes them.
    ///
    /// MySQL's compiler groups a function in an index (`((lower(email)))`, a functional key
    /// part; `lower(email)` alone would read as a column prefix).
    pub(crate) fn func_element(&self, m: usize, e: &'a Expr) -> Option<String> {
        let (name, _) = self.callee(m, e)?;
        if !name.starts_with("sa.func.") {
            return None;
        }
        let sql = self.func_sql_of(m, e, 0, true)?;
        Some(match Compiler::of(self.dialect.dialect()) {
            Compiler::Mysql => format!("({sql})"),
            _ => sql,
        })
    }

    fn func_sql_of(&self, m: usize, e: &'a Expr, depth: usize, columns: bool) -> Option<String> {
        if depth > 16 {
            return None;
        }
        let sqlite = self.dialect == crate::dialects::DialectKind::Sqlite;
        match self.lit(m, e) {
            Some(Lit::Str(s)) => {
                let s = if Compiler::of(self.dialect.dialect()) == Compiler::Mysql {
                    s.replace('\\', "\\\\")
                } else {
                    s.to_string()
                };
                return Some(format!("'{}'", s.replace('\'', "''")));
            }
            Some(Lit::Int(i)) => return Some(i.to_string()),
            _ => {}
        }
        if columns
            && !matches!(e, Expr::Call(c) if self.r.ext_name(m, &c.func).is_some_and(|n| n.starts_with("sa.func.")))
        {
            if let Some(c) = self.column_ref(m, e) {
                return Some(crate::input::python::ddl::quote(
                    &c,
                    Compiler::of(self.dialect.dialect()),
                ));
            }
        }
        let (name, call) = self.callee(m, e)?;
        if name == "sa.text" || name == "sa.literal_column" {
            return call.arguments.args.first().and_then(|a| self.lit_str(m, a));
        }
        let f = name.strip_prefix("sa.func.")?;
        if !call.arguments.keywords.is_empty() || f.contains('.') {
            return None;
        }
        // SQLAlchemy's ANSI functions are written without parentheses. Its known functions
        // are looked up by lower-case name (`func.CURRENT_TIMESTAMP()` is `current_timestamp`).
        let lower = f.to_ascii_lowercase();
        match lower.as_str() {
            "now" if call.arguments.args.is_empty() => {
                return Some(if sqlite { "CURRENT_TIMESTAMP" } else { "now()" }.to_string())
            }
            "current_timestamp" | "current_date" | "current_time" | "localtime"
            | "localtimestamp" | "current_user" | "session_user" | "user"
                if call.arguments.args.is_empty() =>
            {
                return Some(f.to_ascii_uppercase())
            }
            _ => {}
        }
        let args: Option<Vec<String>> = (call.arguments.args.iter())
            .map(|a| self.func_sql_of(m, a, depth + 1, columns))
            .collect();
        Some(format!("{f}({})", args?.join(", ")))
    }

    /// `"table.column"` (or `Model.column`) of a foreign key.
    pub(crate) fn fk_target(&self, m: usize, e: &'a Expr) -> Option<(String, String)> {
        if let Some(s) = self.lit_str(m, e) {
            let (t, c) = s.rsplit_once('.')?;
            // `schema.table.column`: the table part keeps its schema off (one schema).
            let t = t.rsplit('.').next().unwrap_or(t);
            return Some((t.to_string(), c.to_string()));
        }
        if let Expr::Attribute(a) = e {
            if matches!(self.r.expr(m, &a.value), Sym::Class(_)) {
                let t = self.class_table_name(m, &a.value)?;
                return Some((t, a.attr.to_string()));
            }
        }
        None
    }

    /// SQLModel's mapping of a Python type (or SQLAlchemy's `Mapped[...]` map when `mapped`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn python_type(
        &mut self,
        m: usize,
        e: &'a Expr,
        col: &str,
        max_length: Option<u64>,
        digits: Option<u64>,
        places: Option<u64>,
        mapped: bool,
    ) -> Option<SaType> {
        // pydantic's constrained types (`constr(...)`, `condecimal(...)`): their base type;
        // SQLModel reads no length from `constr` (the caller reads `condecimal`'s digits).
        let con = match e {
            Expr::Call(c) if !mapped => match self.r.ext_name(m, &c.func).as_deref() {
                Some("pydantic.constr") => Some("builtins.str"),
                Some("pydantic.conint") => Some("builtins.int"),
                Some("pydantic.confloat") => Some("builtins.float"),
                Some("pydantic.conbytes") => Some("builtins.bytes"),
                Some("pydantic.condecimal") => Some("decimal.Decimal"),
                _ => None,
            },
            _ => None,
        };
        // `Mapped[Literal["a", "bc"]]` (or a name for the Literal): SQLAlchemy's default map
        // gives a non-native Enum, `VARCHAR(longest)`, with no CHECK.
        if mapped {
            let lit = match e {
                Expr::Name(_) => match self.r.expr(m, e) {
                    Sym::Value(vm, v) => Some((vm, v)),
                    _ => None,
                },
                _ => Some((m, e)),
            };
            if let Some((lm, Expr::Subscript(sub))) = lit {
                if self.r.ext_name(lm, &sub.value).as_deref() == Some("typing.Literal") {
                    let items: Vec<&'a Expr> = match &*sub.slice {
                        Expr::Tuple(t) => t.elts.iter().collect(),
                        one => vec![one],
                    };
                    let labels: Option<Vec<String>> =
                        items.iter().map(|i| self.lit_str(lm, i)).collect();
                    if let Some(labels) = labels {
                        return Some(SaType::Enum {
                            name: String::new(),
                            labels,
                            native: false,
                            length: None,
                            postgresql: None,
                            check: false,
                        });
                    }
                }
            }
        }
        let sym = match con {
            Some(x) => Sym::Ext(x.to_string()),
            None => self.r.expr(m, e),
        };
        let t = match &sym {
            Sym::Class(cid) => {
                if let Some(labels) = self.enum_members(cid) {
                    let name = self.class(cid)?.name.to_string().to_lowercase();
                    Some(SaType::Enum {
                        name,
                        labels,
                        native: true,
                        length: None,
                        postgresql: None,
                        check: false,
                    })
                } else {
                    None
                }
            }
            Sym::Ext(x) => match x.as_str() {
                "builtins.str"
                | "pydantic.EmailStr"
                | "pydantic.NameEmail"
                | "ipaddress.IPv4Address"
                | "ipaddress.IPv6Address"
                | "ipaddress.IPv4Network"
                | "ipaddress.IPv6Network"
                | "ipaddress.IPv4Interface"
                | "ipaddress.IPv6Interface"
                | "pathlib.Path"
                | "pydantic.SecretStr"
                    if !mapped =>
                {
                    Some(max_length.map_or(SaType::AutoString, |n| SaType::String(Some(n))))
                }
                "builtins.str" => Some(SaType::String(None)),
                "builtins.float" if mapped && self.profile.sqlalchemy_21 => Some(SaType::Double),
                "builtins.float" => Some(SaType::Float(None)),
                "builtins.bool" => Some(SaType::Boolean),
                "builtins.int" if mapped => Some(SaType::Integer),
                "builtins.int" => Some(SaType::Integer),
                "datetime.datetime" if mapped => Some(SaType::DateTime { tz: false }),
                "datetime.datetime" => Some(SaType::DateTime {
                    tz: self.profile.sqlmodel_datetime_tz,
                }),
                "pydantic.AwareDatetime" if !mapped => Some(SaType::DateTime { tz: true }),
                "pydantic.NaiveDatetime" if !mapped => Some(SaType::DateTime { tz: false }),
                "datetime.date" => Some(SaType::Date),
                "datetime.time" => Some(SaType::Time { tz: false }),
                "datetime.timedelta" => Some(SaType::Interval),
                "builtins.bytes" => Some(SaType::LargeBinary(None)),
                "decimal.Decimal" if mapped => Some(SaType::Numeric(None, None)),
                "decimal.Decimal" => Some(SaType::Numeric(digits, places)),
                "uuid.UUID" => Some(SaType::Uuid),
                _ => None,
            },
            _ => None,
        };
        if t.is_none() {
            let what = match &sym {
                Sym::Unknown { what, missing_module: true } => format!("`{what}` (from a module that was not found: give its folder with --python-path)"),
                Sym::Unknown { what, .. } if !what.is_empty() => format!("`{what}`"),
                Sym::Ext(x) => format!("`{x}`"),
                Sym::Class(c) => format!("`{}`", self.class(c).map_or(String::new(), |c| c.name.to_string())),
                _ => "this annotation".into(),
            };
            let by = if mapped {
                "mapped_column(<type>)"
            } else {
                "sa_type=<type>"
            };
            self.warn(m, e, format!("column `{col}`: no SQL type is known for {what}; the column is not compared (give {by}, or add `# schemashift: type=<SQL type>` on its line)"));
        }
        t
    }

    /// A SQLAlchemy type expression: a class, a call of one, an Enum, a TypeDecorator.
    /// What a TypeDecorator's `load_dialect_impl(self, dialect)` returns for this dialect, read
    /// through `if dialect.name == "x":` (`!=`, `in`, `not in`; `elif`, `else`) branches:
    /// `Some(Some(type))` for a type (`dialect.type_descriptor(T)` is `T`), `Some(None)` for
    /// the decorator's own `impl` (`super().load_dialect_impl(dialect)`, `self.impl`), `None`
    /// for anything else.
    #[allow(clippy::type_complexity)]
    fn dialect_impl(&self, fm: usize, s: &'a Stmt) -> Option<Option<(usize, &'a Expr)>> {
        let Stmt::FunctionDef(f) = s else { return None };
        let param = f.parameters.args.get(1)?.parameter.name.as_str();
        let mut refs = DialectRefs {
            param: Some(param),
            locals: Vec::new(),
        };
        self.dialect_impl_body(fm, &mut refs, &f.body, 0)
    }

    #[allow(clippy::type_complexity)]
    fn dialect_impl_body(
        &self,
        fm: usize,
        refs: &mut DialectRefs<'a>,
        body: &'a [Stmt],
        depth: usize,
    ) -> Option<Option<(usize, &'a Expr)>> {
        if depth > 8 {
            return None;
        }
        for s in body {
            match s {
                Stmt::Expr(x) if matches!(&*x.value, Expr::StringLiteral(_)) => {}
                // `dialect_name = op.get_bind().dialect.name`, `dialect = bind.dialect`
                Stmt::Assign(a)
                    if a.targets.len() == 1
                        && (self.is_dialect(fm, refs, &a.value, 0)
                            || self.is_dialect_name(fm, refs, &a.value, 0)) =>
                {
                    let Expr::Name(n) = &a.targets[0] else {
                        return None;
                    };
                    refs.locals.push((n.id.as_str(), &*a.value));
                }
                Stmt::Return(r) => {
                    let mut v: &'a Expr = r.value.as_deref()?;
                    // `dialect.type_descriptor(T)`
                    if let Expr::Call(c) = v {
                        if let Expr::Attribute(a) = &*c.func {
                            if a.attr.as_str() == "type_descriptor"
                                && self.is_dialect(fm, refs, &a.value, 0)
                                && c.arguments.args.len() == 1
                            {
                                v = &c.arguments.args[0];
                            }
                        }
                    }
                    let own_impl = match v {
                        Expr::Attribute(a) => {
                            matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self")
                                && matches!(a.attr.as_str(), "impl" | "impl_instance")
                        }
                        Expr::Call(c) => matches!(&*c.func, Expr::Attribute(a)
                            if a.attr.as_str() == "load_dialect_impl"
                                && matches!(&*a.value, Expr::Call(s) if matches!(&*s.func, Expr::Name(n) if n.id.as_str() == "super"))),
                        _ => false,
                    };
                    return Some(if own_impl { None } else { Some((fm, v)) });
                }
                Stmt::If(i) => {
                    let mut taken: Option<&'a [Stmt]> = None;
                    let tests = std::iter::once((Some(&*i.test), &i.body[..])).chain(
                        i.elif_else_clauses
                            .iter()
                            .map(|c| (c.test.as_ref(), &c.body[..])),
                    );
                    for (test, branch) in tests {
                        let hit = match test {
                            None => true,
                            Some(t) => self.dialect_test(fm, refs, t)?,
                        };
                        if hit {
                            taken = Some(branch);
                            break;
                        }
                    }
                    if let Some(branch) = taken {
                        if let Some(found) = self.dialect_impl_body(fm, refs, branch, depth + 1) {
                            return Some(found);
                        }
                        // A branch that does not return falls through (only when it is
                        // nothing but a docstring or `pass`).
                        if !branch.iter().all(|s| matches!(s, Stmt::Pass(_))) {
                            return None;
                        }
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// Whether `e` is the dialect being read: `load_dialect_impl`'s parameter, any
    /// `<x>.dialect` (`op.get_bind().dialect`), or a name bound to one.
    fn is_dialect(&self, m: usize, refs: &DialectRefs<'a>, e: &'a Expr, depth: usize) -> bool {
        match e {
            Expr::Attribute(a) => a.attr.as_str() == "dialect",
            Expr::Name(n) if refs.param == Some(n.id.as_str()) => true,
            Expr::Name(_) => self.bound_to(m, refs, e, depth, Self::is_dialect),
            _ => false,
        }
    }

    /// Whether `e` is the name of the dialect being read: `<dialect>.name`, or a name bound
    /// to it (`dialect_name = op.get_bind().dialect.name`).
    fn is_dialect_name(&self, m: usize, refs: &DialectRefs<'a>, e: &'a Expr, depth: usize) -> bool {
        match e {
            Expr::Attribute(a) => {
                a.attr.as_str() == "name" && self.is_dialect(m, refs, &a.value, depth)
            }
            Expr::Name(_) => self.bound_to(m, refs, e, depth, Self::is_dialect_name),
            _ => false,
        }
    }

    /// Whether the name `e` is bound (a local of the function being read, or a value the
    /// reader knows: a helper's bound local or a module constant) to an expression `test`
    /// accepts.
    fn bound_to(
        &self,
        m: usize,
        refs: &DialectRefs<'a>,
        e: &'a Expr,
        depth: usize,
        test: fn(&Self, usize, &DialectRefs<'a>, &'a Expr, usize) -> bool,
    ) -> bool {
        let Expr::Name(n) = e else { return false };
        if depth > 8 {
            return false;
        }
        if let Some((_, v)) = refs.locals.iter().rev().find(|(l, _)| *l == n.id.as_str()) {
            return test(self, m, refs, v, depth + 1);
        }
        match self.r.expr(m, e) {
            Sym::Value(vm, v) => test(self, vm, refs, v, depth + 1),
            _ => false,
        }
    }

    /// `dialect.name == "postgresql"` (`!=`, `in (...)`, `not in`) for this dialect.
    fn dialect_test(&self, fm: usize, refs: &DialectRefs<'a>, t: &'a Expr) -> Option<bool> {
        match t {
            Expr::Compare(c) if c.ops.len() == 1 => {
                if !self.is_dialect_name(fm, refs, &c.left, 0) {
                    return None;
                }
                let right = &c.comparators[0];
                let items: &[Expr] = match right {
                    Expr::Tuple(x) => &x.elts,
                    Expr::List(x) => &x.elts,
                    Expr::Set(x) => &x.elts,
                    other => std::slice::from_ref(other),
                };
                let values: Vec<String> = (items.iter())
                    .map(|e| self.lit_str(fm, e))
                    .collect::<Option<_>>()?;
                // (the dialect's names as `with_variant` takes them)
                let hit = values
                    .iter()
                    .any(|v| self.variant_names.contains(&v.as_str()));
                match c.ops[0] {
                    ast::CmpOp::Eq | ast::CmpOp::In => Some(hit),
                    ast::CmpOp::NotEq | ast::CmpOp::NotIn => Some(!hit),
                    _ => None,
                }
            }
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.dialect_test(fm, refs, &u.operand).map(|b| !b)
            }
            Expr::BoolOp(b) => {
                let vals: Option<Vec<bool>> = b
                    .values
                    .iter()
                    .map(|v| self.dialect_test(fm, refs, v))
                    .collect();
                let vals = vals?;
                Some(match b.op {
                    ast::BoolOp::And => vals.iter().all(|v| *v),
                    ast::BoolOp::Or => vals.iter().any(|v| *v),
                })
            }
            _ => None,
        }
    }

    pub(crate) fn sa_type(&mut self, m: usize, e: &'a Expr, col: &str) -> Option<SaType> {
        self.sa_type_depth(m, e, col, 0)
    }

    pub(crate) fn sa_type_depth(
        &mut self,
        m: usize,
        e: &'a Expr,
        col: &str,
        depth: usize,
    ) -> Option<SaType> {
        if depth > 8 {
            return None;
        }
        // `T.with_variant(U, "postgresql")` (chained: a later one for the same dialect wins):
        // U where the dialect is one named, T elsewhere.
        if let Some((vm, v)) = self.variant(m, e) {
            return self.sa_type_depth(vm, v, col, depth + 1);
        }
        // `JsonEncodedDict(mysql_as_long=True).impl`: a TypeDecorator's `impl`, which is what
        // the decorator itself is read as.
        if let Expr::Attribute(a) = e {
            if a.attr.as_str() == "impl" && matches!(&*a.value, Expr::Call(_)) {
                return self.sa_type_depth(m, &a.value, col, depth + 1);
            }
        }
        // `JSONB if bind.dialect.name == "postgresql" else JSON`
        if let Expr::If(x) = e {
            if let Some(hit) = self.dialect_test(m, &DialectRefs::default(), &x.test) {
                let chosen = if hit { &x.body } else { &x.orelse };
                return self.sa_type_depth(m, chosen, col, depth + 1);
            }
        }
        let (func, call): (&'a Expr, Option<&'a ast::ExprCall>) = match e {
            Expr::Call(c) => (&c.func, Some(c)),
            _ => (e, None),
        };
        match self.r.expr(m, func) {
            // `MutableDict.as_mutable(JSON)`: change tracking over the type it is given.
            Sym::Ext(name)
                if matches!(
                    name.as_str(),
                    "sa.MutableDict.as_mutable"
                        | "sa.MutableList.as_mutable"
                        | "sa.MutableSet.as_mutable"
                        | "sa.Mutable.as_mutable"
                ) && call.is_some_and(|c| c.arguments.args.len() == 1) =>
            {
                let inner = &call.expect("checked").arguments.args[0];
                self.sa_type_depth(m, inner, col, depth + 1)
            }
            Sym::Ext(name) => self.sa_ext_type(m, e, call, name, col, depth),
            Sym::Class(cid) => {
                // A TypeDecorator with a static `impl`.
                let (mro, ext, _) = self.mro(&cid);
                let is_decorator = ext.iter().any(|x| x == "sa.TypeDecorator");
                let cname = self
                    .class(&cid)
                    .map_or(String::new(), |c| c.name.to_string());
                if is_decorator {
                    if let Some((fm, ld)) = self.class_attr(&mro, "load_dialect_impl") {
                        // `if dialect.name == "postgresql": return dialect.type_descriptor(
                        // UUID())` ... (SQLAlchemy's backend-agnostic GUID recipe): the type
                        // the method returns for this dialect.
                        match self.dialect_impl(fm, ld) {
                            Some(Some((tm, t))) => {
                                return self.sa_type_depth(tm, t, col, depth + 1)
                            }
                            // `return super().load_dialect_impl(dialect)`: the `impl`.
                            Some(None) => {}
                            None => {
                                self.warn(m, e, format!("column `{col}`: `{cname}.load_dialect_impl` decides the type at run time; the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                                return None;
                            }
                        }
                    }
                    let mut called_with_args = call.is_some_and(|c| {
                        !c.arguments.args.is_empty() || !c.arguments.keywords.is_empty()
                    });
                    // An `__init__` that forwards only `*args, **kwargs` to `super().__init__`
                    // leaves the arguments to the `impl`; one that calls it without arguments
                    // keeps them itself (the `impl` as declared, or the argument it is set to);
                    // any other decides the type itself.
                    match self.class_attr(&mro, "__init__") {
                        Some((_, Stmt::FunctionDef(f))) if forwards_init(f) => {}
                        None => {}
                        Some((im, init)) => match init_impl(init, call) {
                            // (the call's argument, or a type the `__init__` writes)
                            Some(Some((own, t))) => {
                                let tm = if own { im } else { m };
                                return self.sa_type_depth(tm, t, col, depth + 1);
                            }
                            Some(None) => called_with_args = false,
                            None => {
                                self.warn(m, e, format!("column `{col}`: `{cname}(...)` has its own `__init__`, which is not read; the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                                return None;
                            }
                        },
                    }
                    if let Some((im, Stmt::Assign(a))) = self.class_attr(&mro, "impl") {
                        // `impl = Unicode` (a class): `Deco(50)` passes its arguments to it.
                        if called_with_args && !matches!(&*a.value, Expr::Call(_)) {
                            if let Sym::Ext(name) = self.r.expr(im, &a.value) {
                                return self.sa_ext_type(m, e, call, name, col, depth + 1);
                            }
                        }
                        return self.sa_type_depth(im, &a.value, col, depth + 1);
                    }
                }
                // `@compiles(JSONB, "sqlite") def _(*args, **kw): return "JSONB"`: what the
                // function written for this dialect (or for all) returns.
                if let Some(sql) = self.compiled_as(&cid) {
                    return Some(SaType::Raw(sql));
                }
                // A subclass of a SQLAlchemy type that keeps its `__visit_name__` and
                // constructor compiles as that type.
                if !is_decorator
                    && self.class_attr(&mro, "__visit_name__").is_none()
                    && self.class_attr(&mro, "__init__").is_none()
                {
                    let base = ext.iter().find(|x| {
                        ["sa.", "postgresql.", "mysql.", "sqlite."]
                            .iter()
                            .any(|p| x.starts_with(p))
                            && !matches!(
                                x.as_str(),
                                "sa.TypeDecorator" | "sa.UserDefinedType" | "sa.TypeEngine"
                            )
                    });
                    if let Some(base) = base {
                        return self.sa_ext_type(m, e, call, base.clone(), col, depth + 1);
                    }
                }
                self.warn(m, e, format!("column `{col}`: `{cname}` is not a SQLAlchemy type schemashift can read (a TypeDecorator needs a static `impl`); the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                None
            }
            Sym::Value(vm, v) => self.sa_type_depth(vm, v, col, depth + 1),
            // A helper that makes the type, read with the call's arguments bound: `def
            // StringID(length=250): return String(length)`, or one that chooses it by the
            // dialect (`def json_type(): dialect_name = op.get_bind().dialect.name; if
            // dialect_name == "mssql": return mssql.JSON; else: return sa.JSON`).
            Sym::Function(fm, f) if call.is_some() => {
                let c = call.expect("checked");
                let simple = helper_body(f);
                let bound = self.r.params.borrow().len();
                let out = if !self.r.bind_call(m, c, fm, f) {
                    let why = if simple.is_some() {
                        format!("column `{col}`: some arguments of this call are not read; the column is not compared (add `# schemashift: type=<SQL type>` on its line)")
                    } else {
                        unreadable_type(col)
                    };
                    self.warn(m, e, why);
                    None
                } else if let Some((assigns, ret)) = simple {
                    self.r.bind_locals(fm, f, &assigns);
                    self.sa_type_depth(fm, ret, col, depth + 1)
                } else {
                    match self.dialect_impl_body(fm, &mut DialectRefs::default(), &f.body, 0) {
                        Some(Some((tm, t))) => self.sa_type_depth(tm, t, col, depth + 1),
                        _ => {
                            self.warn(m, e, unreadable_type(col));
                            None
                        }
                    }
                };
                self.r.params.borrow_mut().truncate(bound);
                out
            }
            Sym::Unknown {
                what,
                missing_module,
            } => {
                let why = if missing_module {
                    " (from a module that was not found: give its folder with --python-path)"
                } else {
                    ""
                };
                let what = if what.is_empty() {
                    "this type expression".to_string()
                } else {
                    format!("the type `{what}`")
                };
                self.warn(m, e, format!("column `{col}`: {what} cannot be resolved{why}; the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                None
            }
            _ => {
                self.warn(m, e, unreadable_type(col));
                None
            }
        }
    }

    /// What a `@compiles(Class, "dialect", ...)` function (sqlalchemy.ext.compiler) returns
    /// for the dialect being read, when its body is `return "<SQL>"`; one written without
    /// dialect names applies to the others.
    fn compiled_as(&self, cid: &ClassId) -> Option<String> {
        self.compiled_for(|sym| matches!(sym, Sym::Class(t) if t == cid))
    }

    /// Like [`Self::compiled_as`], for the `@compiles` functions whose target `is_target`
    /// accepts (an application's class, or a SQLAlchemy type: `@compiles(sa.DateTime,
    /// "mysql")` writes every `DateTime` column on MySQL, as dagster's `DATETIME(6)`).
    fn compiled_for(&self, is_target: impl Fn(&Sym<'a>) -> bool) -> Option<String> {
        // Each function's target, SQL and dialect names, read once per reader.
        let compilers = self.compilers.get_or_init(|| {
            let mut out = Vec::new();
            for (mi, module) in self.mods.modules.iter().enumerate() {
                for s in module.body.iter() {
                    let Stmt::FunctionDef(f) = s else { continue };
                    for d in f.decorator_list.iter() {
                        let Expr::Call(c) = &d.expression else {
                            continue;
                        };
                        if self.r.ext_name(mi, &c.func).as_deref() != Some("sa.compiles") {
                            continue;
                        }
                        let Some((target, names)) = c.arguments.args.split_first() else {
                            continue;
                        };
                        let Some(sql) = single_return(f).and_then(|r| self.lit_str(mi, r)) else {
                            continue;
                        };
                        let names = names.iter().filter_map(|n| self.lit_str(mi, n)).collect();
                        out.push((self.r.expr(mi, target), sql, names));
                    }
                }
            }
            out
        });
        let mut generic = None;
        for (target, sql, names) in compilers {
            if !is_target(target) {
                continue;
            }
            if names.is_empty() {
                generic = Some(sql.clone());
            } else if (self.variant_names.iter()).any(|v| names.iter().any(|n| n == v)) {
                return Some(sql.clone());
            }
        }
        generic
    }

    /// The type a `.with_variant(...)` chain stands for in the dialect being read: the variant
    /// for its name, or the base type. `None` when `e` is no such chain, or one whose dialect
    /// names are not literal strings.
    fn variant(&self, m: usize, e: &'a Expr) -> Option<(usize, &'a Expr)> {
        let mut variants = Vec::new();
        let mut base = e;
        while let Expr::Call(c) = base {
            let Expr::Attribute(a) = &*c.func else { break };
            if a.attr.as_str() != "with_variant" {
                break;
            }
            let (ty, names) = c.arguments.args.split_first()?;
            let names: Option<Vec<String>> = names.iter().map(|n| self.lit_str(m, n)).collect();
            variants.push((ty, names?));
            base = &a.value;
        }
        if variants.is_empty() {
            return None;
        }
        let chosen = (self.variant_names.iter())
            .find_map(|want| (variants.iter()).find(|(_, names)| names.iter().any(|n| n == want)));
        Some((m, chosen.map_or(base, |(ty, _)| *ty)))
    }

    /// A SQLAlchemy type class `name` (already resolved), called by `call` (its arguments in
    /// module `m`) or not.
    fn sa_ext_type(
        &mut self,
        m: usize,
        e: &'a Expr,
        call: Option<&'a ast::ExprCall>,
        name: String,
        col: &str,
        depth: usize,
    ) -> Option<SaType> {
        let short = name.rsplit('.').next().unwrap_or("");
        if short == "Enum" {
            return self.sa_enum(m, call, col, false);
        }
        // `postgresql.ENUM(...)`: an Enum that is always native and creates its type unless
        // `create_type=False`.
        if name == "postgresql.ENUM" {
            return self.sa_enum(m, call, col, true);
        }
        if short == "ARRAY" {
            let item = call.and_then(|c| c.arguments.args.first())?;
            let inner = self.sa_type_depth(m, item, col, depth + 1)?;
            return Some(SaType::Array(Box::new(inner)));
        }
        if let Some(sql) = self.compiled_for(|sym| matches!(sym, Sym::Ext(x) if *x == name)) {
            return Some(SaType::Raw(sql));
        }
        if let Some(short) = name.strip_prefix("mysql.") {
            return self.sa_mysql_type(m, e, call, short, col);
        }
        let mut ints = Vec::new();
        let mut tz = None;
        let mut collation: Option<(usize, &'a Expr)> = None;
        // The string types' second positional argument is `collation`.
        let stringy = matches!(
            short,
            "String"
                | "VARCHAR"
                | "Unicode"
                | "NVARCHAR"
                | "CHAR"
                | "NCHAR"
                | "Text"
                | "TEXT"
                | "UnicodeText"
                | "CLOB"
        );
        if let Some(c) = call {
            for (i, a) in c.arguments.args.iter().enumerate() {
                if stringy && i == 1 {
                    collation = Some((m, a));
                    continue;
                }
                if self.lit(m, a).is_none() {
                    return self.unreadable_type_arg(m, a, col);
                }
                ints.push(self.lit_uint(m, a));
            }
            // Keywords given, and those a `**kwargs` spreads (a helper's, a dict's); one that
            // cannot be read (`collation` from the application's settings) leaves the type
            // unread.
            let mut keywords = Vec::new();
            for k in c.arguments.keywords.iter() {
                match &k.arg {
                    Some(arg) => keywords.push((arg.to_string(), (m, &k.value))),
                    None => match self.spread_keywords(m, &k.value) {
                        Some(spread) => keywords.extend(spread),
                        None => return self.unreadable_type_arg(m, &k.value, col),
                    },
                }
            }
            for (arg, (km, value)) in keywords {
                if matches!(arg.as_str(), "length" | "precision" | "scale" | "timezone")
                    && self.lit(km, value).is_none()
                {
                    return self.unreadable_type_arg(km, value, col);
                }
                match arg.as_str() {
                    "length" | "precision" => {
                        if ints.is_empty() {
                            ints.push(self.lit_uint(km, value));
                        } else {
                            ints[0] = self.lit_uint(km, value);
                        }
                    }
                    "scale" => {
                        while ints.len() < 2 {
                            ints.push(None);
                        }
                        ints[1] = self.lit_uint(km, value);
                    }
                    "timezone" => tz = self.lit_bool(km, value),
                    "collation" if stringy => collation = Some((km, value)),
                    _ => {}
                }
            }
        }
        match from_class(&name, &ints, tz) {
            Some(t) => match collation {
                None => Some(t),
                Some((_, Expr::NoneLiteral(_))) => Some(t),
                Some((cm, c)) => match self.lit_str(cm, c) {
                    Some(c) => Some(SaType::Collated(Box::new(t), c)),
                    None => {
                        self.warn(m, c, format!("column `{col}`: the collation cannot be read statically; the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                        None
                    }
                },
            },
            None => {
                self.warn(m, e, format!("column `{col}`: the type `{name}` is not known to schemashift; the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                None
            }
        }
    }

    /// A type argument (length, precision, ...) that cannot be evaluated: warned, the
    /// column's type is not compared (never read as the type without it).
    fn unreadable_type_arg(&mut self, m: usize, a: &'a Expr, col: &str) -> Option<SaType> {
        self.warn(m, a, format!("column `{col}`: this type argument cannot be read statically; the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
        None
    }

    /// A type of SQLAlchemy's MySQL dialect (`mysql.INTEGER(display_width=11, unsigned=True)`).
    fn sa_mysql_type(
        &mut self,
        m: usize,
        e: &'a Expr,
        call: Option<&'a ast::ExprCall>,
        short: &str,
        col: &str,
    ) -> Option<SaType> {
        let mut pos = Vec::new();
        let mut kw = Vec::new();
        if let Some(c) = call {
            for a in c.arguments.args.iter() {
                pos.push(self.type_arg(m, a));
            }
            for k in c.arguments.keywords.iter() {
                match &k.arg {
                    Some(arg) => kw.push((arg.to_string(), self.type_arg(m, &k.value))),
                    None => kw.push(("**".to_string(), TypeArg::Other)),
                }
            }
        }
        match mysql_class(short, &pos, &kw) {
            Ok(t) => Some(t),
            Err(why) => {
                self.warn(m, e, format!("column `{col}`: the type `mysql.{short}` is not known to schemashift ({why}); the column is not compared (add `# schemashift: type=<SQL type>` on its line)"));
                None
            }
        }
    }

    fn type_arg(&self, m: usize, a: &'a Expr) -> TypeArg {
        match self.lit(m, a) {
            Some(Lit::Str(s)) => TypeArg::Str(s),
            Some(Lit::Int(n)) if n >= 0 => TypeArg::Int(n as u64),
            Some(Lit::Bool(b)) => TypeArg::Bool(b),
            Some(Lit::None) => TypeArg::None,
            _ => TypeArg::Other,
        }
    }

    /// `Enum(PyEnum, name=..., native_enum=..., length=...)` or `Enum("a", "b", name="x")`;
    /// `postgresql`: `postgresql.ENUM(...)` (also `create_type=`).
    pub(crate) fn sa_enum(
        &mut self,
        m: usize,
        call: Option<&'a ast::ExprCall>,
        col: &str,
        postgresql: bool,
    ) -> Option<SaType> {
        let call = call?;
        let mut labels = Vec::new();
        let mut name = None;
        let mut enum_class: Option<ClassId> = None;
        // `Enum(*VALUES, name=...)` with VALUES a literal tuple or list (or a name for one).
        for (m, a) in self.spread_args(m, call.arguments.args.iter()) {
            match self.lit(m, a) {
                Some(Lit::Str(s)) => labels.push(s),
                _ => match self.r.class_through_aliases(m, a) {
                    Sym::Class(cid) => {
                        labels.extend(self.enum_members(&cid).unwrap_or_default());
                        name = self.class(&cid).map(|c| c.name.to_string().to_lowercase());
                        enum_class = Some(cid);
                    }
                    _ => {
                        self.warn(m, a, format!("column `{col}`: the enum's values cannot be read statically; the column is not compared"));
                        return None;
                    }
                },
            }
        }
        let mut native = true;
        let mut length = None;
        let mut create_type = true;
        let mut check = false;
        for k in call.arguments.keywords.iter() {
            let Some(arg) = &k.arg else { continue };
            match arg.as_str() {
                "name" => name = self.lit_str(m, &k.value),
                // postgresql.ENUM is always native (SQLAlchemy warns and ignores the flag).
                "native_enum" if postgresql => {}
                "native_enum" => native = self.lit_bool(m, &k.value).unwrap_or(true),
                "create_type" if postgresql => match self.lit_bool(m, &k.value) {
                    Some(b) => create_type = b,
                    None => {
                        self.warn(m, &k.value, format!("column `{col}`: `create_type=` is not a literal True or False; read as True"));
                    }
                },
                "length" => length = self.lit_uint(m, &k.value),
                // `values_callable=lambda e: [x.value for x in e]`: the members' values.
                "values_callable" if is_values_lambda(&k.value) => {
                    match enum_class.as_ref().and_then(|cid| self.enum_values(cid)) {
                        Some(values) => labels = values,
                        None => {
                            self.warn(m, &k.value, format!("column `{col}`: the enum's member values cannot be read statically (string literals); the column is not compared"));
                            return None;
                        }
                    }
                }
                // `validate_strings=True` checks values in Python; no DDL.
                "validate_strings" => {}
                "create_constraint" => match self.lit_bool(m, &k.value) {
                    Some(b) => check = b,
                    None => {
                        self.warn(m, &k.value, format!("column `{col}`: Enum `create_constraint=` is not a literal True or False; read as False"));
                    }
                },
                "values_callable" => {
                    self.warn(m, &k.value, format!("column `{col}`: Enum `values_callable=` is not read; the enum is compared by its member names"));
                }
                _ => {}
            }
        }
        let name = match name {
            Some(n) => n,
            None if !native => String::new(),
            None => {
                self.warn(m, call, format!("column `{col}`: an Enum of strings needs `name=` on PostgreSQL; the column is not compared"));
                return None;
            }
        };
        // (In a history, the type is whatever earlier revisions made: the replay does not
        // create it, and a type nothing made is an unknown type, W004.)
        if postgresql
            && !create_type
            && !self.history
            && self.dialect == crate::dialects::DialectKind::Postgres
        {
            self.warn(m, call, format!("column `{col}`: postgresql.ENUM(create_type=False): create_all does not create type `{name}`, which must already exist in the database; schemashift compares the type as these labels define it"));
        }
        Some(SaType::Enum {
            name,
            labels,
            native,
            length,
            postgresql: postgresql.then_some(create_type),
            check,
        })
    }
}

/// The call `super().__init__(...)` when `e` is one.
fn super_init(e: &Expr) -> Option<&ast::ExprCall> {
    let Expr::Call(c) = e else { return None };
    let Expr::Attribute(a) = &*c.func else {
        return None;
    };
    let is_super = matches!(&*a.value, Expr::Call(sc) if matches!(&*sc.func, Expr::Name(n) if n.id.as_str() == "super"));
    (a.attr.as_str() == "__init__" && is_super).then_some(c)
}

/// Whether an `__init__` only calls `super().__init__(*args, **kwargs)` (besides statements
/// that are not calls of `super().__init__`): the type's arguments go to the `impl` unchanged.
fn forwards_init(f: &ast::StmtFunctionDef) -> bool {
    let mut forwards = false;
    for s in f.body.iter() {
        let Stmt::Expr(x) = s else { continue };
        let Some(c) = super_init(&x.value) else {
            continue;
        };
        forwards = !c.arguments.is_empty()
            && (c.arguments.args.iter()).all(|a| matches!(a, Expr::Starred(_)))
            && c.arguments.keywords.iter().all(|k| k.arg.is_none());
    }
    forwards
}

/// What an own `__init__` leaves a TypeDecorator's `impl` as when called as `call`, when it
/// calls `super().__init__()` without arguments and otherwise only sets attributes other than
/// `impl` (Prefect's `Pydantic(model)`): `Some(None)`, the `impl` as declared, built without
/// arguments; `Some(Some(arg))` when `if param is not None: self.impl = param` takes the
/// call's argument. `None` when it does anything else.
fn init_impl<'a>(
    init: &'a Stmt,
    call: Option<&'a ast::ExprCall>,
) -> Option<Option<(bool, &'a Expr)>> {
    let Stmt::FunctionDef(f) = init else {
        return None;
    };
    fn self_attr(t: &Expr) -> Option<&str> {
        match t {
            Expr::Attribute(a) => (matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "self"))
                .then(|| a.attr.as_str()),
            _ => None,
        }
    }
    let is_impl = |t: &Expr| self_attr(t) == Some("impl");
    let params: Vec<&ast::ParameterWithDefault> = (f.parameters.posonlyargs.iter())
        .chain(&f.parameters.args)
        .collect();
    // The argument `call` gives parameter `name` (its default when none): `None` when it
    // cannot be told.
    let argument = |name: &str| -> Option<Option<&'a Expr>> {
        let c = call?;
        if c.arguments
            .args
            .iter()
            .any(|a| matches!(a, Expr::Starred(_)))
            || c.arguments.keywords.iter().any(|k| k.arg.is_none())
        {
            return None;
        }
        if let Some(k) = (c.arguments.keywords.iter()).find(|k| k.arg.as_deref() == Some(name)) {
            return Some(Some(&k.value));
        }
        let i = params
            .iter()
            .position(|p| p.parameter.name.as_str() == name)?;
        if let Some(a) = i.checked_sub(1).and_then(|i| c.arguments.args.get(i)) {
            return Some(Some(a));
        }
        Some(params[i].default.as_deref())
    };
    let mut supered = false;
    let mut out = None;
    for s in &f.body {
        match s {
            Stmt::Expr(x) => match super_init(&x.value) {
                Some(c) if c.arguments.is_empty() => supered = true,
                Some(_) => return None,
                None if matches!(&*x.value, Expr::StringLiteral(_)) => {}
                None => return None,
            },
            Stmt::Assign(a)
                if a.targets
                    .iter()
                    .all(|t| self_attr(t).is_some() && !is_impl(t)) => {}
            Stmt::AnnAssign(a) if self_attr(&a.target).is_some() && !is_impl(&a.target) => {}
            // `if param is not None: self.impl = param`; `if as_long: self.impl =
            // Text().with_variant(...) elif ...` (oslo.db's JSON types); a branch that raises.
            Stmt::If(i) => {
                let branches = std::iter::once((Some(&*i.test), &i.body[..]))
                    .chain((i.elif_else_clauses.iter()).map(|c| (c.test.as_ref(), &c.body[..])));
                for (test, body) in branches {
                    if let Some(test) = test {
                        if !init_test(test, &argument)? {
                            continue;
                        }
                    }
                    let (target, value) = match body {
                        [Stmt::Assign(a)] if a.targets.len() == 1 => (&a.targets[0], &*a.value),
                        [Stmt::AnnAssign(a)] => (&*a.target, a.value.as_deref()?),
                        _ => return None,
                    };
                    if !is_impl(target) {
                        return None;
                    }
                    let param = |n: &str| params.iter().any(|p| p.parameter.name.as_str() == n);
                    out = match value {
                        Expr::Name(v) if param(v.id.as_str()) => match argument(v.id.as_str())? {
                            Some(Expr::NoneLiteral(_)) | None => out,
                            Some(arg) => Some((false, arg)),
                        },
                        v => Some((true, v)),
                    };
                    break;
                }
            }
            _ => return None,
        }
    }
    supered.then_some(out)
}

/// The value of a test in a TypeDecorator's `__init__` on its parameters, as `argument` gives
/// them (a literal's truth, `is None` / `is not None`, `not`, `and`, `or`); `None` when it
/// cannot be told.
fn init_test<'a>(test: &Expr, argument: &dyn Fn(&str) -> Option<Option<&'a Expr>>) -> Option<bool> {
    match test {
        Expr::Name(p) => match argument(p.id.as_str())?? {
            Expr::BooleanLiteral(b) => Some(b.value),
            Expr::NoneLiteral(_) => Some(false),
            Expr::NumberLiteral(n) => {
                Some(!matches!(&n.value, ast::Number::Int(i) if i.as_u8() == Some(0)))
            }
            Expr::StringLiteral(x) => Some(!x.value.to_str().is_empty()),
            _ => None,
        },
        Expr::Compare(cmp) => match (&*cmp.left, &*cmp.ops, &*cmp.comparators) {
            (
                Expr::Name(p),
                [op @ (ast::CmpOp::Is | ast::CmpOp::IsNot)],
                [Expr::NoneLiteral(_)],
            ) => {
                let none = matches!(argument(p.id.as_str())??, Expr::NoneLiteral(_));
                Some(none == (*op == ast::CmpOp::Is))
            }
            _ => None,
        },
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => Some(!init_test(&u.operand, argument)?),
        Expr::BoolOp(b) => {
            let values: Option<Vec<bool>> =
                b.values.iter().map(|v| init_test(v, argument)).collect();
            let values = values?;
            Some(match b.op {
                ast::BoolOp::And => values.iter().all(|v| *v),
                ast::BoolOp::Or => values.iter().any(|v| *v),
            })
        }
        _ => None,
    }
}

/// Whether `values_callable=` is the idiom `lambda e: [x.value for x in e]` (the members'
/// values, in definition order).
fn is_values_lambda(e: &Expr) -> bool {
    let Expr::Lambda(l) = e else { return false };
    let Some(params) = &l.parameters else {
        return false;
    };
    let [p] = &params.args[..] else { return false };
    if !params.posonlyargs.is_empty() || !params.kwonlyargs.is_empty() {
        return false;
    }
    let Expr::ListComp(lc) = &*l.body else {
        return false;
    };
    let [g] = &lc.generators[..] else {
        return false;
    };
    let (Expr::Name(target), Expr::Name(iter)) = (&g.target, &g.iter) else {
        return false;
    };
    let elt_ok = matches!(&*lc.elt, Expr::Attribute(a) if a.attr.as_str() == "value"
        && matches!(&*a.value, Expr::Name(n) if n.id == target.id));
    elt_ok && g.ifs.is_empty() && !g.is_async && iter.id.as_str() == p.parameter.name.as_str()
}
