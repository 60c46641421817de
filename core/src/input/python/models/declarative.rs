//! SQLAlchemy declarative classes (`Mapped` / `mapped_column`, classic `Column`),
//! `__table_args__` and module-level `Table(...)`.

use super::*;

impl<'a> Reader<'a> {
    // ---------------------------------------------------------------------------------------
    // Declarative (SQLAlchemy 2.0 Mapped / classic Column) and Table(...)
    // ---------------------------------------------------------------------------------------

    /// The type of a `Mapped[X]` column without one: the base's `type_annotation_map` entry
    /// for X, else SQLAlchemy's default map.
    /// `alias`: the key of the `Annotated[...]` alias the annotation named (`Mapped[str50]`),
    /// looked up first, as SQLAlchemy does.
    pub(crate) fn mapped_type(
        &mut self,
        m: usize,
        ty: &'a Expr,
        alias: Option<&str>,
        col: &str,
    ) -> Option<SaType> {
        // A generic (`dict[str, Any]`) is looked up as written (SQLAlchemy 2.0 does not fall
        // back to its origin `dict`).
        let keys = alias
            .map(str::to_string)
            .into_iter()
            .chain(self.type_key(m, ty, 0));
        let entry = keys.into_iter().find_map(|k| {
            self.annotation_map
                .iter()
                .find(|(owner, key, _, _)| *key == k && self.current_mro.contains(owner))
                .map(|(_, _, em, e)| (*em, *e))
        });
        match entry {
            Some((em, e)) => self.sa_type(em, e, col),
            None => self.python_type(m, ty, col, None, None, None, true),
        }
    }

    pub(crate) fn declarative_fields(&mut self, mro: &[ClassId], table: &mut TableDef) {
        // SQLAlchemy puts the class's own columns first, then those of its mixins and bases
        // in MRO order; the most derived definition of a name wins.
        let mut names: Vec<String> = Vec::new();
        let mut cols: Vec<Option<ColumnDef>> = Vec::new();
        for id in mro.iter() {
            let Some(c) = self.class(id) else { continue };
            let m = id.module;
            for s in c.body.iter() {
                let (attr, ann, value): (String, Option<&'a Expr>, Option<&'a Expr>) = match s {
                    Stmt::AnnAssign(a) => match &*a.target {
                        Expr::Name(n) => {
                            (n.id.to_string(), Some(&*a.annotation), a.value.as_deref())
                        }
                        _ => continue,
                    },
                    Stmt::Assign(a) if a.targets.len() == 1 => match &a.targets[0] {
                        Expr::Name(n) => (n.id.to_string(), None, Some(&*a.value)),
                        _ => continue,
                    },
                    Stmt::FunctionDef(f)
                        if f.decorator_list.iter().any(|d| {
                            self.r
                                .ext_name(
                                    m,
                                    match &d.expression {
                                        Expr::Attribute(a) => &a.value,
                                        e => e,
                                    },
                                )
                                .is_some_and(|n| n.ends_with("declared_attr"))
                        }) && !f.name.as_str().starts_with("__") =>
                    {
                        match single_return(f) {
                            Some(v) => (f.name.to_string(), f.returns.as_deref(), Some(v)),
                            None => continue,
                        }
                    }
                    _ => continue,
                };
                if attr.starts_with("__") {
                    continue;
                }
                if names.contains(&attr) {
                    continue;
                }
                let col = self.declarative_column(m, &attr, s, ann, value, table);
                names.push(attr);
                cols.push(col);
            }
        }
        table.columns.extend(cols.into_iter().flatten());
    }

    pub(crate) fn declarative_column(
        &mut self,
        m: usize,
        attr: &str,
        s: &'a Stmt,
        ann: Option<&'a Expr>,
        value: Option<&'a Expr>,
        table: &mut TableDef,
    ) -> Option<ColumnDef> {
        let at = self.origin(m, s);
        let u = ann.map(|a| self.unwrap_annotation(m, a));
        if let Some(v) = value {
            let (m, v) = self.inline_helper(m, v)?;
            if let Expr::If(_) = v {
                if u.as_ref().is_some_and(|u| u.mapped) {
                    self.warn(m, v, format!("column `{attr}`: a conditional definition cannot be read statically; the column is not compared"));
                }
                return None;
            }
            let Some((name, call)) = self.callee(m, v) else {
                return None; // a plain class attribute
            };
            let short = name.rsplit('.').next().unwrap_or("");
            match short {
                "Column" | "mapped_column" => {
                    let mapped = short == "mapped_column";
                    let col = self.column_call(m, v, attr, u.as_ref(), table, at, mapped)?;
                    // `x: Mapped[Alias] = mapped_column(...)` with `Alias = Annotated[T,
                    // mapped_column(...)]`: SQLAlchemy merges the alias's column into this one.
                    let from_alias = match (&u, mapped) {
                        (Some(u), true) => self.annotated_column(u, attr, table, at),
                        _ => None,
                    };
                    return Some(match from_alias {
                        Some(a) => self.merge_annotated(m, call, col, a),
                        None => col,
                    });
                }
                "relationship" | "Relationship" | "synonym" | "column_property"
                | "association_proxy" | "hybrid_property" | "deferred" | "composite"
                | "query_expression" | "backref" => return None,
                _ => return None,
            }
        }
        // `x: Mapped[int]` without a value.
        let u = u?;
        if !u.mapped {
            return None;
        }
        // `Mapped["Other"]` / `Mapped[list["Other"]]` are relationships.
        if matches!(u.ty, Expr::StringLiteral(_)) {
            return None;
        }
        if let Sym::Class(cid) = self.r.expr(u.module, u.ty) {
            self.enum_members(&cid)?;
        }
        if let Expr::Subscript(s) = u.ty {
            if matches!(
                self.r.ext_name(u.module, &s.value).as_deref(),
                Some("builtins.list" | "builtins.set" | "typing.List" | "typing.Set")
            ) {
                return None;
            }
        }
        // `x: Mapped[Alias]` with `Alias = Annotated[T, mapped_column(...)]`: that column.
        if let Some((col, _)) = self.annotated_column(&u, attr, table, at) {
            return Some(col);
        }
        let ty = match self.type_override(m, at.start) {
            Some(t) => SaType::Raw(t),
            None => self.mapped_type(u.module, u.ty, u.alias.as_deref(), attr)?,
        };
        Some(ColumnDef {
            nullable: u.optional,
            // The annotation decides it, as `nullable=` would.
            nullable_given: true,
            renamed_from: self.renamed_from(m, at.start),
            ..ColumnDef::new(attr.to_string(), ty, at)
        })
    }

    /// The column of the first `mapped_column(...)` in the annotation's `Annotated[T, ...]`
    /// (SQLAlchemy's pep-593 columns), typed by `T` when the call gives no type.
    fn annotated_column(
        &mut self,
        u: &Unwrapped<'a>,
        attr: &str,
        table: &mut TableDef,
        at: Origin,
    ) -> Option<(ColumnDef, bool)> {
        if !u.mapped {
            return None;
        }
        let (fm, f) = u.fields.iter().copied().find(|(fm, f)| {
            self.callee(*fm, f)
                .is_some_and(|(n, _)| n == "sa.mapped_column")
        })?;
        let mut col = self.column_call(fm, f, attr, Some(u), table, at, true)?;
        col.renamed_from = self.renamed_from(at.module, at.start);
        if let Some(t) = self.type_override(at.module, at.start) {
            col.ty = SaType::Raw(t);
        }
        let nullable_given = match f {
            Expr::Call(c) => kwarg(c, "nullable").is_some(),
            _ => false,
        };
        Some((col, nullable_given))
    }

    /// SQLAlchemy's `Column._merge` of the alias's column `a` into the attribute's own
    /// `mapped_column(...)` call `call` (read as `col`): what the call leaves unset comes from
    /// the alias; a primary key, foreign keys and constraints are added.
    fn merge_annotated(
        &mut self,
        m: usize,
        call: &'a ast::ExprCall,
        mut col: ColumnDef,
        (a, a_nullable_given): (ColumnDef, bool),
    ) -> ColumnDef {
        let given = |k: &str| kwarg(call, k).is_some();
        let typed = given("type_")
            || call.arguments.args.iter().enumerate().any(|(i, e)| {
                if i == 0 && matches!(self.lit(m, e), Some(Lit::Str(_))) {
                    return false;
                }
                !matches!(
                    self.callee(m, e).map(|(n, _)| n).as_deref(),
                    Some(
                        "sa.ForeignKey"
                            | "sa.Identity"
                            | "sa.Sequence"
                            | "sa.Computed"
                            | "sa.CheckConstraint"
                            | "sa.FetchedValue"
                            | "sa.DefaultClause"
                    )
                )
            });
        if !typed && self.type_override(m, col.at.start).is_none() {
            col.ty = a.ty;
        }
        if a.primary_key {
            col.primary_key = true;
        }
        if col.autoincrement.is_none() {
            col.autoincrement = a.autoincrement;
        }
        // Unless the call gives `nullable`: the alias's, else the annotation's `Optional`
        // (already in `col`), and a primary key column without either is NOT NULL.
        if !given("nullable") {
            if a_nullable_given {
                col.nullable = a.nullable;
            } else if col.primary_key {
                col.nullable = false;
            }
        }
        if !given("index") {
            col.index = a.index;
        }
        if !given("unique") {
            col.unique = a.unique;
        }
        if col.server_default.is_none() {
            col.server_default = a.server_default;
        }
        if col.comment.is_none() {
            col.comment = a.comment;
        }
        if col.identity.is_none() {
            col.identity = a.identity;
            col.identity_options = a.identity_options;
        }
        if col.computed.is_none() {
            col.computed = a.computed;
        }
        if col.sequence.is_none() {
            col.sequence = a.sequence;
        }
        col.checks.extend(a.checks);
        col.py_default |= a.py_default;
        let name = col.name.clone();
        col.fks.extend(a.fks.into_iter().map(|mut fk| {
            fk.columns = vec![name.clone()];
            fk
        }));
        col
    }

    /// `Column(...)` / `mapped_column(...)`: the column, named `attr` unless the call names it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn column_call(
        &mut self,
        m: usize,
        call_e: &'a Expr,
        attr: &str,
        ann: Option<&Unwrapped<'a>>,
        table: &mut TableDef,
        at: Origin,
        mapped: bool,
    ) -> Option<ColumnDef> {
        let Expr::Call(call) = call_e else {
            return None;
        };
        let _ = table;
        let mut name = attr.to_string();
        let mut ty: Option<SaType> = None;
        let mut fks = Vec::new();
        let mut identity = None;
        let mut identity_options = String::new();
        let mut sequence = None;
        let mut computed = None;
        let mut checks = Vec::new();
        let mut type_seen = false;
        let mut type_e: Option<&'a Expr> = None;
        let override_ty = self.type_override(m, at.start);
        for (i, a) in call.arguments.args.iter().enumerate() {
            if i == 0 {
                if let Some(Lit::Str(s)) = self.lit(m, a) {
                    name = s;
                    continue;
                }
            }
            // A schema item assigned to a name first (`seq = Sequence(...)`, then
            // `Column(Integer, seq)`): the call it names.
            let (item_m, item) = match a {
                Expr::Name(_) | Expr::Attribute(_) => match self.r.expr(m, a) {
                    Sym::Value(vm, v @ Expr::Call(_))
                        if self.callee(vm, v).is_some_and(|(n, _)| is_column_item(&n)) =>
                    {
                        (vm, v)
                    }
                    _ => (m, a),
                },
                _ => (m, a),
            };
            if let Some((callee, fk)) = self.callee(item_m, item).filter(|(n, _)| is_column_item(n))
            {
                let m = item_m;
                if callee == "sa.ForeignKey" {
                    // (its target also as `column="t.c"`)
                    if let Some(target) = arg(fk, 0, "column") {
                        match self.fk_target(m, target) {
                            Some((t, c)) => {
                                fks.push(self.fk_def(m, fk, t, Vec::new(), vec![c]))
                            }
                            None => self.warn(m, target, format!("column `{name}`: the foreign key target cannot be read statically; the foreign key is not compared")),
                        }
                    }
                    continue;
                }
                if callee == "sa.Identity" {
                    // `Identity(always=..., start=..., ...)`: GENERATED ... AS IDENTITY
                    // (PostgreSQL; elsewhere only NOT NULL).
                    const NAMES: &[&str] = &[
                        "always",
                        "on_null",
                        "start",
                        "increment",
                        "minvalue",
                        "maxvalue",
                        "nominvalue",
                        "nomaxvalue",
                        "cycle",
                        "cache",
                        "order",
                    ];
                    let opts = self.sequence_options(m, fk, NAMES, &name);
                    identity = Some(opts.flag("always"));
                    identity_options = opts.text;
                    continue;
                }
                if callee == "sa.Sequence" {
                    const NAMES: &[&str] = &[
                        "name",
                        "start",
                        "increment",
                        "minvalue",
                        "maxvalue",
                        "nominvalue",
                        "nomaxvalue",
                        "cycle",
                        "schema",
                        "cache",
                        "order",
                        "data_type",
                        "optional",
                        "quote",
                        "metadata",
                        "quote_schema",
                        "for_update",
                    ];
                    let opts = self.sequence_options(m, fk, NAMES, &name);
                    let optional = opts.flag("optional");
                    match opts.name {
                        // An optional sequence is not created where SERIAL / AUTO_INCREMENT
                        // exist (every dialect schemashift reads).
                        _ if optional => {}
                        Some(seq) => {
                            let mut options =
                                opts.data_type.map_or(String::new(), |t| format!(" AS {t}"));
                            if !opts.text.is_empty() {
                                options.push(' ');
                                options.push_str(&opts.text);
                            }
                            sequence = Some(SequenceDef {
                                name: seq,
                                schema: opts.schema,
                                options,
                            })
                        }
                        None => {
                            self.warn(m, item, format!("column `{name}`: the name of this Sequence is not a literal string; the column is not compared"));
                            return None;
                        }
                    }
                    continue;
                }
                if callee == "sa.Computed" {
                    let sql = arg(fk, 0, "sqltext").and_then(|e| self.sql_text(m, e));
                    let persisted = match arg(fk, 1, "persisted") {
                        None => Some(None),
                        Some(p) => match self.lit(m, p) {
                            Some(Lit::Bool(b)) => Some(Some(b)),
                            Some(Lit::None) => Some(None),
                            _ => None,
                        },
                    };
                    match (sql, persisted) {
                        (Some(sql), Some(p)) => computed = Some((sql, p)),
                        _ => {
                            self.warn(m, item, format!("column `{name}`: this Computed(...) cannot be read statically (its expression must be a literal string or text(\"...\"), `persisted` a literal); the column is not compared"));
                            return None;
                        }
                    }
                    continue;
                }
                if callee == "sa.CheckConstraint" {
                    let sql = arg(fk, 0, "sqltext").and_then(|e| self.sql_text(m, e));
                    let cname = match arg(fk, 1, "name") {
                        None => Some(None),
                        Some(n) => match self.lit(m, n) {
                            Some(Lit::Str(s)) => Some(Some(s)),
                            Some(Lit::None) => Some(None),
                            _ => None,
                        },
                    };
                    let other = fk.arguments.args.len() > 2
                        || fk.arguments.keywords.iter().any(|k| {
                            !k.arg
                                .as_ref()
                                .is_some_and(|a| matches!(a.as_str(), "sqltext" | "name" | "info"))
                        });
                    match (sql, cname) {
                        (Some(sql), Some(cname)) => {
                            if other {
                                self.warn(m, item, format!("column `{name}`: the options of this CheckConstraint besides its condition and name (`deferrable=`, `initially=`...) are not read; it is compared without them"));
                            }
                            checks.push((cname, sql));
                        }
                        _ => self.warn(m, item, format!("column `{name}`: the condition or name of this CheckConstraint is not a literal; the check is not compared")),
                    }
                    continue;
                }
                if matches!(callee.as_str(), "sa.FetchedValue" | "sa.DefaultClause") {
                    self.warn(m, item, format!("column `{name}`: `{callee}` is not read; the column is compared without it"));
                    continue;
                }
            }
            if !type_seen {
                type_seen = true;
                if override_ty.is_none() && ty.is_none() {
                    ty = self.sa_type(m, a, &name);
                    ty.as_ref()?;
                    // `Boolean(create_constraint=True)`: where booleans are not native
                    // (SQLite, MySQL, MariaDB), SQLAlchemy adds `CHECK (col IN (0, 1))`.
                    type_e = Some(a);
                }
            } else {
                self.warn(m, a, format!("column `{name}`: this argument of the column is not read; the column is compared without it"));
            }
        }
        if let Some(k) = kwarg(call, "type_") {
            if override_ty.is_none() {
                ty = self.sa_type(m, k, &name);
                ty.as_ref()?;
                type_e = Some(k);
            }
        }
        if let Some(k) = kwarg(call, "name") {
            if let Some(n) = self.lit_str(m, k) {
                name = n;
            }
        }
        let ty = match (override_ty, ty, ann) {
            (Some(t), _, _) => SaType::Raw(t),
            (None, Some(t), _) => t,
            (None, None, Some(u)) if mapped && u.mapped => {
                self.mapped_type(u.module, u.ty, u.alias.as_deref(), &name)?
            }
            (None, None, _) if !fks.is_empty() => {
                // The type of a ForeignKey column without one is the referenced column's,
                // resolved after all tables are read.
                SaType::Raw(String::new())
            }
            _ => {
                self.warn(
                    m,
                    call_e,
                    format!("column `{name}`: no type given; the column is not compared"),
                );
                return None;
            }
        };
        let mut col = ColumnDef {
            fks,
            identity,
            identity_options,
            computed,
            checks,
            sequence,
            renamed_from: self.renamed_from(m, at.start),
            ..ColumnDef::new(name.clone(), ty, at)
        };
        if let Some(e) = type_e {
            col.type_checks = self.schema_type_checks(m, e, &col.ty, &name);
        }
        let mut nullable_given = None;
        // Keywords given here, and those a helper's `**kwargs` spreads (`Column(...,
        // **sa_column_kwargs)` in `def fk_field(..., **sa_column_kwargs)`).
        for (arg, (km, value)) in self.keywords(m, call) {
            if arg == "nullable" {
                nullable_given = self.lit_bool(km, value);
                continue;
            }
            self.column_kwarg(km, &arg, value, &mut col);
        }
        for fk in &mut col.fks {
            fk.columns = vec![name.clone()];
        }
        col.nullable_given = nullable_given.is_some();
        col.nullable = match nullable_given {
            Some(b) => b,
            None if col.primary_key => false,
            None if mapped && ann.is_some_and(|u| u.mapped) => ann.is_some_and(|u| u.optional),
            // An Identity makes the column NOT NULL unless `nullable=` is given.
            None if col.identity.is_some() => false,
            None => true,
        };
        if col.primary_key && nullable_given.is_none() {
            col.nullable = false;
        }
        // SQLAlchemy's MariaDB compiler makes a generated column nullable unless `nullable=`
        // is given (MariaDB rejects NOT NULL on one).
        if col.computed.is_some()
            && nullable_given.is_none()
            && !col.primary_key
            && self.dialect == crate::dialects::DialectKind::Mariadb
        {
            col.nullable = true;
        }
        Some(col)
    }

    /// The arguments of `Identity(...)` / `Sequence(...)` (`names`: its parameters in
    /// positional order): the options as SQLAlchemy's `get_identity_options` writes them
    /// (`INCREMENT BY 5 START WITH 100`), a Sequence's name, schema and `AS <type>`, and the
    /// flags (`always=`, `optional=`). What cannot be read is warned and left out.
    pub(crate) fn sequence_options(
        &mut self,
        m: usize,
        call: &'a ast::ExprCall,
        names: &[&str],
        col: &str,
    ) -> SequenceOptions {
        let mut out = SequenceOptions::default();
        let mut args: Vec<(String, &'a Expr)> = Vec::new();
        for (i, a) in call.arguments.args.iter().enumerate() {
            match names.get(i) {
                Some(n) if !matches!(a, Expr::Starred(_)) => args.push((n.to_string(), a)),
                _ => {
                    self.warn(m, a, format!("column `{col}`: this argument cannot be read statically; the sequence options are compared without it"));
                }
            }
        }
        for k in call.arguments.keywords.iter() {
            match &k.arg {
                Some(arg) => args.push((arg.to_string(), &k.value)),
                None => self.warn(m, &k.value, format!("column `{col}`: `**kwargs` cannot be read statically; the sequence options are compared without them")),
            }
        }
        let mut ints: BTreeMap<&'static str, i64> = BTreeMap::new();
        let mut no_min = false;
        let mut no_max = false;
        let mut cycle = None;
        let mut data_type = None;
        for (k, v) in args {
            let lit = self.lit(m, v);
            let ok = match (k.as_str(), lit) {
                (_, Some(Lit::None)) => true,
                ("name", Some(Lit::Str(s))) => {
                    out.name = Some(s);
                    true
                }
                ("schema", Some(Lit::Str(s))) => {
                    out.schema = Some(s);
                    true
                }
                (
                    key @ ("start" | "increment" | "minvalue" | "maxvalue" | "cache"),
                    Some(Lit::Int(n)),
                ) => {
                    let key: &'static str = match key {
                        "start" => "start",
                        "increment" => "increment",
                        "minvalue" => "minvalue",
                        "maxvalue" => "maxvalue",
                        _ => "cache",
                    };
                    ints.insert(key, n);
                    true
                }
                // SQLAlchemy writes NO MINVALUE / NO MAXVALUE for any value but None.
                ("nominvalue", Some(_)) => {
                    no_min = true;
                    true
                }
                ("nomaxvalue", Some(_)) => {
                    no_max = true;
                    true
                }
                ("cycle", Some(Lit::Bool(b))) => {
                    cycle = Some(b);
                    true
                }
                (
                    "always" | "optional" | "on_null" | "order" | "quote" | "quote_schema"
                    | "for_update",
                    Some(Lit::Bool(b)),
                ) => {
                    out.flags.push((k.clone(), Some(b)));
                    true
                }
                // The caller says when a Sequence has no literal name.
                ("metadata" | "name", _) => true,
                ("data_type", _) => match self.sa_type(m, v, col) {
                    Some(t) => {
                        data_type = Some(t.ddl(crate::input::python::types::Compiler::Postgresql));
                        true
                    }
                    None => false,
                },
                _ => false,
            };
            if !ok {
                self.warn(m, v, format!("column `{col}`: the sequence option `{k}=` cannot be read statically; the sequence options are compared without it"));
            }
        }
        let mut text: Vec<String> = Vec::new();
        if let Some(n) = ints.get("increment") {
            text.push(format!("INCREMENT BY {n}"));
        }
        if let Some(n) = ints.get("start") {
            text.push(format!("START WITH {n}"));
        }
        if let Some(n) = ints.get("minvalue") {
            text.push(format!("MINVALUE {n}"));
        }
        if let Some(n) = ints.get("maxvalue") {
            text.push(format!("MAXVALUE {n}"));
        }
        if no_min {
            text.push("NO MINVALUE".into());
        }
        if no_max {
            text.push("NO MAXVALUE".into());
        }
        if let Some(n) = ints.get("cache") {
            text.push(format!("CACHE {n}"));
        }
        if let Some(c) = cycle {
            text.push(if c { "CYCLE" } else { "NO CYCLE" }.into());
        }
        out.text = text.join(" ");
        out.data_type = data_type;
        out
    }

    /// Whether `.ddl_if(dialect=..)` keeps its entry for the dialect read: SQLAlchemy's
    /// `DDLIf` compares the dialect's name with a string, or looks it up in a tuple or list.
    /// `None` for a `callable_` or a dialect that is not literal.
    fn ddl_if_applies(&self, m: usize, call: &'a ast::ExprCall) -> Option<bool> {
        if kwarg(call, "callable_").is_some() || call.arguments.args.len() > 1 {
            return None;
        }
        let Some(d) = kwarg(call, "dialect").or(call.arguments.args.first()) else {
            return Some(true);
        };
        let name = crate::input::python::types::sa_dialect_name(self.dialect.dialect());
        match d {
            Expr::Tuple(t) => self.names_include(m, &t.elts, name),
            Expr::List(l) => self.names_include(m, &l.elts, name),
            Expr::Set(s) => self.names_include(m, &s.elts, name),
            Expr::NoneLiteral(_) => Some(true),
            e => Some(self.lit_str(m, e)? == name),
        }
    }

    fn names_include(&self, m: usize, names: &'a [Expr], name: &str) -> Option<bool> {
        let names: Option<Vec<String>> = names.iter().map(|n| self.lit_str(m, n)).collect();
        Some(names?.iter().any(|n| n == name))
    }

    /// `__table_args__`: a tuple of constraints/indexes with an optional trailing dict, or a
    /// dict.
    pub(crate) fn table_args(&mut self, m: usize, e: &'a Expr, table: &mut TableDef) {
        let items: Vec<&'a Expr> = match e {
            Expr::Tuple(t) => t.elts.iter().collect(),
            Expr::List(l) => l.elts.iter().collect(),
            Expr::Dict(_) => vec![e],
            Expr::Call(c) if is_dict_call(self, m, c) => vec![e],
            _ => {
                self.warn(m, e, "`__table_args__` is not a literal tuple or dict; its constraints and indexes are not compared".into());
                return;
            }
        };
        for item in items {
            self.table_item(m, item, table);
        }
    }

    /// One constraint / index / options dict of a table (from `__table_args__` or `Table()`).
    pub(crate) fn table_item(&mut self, m: usize, item: &'a Expr, table: &mut TableDef) {
        let at = self.origin(m, item);
        // The options dict: `{"sqlite_autoincrement": True}` or `dict(sqlite_autoincrement=True)`.
        let options: Option<Vec<(String, &'a Expr)>> = match item {
            Expr::Dict(d) => Some(
                (d.items.iter())
                    .filter_map(|it| Some((self.lit_str(m, it.key.as_ref()?)?, &it.value)))
                    .collect(),
            ),
            Expr::Call(c) if is_dict_call(self, m, c) => Some(
                (c.arguments.keywords.iter())
                    .filter_map(|k| Some((k.arg.as_ref()?.to_string(), &k.value)))
                    .collect(),
            ),
            _ => None,
        };
        if let Some(options) = options {
            for (k, value) in options {
                match k.as_str() {
                    "schema" => table.schema = self.lit_str(m, value),
                    "sqlite_autoincrement" => {
                        table.sqlite_autoincrement = self.lit_bool(m, value) == Some(true)
                    }
                    "comment" => table.comment = self.lit_str(m, value),
                    "extend_existing" | "keep_existing" | "info" => {}
                    o if is_table_option(o) => {
                        if let Some(v) = self.lit_str(m, value) {
                            table.options.push((o.to_string(), v));
                        } else {
                            let what = o.to_string();
                            self.warn(m, value, format!("table `{}`: the option `{what}` is not a literal string; it is not compared", table.name));
                        }
                    }
                    other => {
                        let what = other.to_string();
                        self.warn(
                            m,
                            value,
                            format!("table `{}`: the option `{what}` is not read", table.name),
                        );
                    }
                }
            }
            return;
        }
        // `build_index(table_name=__tablename__, column_names=[...])`: what a helper returns.
        if matches!(item, Expr::Call(c) if matches!(self.r.expr(m, &c.func), Sym::Function(..))) {
            if let Some((hm, built)) = self.inline_helper(m, item) {
                if !std::ptr::eq(built, item) {
                    self.table_item(hm, built, table);
                }
            }
            return;
        }
        // `Index(...).ddl_if(dialect="postgresql")`: the entry exists on the dialects named.
        if let Expr::Call(c) = item {
            if let Expr::Attribute(a) = &*c.func {
                if a.attr.as_str() == "ddl_if" {
                    match self.ddl_if_applies(m, c) {
                        Some(true) => self.table_item(m, &a.value, table),
                        Some(false) => {}
                        None => self.warn(m, item, format!("table `{}`: the condition of this `ddl_if` cannot be read statically; the entry is not compared", table.name)),
                    }
                    return;
                }
            }
        }
        let Some((name, call)) = self.callee(m, item) else {
            self.warn(
                m,
                item,
                format!(
                    "table `{}`: this entry cannot be read statically; it is not compared",
                    table.name
                ),
            );
            return;
        };
        let cname = kwarg(call, "name").and_then(|n| self.lit_str(m, n));
        let str_args = |this: &Self, skip: usize| -> Option<Vec<String>> {
            call.arguments
                .args
                .iter()
                .skip(skip)
                .map(|a| this.column_ref(m, a))
                .collect()
        };
        match name.as_str() {
            "sa.UniqueConstraint" | "sa.PrimaryKeyConstraint" => {
                let Some(columns) = str_args(self, 0) else {
                    self.warn(m, item, format!("table `{}`: the columns of this constraint cannot be read statically; it is not compared", table.name));
                    return;
                };
                let c = if name == "sa.UniqueConstraint" {
                    let pg = self.dialect == crate::dialects::DialectKind::Postgres;
                    ConstraintDef::Unique {
                        name: cname,
                        columns,
                        nulls_not_distinct: pg
                            && kwarg(call, "postgresql_nulls_not_distinct")
                                .and_then(|v| self.lit_bool(m, v))
                                == Some(true),
                    }
                } else {
                    ConstraintDef::PrimaryKey {
                        name: cname,
                        columns,
                    }
                };
                table.constraints.push((c, at));
            }
            "sa.CheckConstraint" => {
                let Some(sql) = call
                    .arguments
                    .args
                    .first()
                    .and_then(|a| self.sql_text(m, a))
                else {
                    self.warn(m, item, format!("table `{}`: the condition of this CheckConstraint is not a literal SQL string; it is not compared", table.name));
                    return;
                };
                table
                    .constraints
                    .push((ConstraintDef::Check { name: cname, sql }, at));
            }
            "sa.ForeignKeyConstraint" => {
                let list = |e: Option<&'a Expr>| -> Option<Vec<String>> {
                    match e? {
                        Expr::List(l) => l.elts.iter().map(|x| self.column_ref(m, x)).collect(),
                        Expr::Tuple(l) => l.elts.iter().map(|x| self.column_ref(m, x)).collect(),
                        _ => None,
                    }
                };
                let cols = list(arg(call, 0, "columns"));
                let refs: Option<Vec<(String, String)>> = match call
                    .arguments
                    .args
                    .get(1)
                    .or_else(|| kwarg(call, "refcolumns"))
                {
                    Some(Expr::List(l)) => l.elts.iter().map(|x| self.fk_target(m, x)).collect(),
                    Some(Expr::Tuple(l)) => l.elts.iter().map(|x| self.fk_target(m, x)).collect(),
                    _ => None,
                };
                match (cols, refs) {
                    (Some(cols), Some(refs)) if !refs.is_empty() => {
                        let to = refs[0].0.clone();
                        let ref_columns = refs.into_iter().map(|r| r.1).collect();
                        let fk = FkDef {
                            name: cname,
                            ..self.fk_def(m, call, to, cols, ref_columns)
                        };
                        table.constraints.push((ConstraintDef::ForeignKey(fk), at));
                    }
                    _ => self.warn(m, item, format!("table `{}`: this ForeignKeyConstraint cannot be read statically; it is not compared", table.name)),
                }
            }
            "sa.Index" => {
                let iname = call.arguments.args.first().and_then(|a| self.lit(m, a));
                let iname = match iname {
                    Some(Lit::Str(s)) => Some(s),
                    Some(Lit::None) => None,
                    _ => {
                        self.warn(m, item, format!("table `{}`: the name of this Index is not a literal; it is not compared", table.name));
                        return;
                    }
                };
                let mut elements = Vec::new();
                let mut is_column = Vec::new();
                // `Index(name, *column_names)`: the items of a literal list, in their module.
                for (m, a) in self.spread_args(m, call.arguments.args.iter().skip(1)) {
                    if let Some(c) = self.column_ref(m, a) {
                        elements.push(c);
                        is_column.push(true);
                    } else if let Some(sql) = self.ordered_column(m, a) {
                        elements.push(sql);
                        is_column.push(false);
                    } else if let Some(sql) = self.func_element(m, a) {
                        elements.push(sql);
                        is_column.push(false);
                    } else if let Some(sql) = self.sql_text(m, a) {
                        elements.push(sql);
                        is_column.push(false);
                    } else {
                        self.warn(m, a, format!("table `{}`: this index element cannot be read statically; the index is not compared (use a column name or text(\"...\"))", table.name));
                        return;
                    }
                }
                if elements.is_empty() {
                    self.warn(m, item, format!("table `{}`: this Index has no columns (SQLAlchemy writes `CREATE INDEX .. ON {} ()`, which no database takes); it is not compared", table.name, table.name));
                    return;
                }
                let idx = self.index_def(m, call, iname, elements, is_column);
                table.indexes.push((idx, at));
            }
            "sa.Column" => {
                if let Some(col) = self.column_call(m, item, "", None, table, at, false) {
                    if col.name.is_empty() {
                        self.warn(
                            m,
                            item,
                            format!(
                                "table `{}`: a Column without a name; it is not compared",
                                table.name
                            ),
                        );
                    } else {
                        table.columns.push(col);
                    }
                }
            }
            _ => self.warn(
                m,
                item,
                format!(
                    "table `{}`: `{name}` is not read; it is not compared",
                    table.name
                ),
            ),
        }
    }

    /// An index's options from the keyword arguments of `Index(...)` / `op.create_index(...)`
    /// (`unique=`, the dialect's `<dialect>_where=`, `_using=`, `_prefix=`, `_length=`).
    /// The keyword arguments (name, module, value) a `**e` spreads: a helper's `**kwargs`
    /// parameter (what its latest call passed), or a dict with literal string keys (`**{...}`,
    /// `dict(k=v)`, a name bound to one: `nameargs = {}`, then `nameargs["collation"] = ...`);
    /// `None` when they cannot be read.
    pub(crate) fn spread_keywords(
        &self,
        m: usize,
        e: &'a Expr,
    ) -> Option<Vec<(String, (usize, &'a Expr))>> {
        if let Some(spread) = self.r.spread(m, e) {
            return Some(spread);
        }
        match self.value_of(m, e, 0)? {
            (dm, Expr::Dict(d)) => (d.items.iter())
                .map(|i| Some((self.lit_str(dm, i.key.as_ref()?)?, (dm, &i.value))))
                .collect(),
            // `dict(index=True)`.
            (dm, Expr::Call(c))
                if matches!(&*c.func, Expr::Name(n) if n.id.as_str() == "dict")
                    && c.arguments.args.is_empty() =>
            {
                (c.arguments.keywords.iter())
                    .map(|k| Some((k.arg.as_ref()?.to_string(), (dm, &k.value))))
                    .collect()
            }
            _ => None,
        }
    }

    /// A call's keyword arguments (name, module, value): those given, and those a `**name`
    /// spreads ([`Self::spread_keywords`]); any other `**` spread is a warning.
    pub(crate) fn keywords(
        &mut self,
        m: usize,
        call: &'a ast::ExprCall,
    ) -> Vec<(String, (usize, &'a Expr))> {
        let mut out = Vec::new();
        for k in call.arguments.keywords.iter() {
            match &k.arg {
                Some(arg) => out.push((arg.to_string(), (m, &k.value))),
                None => match self.spread_keywords(m, &k.value) {
                    Some(spread) => out.extend(spread),
                    None => self.warn(m, &k.value, "these keyword arguments (`**...`) cannot be read statically; what they set is not compared".to_string()),
                },
            }
        }
        out
    }

    pub(crate) fn index_def(
        &mut self,
        m: usize,
        call: &'a ast::ExprCall,
        iname: Option<String>,
        elements: Vec<String>,
        is_column: Vec<bool>,
    ) -> IndexDef {
        // Keywords given here and those a helper's `**kwargs` spreads (`Index(name,
        // *column_names, **kwargs)` in zenml's `build_index(..., unique=True)`).
        let keywords = self.keywords(m, call);
        let unique = (keywords.iter())
            .find(|(k, _)| k == "unique")
            .and_then(|(_, (km, u))| self.lit_bool(*km, u));
        let mut idx = IndexDef {
            name: iname,
            elements,
            is_column,
            unique: unique.unwrap_or(false),
            where_: None,
            using: None,
            lengths: Vec::new(),
            prefix: None,
            include: Vec::new(),
            ops: Vec::new(),
            nulls_not_distinct: None,
        };
        // SQLAlchemy's dialect-specific keyword prefix (`postgresql_where=`). Alembic runs on
        // MariaDB through a `mysql+` URL, whose dialect is named `mysql` (`mysql_length=`).
        let sa_name = match crate::input::python::types::sa_dialect_name(self.dialect.dialect()) {
            "mariadb" if self.history => "mysql",
            name => name,
        };
        let dialect_prefix = format!("{sa_name}_");
        // MariaDB's compiler falls back to `mysql_using=` (deprecated) when there is
        // no `mariadb_using=`.
        let mut fallback_using = None;
        for (arg, (m, value)) in &keywords {
            let (m, value) = (*m, *value);
            let arg = arg.as_str();
            // `op.create_index`'s own arguments (read by the caller) are not index options.
            const OP_ARGS: [&str; 5] = [
                "schema",
                "if_not_exists",
                "table_name",
                "columns",
                "index_name",
            ];
            if ["unique", "name", "info", "quote"].contains(&arg) || OP_ARGS.contains(&arg) {
                continue;
            }
            if let Some(opt) = arg.strip_prefix(dialect_prefix.as_str()) {
                match opt {
                    "where" => idx.where_ = self.sql_text(m, value),
                    "using" => idx.using = self.lit_str(m, value),
                    // How the index is built (`CREATE INDEX CONCURRENTLY`), not what it is.
                    "concurrently" if sa_name == "postgresql" => {}
                    "prefix" => idx.prefix = self.lit_str(m, value),
                    "include" if sa_name == "postgresql" => {
                        let names = match self.value_of(m, value, 0) {
                            Some((lm, Expr::List(ast::ExprList { elts, .. })))
                            | Some((lm, Expr::Tuple(ast::ExprTuple { elts, .. }))) => {
                                elts.iter().map(|e| self.column_ref(lm, e)).collect()
                            }
                            _ => None,
                        };
                        match names {
                            Some(names) => idx.include = names,
                            None => {
                                let a = arg.to_string();
                                self.warn(m, value, format!("index option `{a}` is not a literal list of column names; the index is compared without it"));
                            }
                        }
                    }
                    "nulls_not_distinct" if sa_name == "postgresql" => match self.lit(m, value) {
                        Some(Lit::Bool(b)) => idx.nulls_not_distinct = Some(b),
                        Some(Lit::None) => {}
                        _ => {
                            let a = arg.to_string();
                            self.warn(m, value, format!("index option `{a}` is not a literal True, False or None; the index is compared without it"));
                        }
                    },
                    // `{"body": "jsonb_path_ops"}`: by column name.
                    "ops" if sa_name == "postgresql" => {
                        let mut ops = vec![None; idx.elements.len()];
                        let read = match self.value_of(m, value, 0) {
                            Some((dm, Expr::Dict(d))) => d.items.iter().all(|it| {
                                let key = it.key.as_ref().and_then(|k| self.lit_str(dm, k));
                                let op = self.lit_str(dm, &it.value);
                                let pos = key.and_then(|k| {
                                    (idx.elements.iter().zip(&idx.is_column))
                                        .position(|(e, c)| *c && *e == k)
                                });
                                match (pos, op) {
                                    (Some(p), Some(op)) => {
                                        ops[p] = Some(op);
                                        true
                                    }
                                    _ => false,
                                }
                            }),
                            _ => false,
                        };
                        if read {
                            idx.ops = ops;
                        } else {
                            let a = arg.to_string();
                            self.warn(m, value, format!("index option `{a}` is not a literal dict of column names to operator classes; the index is compared without it"));
                        }
                    }
                    "length" => {
                        let n = idx.elements.len();
                        let lengths = if let Some(l) = self.lit_uint(m, value) {
                            Some(vec![Some(l); n])
                        } else if let Expr::Dict(d) = value {
                            let mut v = vec![None; n];
                            let mut ok = true;
                            for it in d.items.iter() {
                                let key = it.key.as_ref().and_then(|k| self.lit_str(m, k));
                                let len = self.lit_uint(m, &it.value);
                                let pos = key.and_then(|k| {
                                    idx.elements
                                        .iter()
                                        .zip(&idx.is_column)
                                        .position(|(e, c)| *c && *e == k)
                                });
                                match (pos, len) {
                                    (Some(p), Some(l)) => v[p] = Some(l),
                                    _ => ok = false,
                                }
                            }
                            ok.then_some(v)
                        } else {
                            None
                        };
                        match lengths {
                            Some(l) => idx.lengths = l,
                            None => {
                                let a = arg.to_string();
                                self.warn(m, value, format!("index option `{a}` is not a literal integer or dict of column lengths; the index is compared without it"));
                            }
                        }
                    }
                    _ => {
                        let a = arg.to_string();
                        self.warn(
                            m,
                            value,
                            format!(
                                "index option `{a}` is not read; the index is compared without it"
                            ),
                        );
                    }
                }
            } else if sa_name == "mariadb" && arg == "mysql_using" {
                fallback_using = self.lit_str(m, value);
            } else if !(arg.starts_with("postgresql_")
                || arg.starts_with("sqlite_")
                || arg.starts_with("mysql_")
                || arg.starts_with("mariadb_")
                || arg.starts_with("mssql_"))
            {
                let a = arg.to_string();
                self.warn(
                    m,
                    value,
                    format!("index option `{a}` is not read; the index is compared without it"),
                );
            }
        }
        if idx.using.is_none() {
            idx.using = fallback_using;
        }
        idx
    }

    /// A column given by name (a string) or as a class-body name / `Model.column`.
    pub(crate) fn column_ref(&self, m: usize, e: &'a Expr) -> Option<String> {
        if let Some(Lit::Str(s)) = self.lit(m, e) {
            return Some(s);
        }
        match e {
            Expr::Name(n) if !self.mods.modules[m].bindings.contains_key(n.id.as_str()) => {
                Some(n.id.to_string())
            }
            Expr::Attribute(a) if matches!(self.r.expr(m, &a.value), Sym::Class(_)) => {
                Some(a.attr.to_string())
            }
            // `cls.flow_id` in a `@declared_attr` `__table_args__(cls)` (prefect's models): the
            // class's column, as `Model.x` is.
            Expr::Attribute(a)
                if matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "cls")
                    && !self.mods.modules[m].bindings.contains_key("cls") =>
            {
                Some(a.attr.to_string())
            }
            // `users.c.email`, `users.c["email"]`: a Core table's column.
            Expr::Attribute(a) if table_columns(&a.value).is_some() => Some(a.attr.to_string()),
            Expr::Subscript(s) if table_columns(&s.value).is_some() => self.lit_str(m, &s.slice),
            // `sa.column("updated_at")`: a column by its name (Alembic's index elements), also
            // `sa.Column("email")` with nothing but the name.
            Expr::Call(c)
                if !c.arguments.args.is_empty()
                    && match self.r.ext_name(m, &c.func).as_deref() {
                        Some("sa.column") => true,
                        Some("sa.Column") => {
                            c.arguments.args.len() == 1 && c.arguments.keywords.is_empty()
                        }
                        _ => false,
                    } =>
            {
                self.lit_str(m, &c.arguments.args[0])
            }
            _ => None,
        }
    }

    /// `updated_at.desc()`, `sa.desc("id")`, `Model.x.asc()`: a column with its order, as
    /// SQLAlchemy writes it in an index (`updated_at DESC`).
    pub(crate) fn ordered_column(&self, m: usize, e: &'a Expr) -> Option<String> {
        let Expr::Call(c) = e else { return None };
        let (column, order) = match &*c.func {
            Expr::Attribute(a)
                if c.arguments.args.is_empty() && matches!(a.attr.as_str(), "desc" | "asc") =>
            {
                (self.column_ref(m, &a.value), a.attr.as_str())
            }
            _ => match self.r.ext_name(m, &c.func).as_deref() {
                Some("sa.desc") if c.arguments.args.len() == 1 => {
                    (self.column_ref(m, &c.arguments.args[0]), "desc")
                }
                Some("sa.asc") if c.arguments.args.len() == 1 => {
                    (self.column_ref(m, &c.arguments.args[0]), "asc")
                }
                _ => return None,
            },
        };
        let compiler = crate::input::python::types::Compiler::of(self.dialect.dialect());
        let q = crate::input::python::ddl::quote(&column?, compiler);
        Some(format!("{q} {}", order.to_ascii_uppercase()))
    }

    /// Flask-SQLAlchemy's `db.Table("name", db.Column(...), ...)`: the metadata argument is
    /// optional (the `db` object's metadata, with its naming convention, when left out).
    fn flask_table(&mut self, m: usize, e: &'a Expr, call: &'a ast::ExprCall) {
        let second = call.arguments.args.get(1);
        let has_metadata = second.is_some_and(|a| {
            !matches!(a, Expr::Starred(_))
                && self.callee(m, a).is_none_or(|(n, _)| n == "sa.MetaData")
        });
        if has_metadata {
            if let Some(table) = self.table_def(m, e, call, 2) {
                self.tables.push(table);
            }
            return;
        }
        let naming = self.flask_db_naming(m, &call.func);
        if let Some(mut table) = self.table_def(m, e, call, 1) {
            table.naming = naming.unwrap_or_else(|| self.global_naming.clone());
            self.tables.push(table);
        }
    }

    /// `Index("ix", users.c.email)` written on its own, beside its Core table: added to the
    /// table read before it (`users = Table("users", ...)`).
    fn standalone_index(&mut self, m: usize, e: &'a Expr, call: &'a ast::ExprCall) {
        // The columns named: the arguments, those of `func.lower(...)` and the column of
        // `x.desc()`.
        let mut named: Vec<&'a Expr> = Vec::new();
        for a in call.arguments.args.iter().skip(1) {
            named.push(a);
            if let Expr::Call(c) = a {
                named.extend(c.arguments.args.iter());
                if let Expr::Attribute(f) = &*c.func {
                    named.push(&f.value);
                }
            }
        }
        let name = named.iter().find_map(|a| {
            let of_table = match a {
                Expr::Attribute(at) => table_columns(&at.value),
                Expr::Subscript(s) => table_columns(&s.value),
                _ => None,
            };
            // The table's name: the first argument of the call that made it (a wrapper of
            // Table(...) passes it on).
            if let Some(t) = of_table {
                // `Group.__table__.c.name`: a mapped class's table.
                if let Expr::Attribute(tt) = t {
                    if tt.attr.as_str() == "__table__" {
                        return self.class_table_name(m, &tt.value);
                    }
                }
                return match self.r.expr(m, t) {
                    Sym::Value(vm, Expr::Call(c)) => {
                        c.arguments.args.first().and_then(|n| self.lit_str(vm, n))
                    }
                    _ => None,
                };
            }
            // `User.email` of a mapped class: its table, read with the class before.
            let Expr::Attribute(at) = a else { return None };
            self.class_table_name(m, &at.value)
        });
        let Some(i) = name.and_then(|n| self.tables.iter().rposition(|t| t.name == n)) else {
            self.warn(m, e, "the table of this Index cannot be read statically (write its columns as `table.c.column` of a Table(...) read before it); it is not compared".into());
            return;
        };
        let mut table = self.tables.remove(i);
        self.table_item(m, e, &mut table);
        self.tables.insert(i, table);
    }

    /// A `ForeignKey(...)` / `ForeignKeyConstraint(...)` call's foreign key to `table`: its
    /// `name=`, and `ondelete`, `onupdate`, `match`, `deferrable` and `initially` as written.
    fn fk_def(
        &self,
        m: usize,
        call: &'a ast::ExprCall,
        table: String,
        columns: Vec<String>,
        ref_columns: Vec<String>,
    ) -> FkDef {
        let text = |k: &str| kwarg(call, k).and_then(|n| self.lit_str(m, n));
        FkDef {
            table,
            columns,
            ref_columns,
            name: text("name"),
            ondelete: text("ondelete"),
            onupdate: text("onupdate"),
            matching: text("match"),
            deferrable: kwarg(call, "deferrable").and_then(|v| self.lit_bool(m, v)),
            initially: text("initially"),
        }
    }

    /// The table name of the mapped class `e` names.
    pub(crate) fn class_table_name(&self, m: usize, e: &'a Expr) -> Option<String> {
        let Sym::Class(cid) = self.r.expr(m, e) else {
            return None;
        };
        let (mro, ext, _) = self.mro(&cid);
        let sqlmodel = self.flavor(&ext, &mro) == Flavor::SqlModel;
        self.table_name(&cid, &mro, sqlmodel)
    }

    /// SQL text: a literal string or `text("...")`.
    pub(crate) fn sql_text(&self, m: usize, e: &'a Expr) -> Option<String> {
        if let Some(Lit::Str(s)) = self.lit(m, e) {
            return Some(s);
        }
        let (name, call) = self.callee(m, e)?;
        match name.as_str() {
            "sa.text" | "sa.literal_column" => {
                call.arguments.args.first().and_then(|a| self.lit_str(m, a))
            }
            _ => None,
        }
    }

    /// `Table("name", metadata, Column(...), ...)` at module level.
    pub(crate) fn read_table_call(&mut self, m: usize, e: &'a Expr) {
        // A wrapper of the application's (`def Table(*args, **kwargs): kwargs[...] = ...;
        // return sa.Table(*args, **kwargs)`) is followed with the call's arguments bound.
        let bound = self.r.params.borrow().len();
        let mut at = (m, e);
        if let Expr::Call(c) = e {
            if let Sym::Function(fm, f) = self.r.expr(m, &c.func) {
                let Some((assigns, ret)) = helper_body(f) else {
                    return;
                };
                if !matches!(self.callee(fm, ret), Some((n, _)) if n == "sa.Table") {
                    return;
                }
                self.r.bind_call(m, c, fm, f);
                self.r.bind_locals(fm, f, &assigns);
                at = (fm, ret);
            }
        }
        if let Some((name, call)) = self.callee(at.0, at.1) {
            if name == "sa.Index" {
                self.standalone_index(at.0, at.1, call);
            } else if name == "flask_sqlalchemy.Table" {
                self.flask_table(at.0, at.1, call);
            } else if name == "sa.Table" {
                if let Some(table) = self.table_def(at.0, at.1, call, 2) {
                    self.tables.push(table);
                }
            }
        }
        self.r.params.borrow_mut().truncate(bound);
    }

    /// The table of a `Table("name", metadata, *items)` call (`skip` 2) or of Alembic's
    /// `op.create_table("name", *items)` (`skip` 1, no metadata: SQLAlchemy's default naming).
    pub(crate) fn table_def(
        &mut self,
        m: usize,
        e: &'a Expr,
        call: &'a ast::ExprCall,
        skip: usize,
    ) -> Option<TableDef> {
        let at = self.origin(m, e);
        // `*columns` of a literal list (or a name bound to one, or a helper's own `*args`:
        // `def Table(*args, **kwargs): return sa.Table(*args, **kwargs)`) is its items.
        let args = self.spread_args(m, call.arguments.args.iter());
        let keywords = self.keywords(m, call);
        let keyword = |k: &str| keywords.iter().find(|(n, _)| n == k).map(|(_, v)| *v);
        let Some(tname) = args.first().and_then(|&(am, a)| self.lit_str(am, a)) else {
            self.warn(
                m,
                e,
                "the name of this Table(...) is not a literal; it is not compared".into(),
            );
            return None;
        };
        let metadata = if skip == 2 {
            args.get(1).copied()
        } else {
            None
        };
        let naming = match metadata {
            // `Base.metadata`: the declarative base's.
            Some((mdm, Expr::Attribute(a))) if a.attr.as_str() == "metadata" => {
                match self.r.expr(mdm, &a.value) {
                    Sym::Class(cid) => {
                        let (mro, _, _) = self.mro(&cid);
                        self.naming_for(&mro, false)
                    }
                    // `Base = declarative_base(metadata=MetaData(...))`
                    Sym::Value(vm, v) => self
                        .callee(vm, v)
                        .and_then(|(_, c)| kwarg(c, "metadata"))
                        .and_then(|md| self.metadata_naming(vm, md))
                        .unwrap_or_else(|| self.global_naming.clone()),
                    _ => self.global_naming.clone(),
                }
            }
            Some((mdm, md)) => self
                .metadata_naming(mdm, md)
                .unwrap_or_else(|| self.global_naming.clone()),
            None if skip == 2 => self.global_naming.clone(),
            None => BTreeMap::new(),
        };
        let mut table = TableDef {
            name: tname,
            schema: keyword("schema").and_then(|(km, s)| self.lit_str(km, s)),
            columns: Vec::new(),
            constraints: Vec::new(),
            indexes: Vec::new(),
            comment: keyword("comment").and_then(|(km, s)| self.lit_str(km, s)),
            sqlite_autoincrement: keyword("sqlite_autoincrement")
                .and_then(|(km, s)| self.lit_bool(km, s))
                == Some(true),
            options: Vec::new(),
            naming,
            at,
            renamed_from: self.renamed_from(m, at.start),
            uncompared: Vec::new(),
        };
        for (arg, (km, value)) in &keywords {
            if is_table_option(arg.as_str()) {
                match self.lit_str(*km, value) {
                    Some(v) => table.options.push((arg.to_string(), v)),
                    None => {
                        let what = arg.to_string();
                        self.warn(*km, value, format!("table `{}`: the option `{what}` is not a literal string; it is not compared", table.name));
                    }
                }
            }
        }
        self.uncompared.clear();
        for (m, a) in args.into_iter().skip(skip) {
            if let Expr::Starred(_) = a {
                self.warn(
                    m,
                    a,
                    format!(
                        "table `{}`: `*args` cannot be read statically; they are not compared",
                        table.name
                    ),
                );
                continue;
            }
            let cat = self.origin(m, a);
            match self.callee(m, a) {
                Some((n, _)) if n == "sa.Column" => {
                    if let Some(mut col) = self.column_call(m, a, "", None, &mut table, cat, false)
                    {
                        col.at = cat;
                        col.renamed_from = self.renamed_from(m, cat.start);
                        table.columns.push(col);
                    }
                }
                _ => self.table_item(m, a, &mut table),
            }
        }
        table.uncompared = std::mem::take(&mut self.uncompared);
        Some(table)
    }
}

/// `dict(key=value, ...)` (the builtin, keywords only).
fn is_dict_call<'a>(r: &Reader<'a>, m: usize, c: &'a ast::ExprCall) -> bool {
    c.arguments.args.is_empty()
        && c.arguments.keywords.iter().all(|k| k.arg.is_some())
        && r.r.ext_name(m, &c.func).as_deref() == Some("builtins.dict")
}

/// `users` of `users.c` (a Core table's column collection).
fn table_columns(e: &Expr) -> Option<&Expr> {
    match e {
        Expr::Attribute(a) if a.attr.as_str() == "c" || a.attr.as_str() == "columns" => {
            Some(&a.value)
        }
        _ => None,
    }
}

/// The schema items a `Column(...)` takes positionally besides its name and type.
fn is_column_item(name: &str) -> bool {
    matches!(
        name,
        "sa.ForeignKey"
            | "sa.Identity"
            | "sa.Sequence"
            | "sa.Computed"
            | "sa.CheckConstraint"
            | "sa.FetchedValue"
            | "sa.DefaultClause"
    )
}

/// A MySQL table option SQLAlchemy writes after `CREATE TABLE (...)` (`mysql_engine=`,
/// `mariadb_charset=`...).
fn is_table_option(arg: &str) -> bool {
    let Some(opt) = arg
        .strip_prefix("mysql_")
        .or_else(|| arg.strip_prefix("mariadb_"))
    else {
        return false;
    };
    matches!(
        opt,
        "engine"
            | "charset"
            | "collate"
            | "default_charset"
            | "character_set"
            | "default_character_set"
            | "row_format"
            | "key_block_size"
            | "auto_increment"
            | "stats_persistent"
    )
}
