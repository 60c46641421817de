//! Model classes and `Table(...)` calls -> [`TableDef`]s, the way SQLModel and SQLAlchemy's
//! declarative layer build their `Table`s (without running them).

mod declarative;
mod fields;

use super::modules::{helper_body, ClassId, Modules, Resolver, Sym};
use super::types::SaType;
use super::Profile;
use crate::diagnostics::Code;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;
use std::collections::BTreeMap;

/// Where something was written: module index and byte range.
#[derive(Clone, Copy, Debug, Default)]
pub struct Origin {
    pub module: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug)]
pub struct FkDef {
    pub table: String,
    pub columns: Vec<String>,
    pub ref_columns: Vec<String>,
    pub name: Option<String>,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
    /// `match="FULL"`, `deferrable=True|False`, `initially="DEFERRED"`.
    pub matching: Option<String>,
    pub deferrable: Option<bool>,
    pub initially: Option<String>,
}

impl FkDef {
    /// What follows `REFERENCES t (cols)`, as SQLAlchemy writes it: ` MATCH x`, ` ON DELETE
    /// x`, ` ON UPDATE x`, ` [NOT] DEFERRABLE`, ` INITIALLY x`.
    pub fn clauses(&self) -> String {
        let mut out = String::new();
        if let Some(x) = &self.matching {
            out.push_str(&format!(" MATCH {x}"));
        }
        if let Some(d) = &self.ondelete {
            out.push_str(&format!(" ON DELETE {d}"));
        }
        if let Some(u) = &self.onupdate {
            out.push_str(&format!(" ON UPDATE {u}"));
        }
        match self.deferrable {
            Some(true) => out.push_str(" DEFERRABLE"),
            Some(false) => out.push_str(" NOT DEFERRABLE"),
            None => {}
        }
        if let Some(i) = &self.initially {
            out.push_str(&format!(" INITIALLY {i}"));
        }
        out
    }
}

#[derive(Clone, Debug)]
pub struct ColumnDef {
    pub name: String,
    pub ty: SaType,
    pub nullable: bool,
    /// Whether `nullable=` was given (a column of a table-level primary key is NOT NULL
    /// unless it was, as SQLAlchemy's `PrimaryKeyConstraint` makes it).
    pub nullable_given: bool,
    pub primary_key: bool,
    pub unique: bool,
    pub index: bool,
    pub fks: Vec<FkDef>,
    /// The DEFAULT clause (SQL text, already per dialect).
    pub server_default: Option<String>,
    pub comment: Option<String>,
    /// `autoincrement=` as written (`None`: "auto").
    pub autoincrement: Option<bool>,
    /// A client-side default other than `None` (keeps SQLAlchemy from making the key SERIAL).
    pub py_default: bool,
    /// `Identity(always=...)`: `Some(always)`.
    pub identity: Option<bool>,
    /// The sequence options of the `Identity(...)` as SQLAlchemy writes them
    /// (`INCREMENT BY 5 START WITH 100`; empty without any).
    pub identity_options: String,
    /// `Computed("sql", persisted=...)`: the generated column's expression and `persisted`.
    pub computed: Option<(String, Option<bool>)>,
    /// `CheckConstraint(...)` given to the column: (name, SQL), written at the column.
    pub checks: Vec<(Option<String>, String)>,
    /// The CHECK a schema type adds (`Boolean` / `Enum(create_constraint=True)` where the type
    /// is not native): (name, SQL), written as a table constraint, as SQLAlchemy writes it.
    pub type_checks: Vec<(Option<String>, String)>,
    /// `Sequence(...)` given to the column (not `optional=True`): PostgreSQL creates it
    /// before the table, and the column is not SERIAL.
    pub sequence: Option<SequenceDef>,
    pub at: Origin,
    pub renamed_from: Option<String>,
}

/// A column's `Sequence(...)`.
#[derive(Clone, Debug, PartialEq)]
pub struct SequenceDef {
    pub name: String,
    pub schema: Option<String>,
    /// What follows the name in `CREATE SEQUENCE` (` AS BIGINT INCREMENT BY 2`; may be empty).
    pub options: String,
}

impl ColumnDef {
    /// A nullable column of type `ty` with nothing else.
    pub fn new(name: String, ty: SaType, at: Origin) -> Self {
        ColumnDef {
            name,
            ty,
            nullable: true,
            nullable_given: false,
            primary_key: false,
            unique: false,
            index: false,
            fks: Vec::new(),
            server_default: None,
            comment: None,
            autoincrement: None,
            py_default: false,
            identity: None,
            identity_options: String::new(),
            computed: None,
            checks: Vec::new(),
            type_checks: Vec::new(),
            sequence: None,
            at,
            renamed_from: None,
        }
    }

    /// Why SQLAlchemy's compiler `c` cannot write this column (its `CompileError`).
    pub fn compile_error(&self, c: super::types::Compiler) -> Option<&'static str> {
        if let Some(why) = self.ty.compile_error(c) {
            return Some(why);
        }
        match &self.computed {
            Some((_, Some(false))) if c == super::types::Compiler::Postgresql => Some(
                "PostgreSQL has no virtual generated columns (`Computed(..., persisted=False)`: SQLAlchemy raises CompileError); give persisted=True or leave it out",
            ),
            _ => None,
        }
    }
}

/// What [`Reader::sequence_options`] reads of an `Identity(...)` / `Sequence(...)`.
#[derive(Clone, Debug, Default)]
pub struct SequenceOptions {
    pub name: Option<String>,
    pub schema: Option<String>,
    /// `INCREMENT BY 5 START WITH 100` (empty without options).
    pub text: String,
    /// A Sequence's `data_type=`, as PostgreSQL's compiler writes it.
    pub data_type: Option<String>,
    /// Boolean arguments as given (`always`, `optional`...).
    pub flags: Vec<(String, Option<bool>)>,
}

impl SequenceOptions {
    /// Boolean argument `name` as given, false when absent.
    pub fn flag(&self, name: &str) -> bool {
        self.flags
            .iter()
            .find(|(k, _)| k == name)
            .and_then(|(_, v)| *v)
            .unwrap_or(false)
    }
}

#[derive(Clone, Debug)]
pub enum ConstraintDef {
    Unique {
        name: Option<String>,
        columns: Vec<String>,
        /// `postgresql_nulls_not_distinct=True` (PostgreSQL 15), read for PostgreSQL.
        nulls_not_distinct: bool,
    },
    Check {
        name: Option<String>,
        sql: String,
    },
    PrimaryKey {
        name: Option<String>,
        columns: Vec<String>,
    },
    ForeignKey(FkDef),
}

#[derive(Clone, Debug)]
pub struct IndexDef {
    pub name: Option<String>,
    /// Column names or SQL expressions (already in SQL).
    pub elements: Vec<String>,
    /// Whether each element is a column name (else an expression).
    pub is_column: Vec<bool>,
    pub unique: bool,
    pub where_: Option<String>,
    pub using: Option<String>,
    /// MySQL prefix lengths per element (`mysql_length=`).
    pub lengths: Vec<Option<u64>>,
    /// MySQL `FULLTEXT` / `SPATIAL` (`mysql_prefix=`).
    pub prefix: Option<String>,
    /// `postgresql_include=[...]`: columns the index carries (PostgreSQL's `INCLUDE`).
    pub include: Vec<String>,
    /// `postgresql_ops={"col": "jsonb_path_ops"}`: an operator class per element.
    pub ops: Vec<Option<String>>,
    /// `postgresql_nulls_not_distinct=` (PostgreSQL 15): `NULLS [NOT] DISTINCT`.
    pub nulls_not_distinct: Option<bool>,
}

#[derive(Clone, Debug)]
pub struct TableDef {
    pub name: String,
    pub schema: Option<String>,
    pub columns: Vec<ColumnDef>,
    pub constraints: Vec<(ConstraintDef, Origin)>,
    pub indexes: Vec<(IndexDef, Origin)>,
    pub comment: Option<String>,
    pub sqlite_autoincrement: bool,
    /// MySQL table options as keyword arguments (`mysql_engine="InnoDB"`, `mariadb_charset=`):
    /// (argument name, literal value), written for the dialect whose prefix they carry.
    pub options: Vec<(String, String)>,
    pub naming: BTreeMap<String, String>,
    pub at: Origin,
    pub renamed_from: Option<String>,
    /// Columns the models define but schemashift could not read (a W005 said so): left out
    /// of the comparison, never dropped.
    pub uncompared: Vec<String>,
}

/// A positioned finding about the Python source.
#[derive(Clone, Debug)]
pub struct Finding {
    pub code: Code,
    pub at: Origin,
    pub message: String,
}

/// How a class takes part in the models.
#[derive(Clone, Debug, PartialEq)]
enum Flavor {
    /// A SQLModel class (table or not).
    SqlModel,
    /// Mapped through a declarative base; the base's naming convention.
    Declarative,
    /// Neither (a mixin, an enum, a pydantic model...).
    Plain,
}

/// Reads the tables of all modules.
pub struct Reader<'a> {
    pub r: Resolver<'a>,
    pub mods: &'a Modules,
    pub profile: Profile,
    pub dialect: crate::dialects::DialectKind,
    /// The dialect names whose `.with_variant(...)` types apply, first found first: SQLAlchemy's
    /// name of the dialect (an Alembic replay for MariaDB also takes `mysql`'s, as its
    /// `mysql+` URL makes the dialect's name).
    pub variant_names: &'static [&'static str],
    pub findings: Vec<Finding>,
    /// Where and what [`Reader::warn`] has said: said once (an unrolled loop reads its body
    /// once per item).
    warned: std::collections::HashSet<(usize, usize, String)>,
    pub tables: Vec<TableDef>,
    /// `<metadata>.naming_convention = {...}` assigned at module level: the convention of the
    /// tables whose metadata has none of its own.
    pub global_naming: BTreeMap<String, String>,
    /// `type_annotation_map = {python type: SQLAlchemy type}` of the declarative bases: the
    /// key's canonical name (`builtins.str`, `class:Name`), the value's module and expression.
    pub annotation_map: Vec<(ClassId, String, usize, &'a Expr)>,
    /// The MRO of the class being read (the maps of its bases apply).
    pub current_mro: Vec<ClassId>,
    /// Columns of the table being read that could not be read (see [`TableDef::uncompared`]).
    pub uncompared: Vec<String>,
    /// Single-table inheritance subclasses: their own columns, indexes and constraints, to
    /// be added to the table of the same name once every class is read.
    pub single_table: Vec<TableDef>,
    /// Where values made while reading live as long as the modules' own expressions (the
    /// history replay's inspector results, as Python literals); `None`: nothing is made.
    pub made: Option<&'a typed_arena::Arena<Expr>>,
    /// Reading an Alembic history's revisions, not models for `create_all`: the types a
    /// revision creates or expects (`postgresql.ENUM(create_type=False)`'s) are the replay's
    /// to decide, in the schema as it stands.
    pub history: bool,
    /// The modules' `@compiles(...)` functions (sqlalchemy.ext.compiler) that return a literal,
    /// read once: what each compiles, its SQL and its dialect names.
    pub(crate) compilers: std::cell::OnceCell<Vec<Compiler<'a>>>,
}

/// A `@compiles(Target, "dialect", ...)` function returning `"SQL"`: the target, the SQL and
/// the dialect names (none: every dialect).
pub(crate) type Compiler<'a> = (Sym<'a>, String, Vec<String>);

/// Literal values the reader evaluates.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Lit {
    Str(String),
    Int(i64),
    Bool(bool),
    None,
}

impl Lit {
    /// Python's truth of the value.
    pub(crate) fn truthy(&self) -> bool {
        match self {
            Lit::Str(s) => !s.is_empty(),
            Lit::Int(i) => *i != 0,
            Lit::Bool(b) => *b,
            Lit::None => false,
        }
    }
}

impl<'a> Reader<'a> {
    /// A reader of `mods` (absolute imports also searched in `roots`) for `dialect`.
    pub fn new(
        mods: &'a Modules,
        roots: &'a [String],
        profile: Profile,
        dialect: crate::dialects::DialectKind,
    ) -> Self {
        Reader {
            r: Resolver {
                mods,
                roots,
                params: Default::default(),
                spreads: Default::default(),
                depth: Default::default(),
            },
            mods,
            profile,
            dialect,
            variant_names: crate::input::python::types::variant_names(dialect.dialect()),
            findings: Vec::new(),
            warned: Default::default(),
            tables: Vec::new(),
            global_naming: Default::default(),
            annotation_map: Vec::new(),
            current_mro: Vec::new(),
            uncompared: Vec::new(),
            single_table: Vec::new(),
            made: None,
            history: false,
            compilers: Default::default(),
        }
    }

    pub(crate) fn origin(&self, m: usize, node: &impl Ranged) -> Origin {
        let r = node.range();
        Origin {
            module: m,
            start: r.start().to_usize(),
            end: r.end().to_usize(),
        }
    }

    pub(crate) fn warn(&mut self, m: usize, node: &impl Ranged, message: String) {
        let at = self.origin(m, node);
        self.warn_at(at, message);
    }

    /// [`Reader::warn`] at a place already found.
    pub(crate) fn warn_at(&mut self, at: Origin, message: String) {
        if !self.warned.insert((at.module, at.start, message.clone())) {
            return;
        }
        // "column `x`: ...; the column is not compared": it is carried over, not dropped.
        if message.contains("the column is not compared") {
            if let Some(col) = message
                .strip_prefix("column `")
                .and_then(|r| r.split_once('`'))
                .map(|(c, _)| c.to_string())
            {
                self.uncompared.push(col);
            }
        }
        self.findings.push(Finding {
            code: Code::W005,
            at,
            message,
        });
    }

    /// Every table of every module, in module and statement order.
    pub fn read_all(&mut self) {
        self.collect_annotation_maps();
        for m in 0..self.mods.modules.len() {
            for s in self.mods.modules[m].body.iter() {
                let Stmt::Assign(a) = s else { continue };
                let is_conv = a.targets.iter().any(
                    |t| matches!(t, Expr::Attribute(at) if at.attr.as_str() == "naming_convention"),
                );
                if is_conv {
                    match self.naming_dict(m, &a.value) {
                        Some(n) => self.global_naming = n,
                        None => self.warn(m, &*a.value, "this naming convention cannot be read statically; constraint and index names are SQLAlchemy's defaults".into()),
                    }
                }
            }
        }
        for m in 0..self.mods.modules.len() {
            let body = &self.mods.modules[m].body;
            self.read_body(m, body, &[]);
        }
        for sub in std::mem::take(&mut self.single_table) {
            let Some(t) = self.tables.iter_mut().find(|t| t.name == sub.name) else {
                self.findings.push(Finding {
                    code: Code::W005,
                    at: sub.at,
                    message: format!("this single-table inheritance subclass adds columns to table `{}`, which was not read; they are not compared", sub.name),
                });
                continue;
            };
            for col in sub.columns {
                if !t.columns.iter().any(|c| c.name == col.name) {
                    t.columns.push(col);
                }
            }
            t.indexes.extend(sub.indexes);
            t.constraints.extend(sub.constraints);
            t.uncompared.extend(sub.uncompared);
        }
    }

    /// Every `type_annotation_map = {...}` in a class body (of a declarative base).
    fn collect_annotation_maps(&mut self) {
        let mods = self.mods;
        for (m, module) in mods.modules.iter().enumerate() {
            for (i, s) in module.body.iter().enumerate() {
                let Stmt::ClassDef(c) = s else { continue };
                let owner = ClassId {
                    module: m,
                    path: vec![i],
                };
                for st in c.body.iter() {
                    let (target, value) = match st {
                        Stmt::Assign(a) => match a.targets.as_slice() {
                            [t] => (t, &*a.value),
                            _ => continue,
                        },
                        Stmt::AnnAssign(a) => match a.value.as_deref() {
                            Some(v) => (&*a.target, v),
                            None => continue,
                        },
                        _ => continue,
                    };
                    let value = match (target, value) {
                        (Expr::Name(n), v) if n.id.as_str() == "type_annotation_map" => v,
                        // `registry = registry(type_annotation_map={...})`.
                        (Expr::Name(n), Expr::Call(call)) if n.id.as_str() == "registry" => {
                            match kwarg(call, "type_annotation_map") {
                                Some(v) => v,
                                None => continue,
                            }
                        }
                        _ => continue,
                    };
                    let Expr::Dict(d) = value else {
                        self.warn(m, value, "`type_annotation_map` is not a literal dict: not read; Mapped[...] columns without a type use SQLAlchemy's default map".into());
                        continue;
                    };
                    for item in d.items.iter() {
                        let Some(k) = &item.key else { continue };
                        let key = self.type_key(m, k, 0);
                        match key {
                            Some(key) => {
                                self.annotation_map.push((owner.clone(), key, m, &item.value))
                            }
                            None => self.warn(m, k, "this `type_annotation_map` key cannot be read statically; it is not used".into()),
                        }
                    }
                }
            }
        }
    }

    /// A Python type as a `type_annotation_map` key: its canonical name (`builtins.str`,
    /// `class:Name`), a generic with its arguments (`builtins.dict[builtins.str, typing.Any]`).
    pub(crate) fn type_key(&self, m: usize, e: &'a Expr, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        if let Expr::Subscript(s) = e {
            let head = self.type_key(m, &s.value, depth + 1)?;
            let items: Vec<&'a Expr> = match &*s.slice {
                Expr::Tuple(t) => t.elts.iter().collect(),
                e => vec![e],
            };
            let args: Option<Vec<String>> = items
                .into_iter()
                .map(|i| self.type_key(m, i, depth + 1))
                .collect();
            return Some(format!("{head}[{}]", args?.join(", ")));
        }
        // `Literal["pending", "done"]`'s arguments, as Python compares them.
        match e {
            Expr::StringLiteral(s) => return Some(format!("{:?}", s.value.to_str())),
            Expr::NumberLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => {
                return self.lit(m, e).map(|l| format!("{l:?}"));
            }
            _ => {}
        }
        match self.r.expr(m, e) {
            Sym::Ext(x) => Some(x),
            Sym::Class(cid) => self.class(&cid).map(|c| format!("class:{}", c.name)),
            // An alias of a generic other than `Annotated` (`Status = Literal["a", "b"]`)
            // is the generic it names, and a plain alias (`DateTime: TypeAlias = _DateTime`,
            // `Day = datetime.date`) is the type it names.
            Sym::Value(vm, v) => self.alias_key(vm, v).or_else(|| {
                matches!(v, Expr::Subscript(_) | Expr::Name(_) | Expr::Attribute(_))
                    .then(|| self.type_key(vm, v, depth + 1))
                    .flatten()
            }),
            _ => None,
        }
    }

    /// An `Annotated[...]` alias (`str50 = Annotated[str, 50]`) as a `type_annotation_map`
    /// key: where its value is written.
    pub(crate) fn alias_key(&self, m: usize, v: &'a Expr) -> Option<String> {
        let Expr::Subscript(s) = v else { return None };
        (self.r.ext_name(m, &s.value).as_deref() == Some("typing.Annotated"))
            .then(|| format!("annotated:{m}:{}", v.range().start().to_usize()))
    }

    fn read_body(&mut self, m: usize, body: &'a [Stmt], prefix: &[usize]) {
        for (i, s) in body.iter().enumerate() {
            match s {
                Stmt::ClassDef(_) => {
                    let mut path = prefix.to_vec();
                    path.push(i);
                    self.read_class(ClassId { module: m, path });
                }
                Stmt::Assign(a) => self.read_table_call(m, &a.value),
                Stmt::AnnAssign(a) => {
                    if let Some(v) = &a.value {
                        self.read_table_call(m, v);
                    }
                }
                Stmt::Expr(e) => self.read_table_call(m, &e.value),
                Stmt::For(f)
                    if contains_call(&f.body, "Table") || contains_call(&f.body, "Column") =>
                {
                    self.warn(
                        m,
                        f,
                        "tables or columns built in a `for` loop cannot be read statically; \
                         they are not compared (write them out, or compare the DDL instead)"
                            .into(),
                    );
                }
                Stmt::If(_) | Stmt::Try(_) => {
                    // `if TYPE_CHECKING:` and import fallbacks: models under them are read
                    // from the first branch only.
                    if let Some(first) = super::modules::block_bodies(s).first() {
                        let mut p = prefix.to_vec();
                        p.push(i);
                        p.push(0);
                        self.read_body(m, first, &p);
                    }
                }
                _ => {}
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Literals and names
    // ---------------------------------------------------------------------------------------

    /// A literal value, following module constants.
    pub(crate) fn lit(&self, m: usize, e: &'a Expr) -> Option<Lit> {
        self.lit_depth(m, e, 0)
    }

    fn lit_depth(&self, m: usize, e: &'a Expr, depth: usize) -> Option<Lit> {
        if depth > 16 {
            return None;
        }
        match e {
            Expr::StringLiteral(s) => Some(Lit::Str(s.value.to_str().to_string())),
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => i.as_i64().map(Lit::Int),
                _ => None,
            },
            Expr::BooleanLiteral(b) => Some(Lit::Bool(b.value)),
            Expr::NoneLiteral(_) => Some(Lit::None),
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => {
                match self.lit_depth(m, &u.operand, depth + 1)? {
                    Lit::Int(i) => Some(Lit::Int(-i)),
                    _ => None,
                }
            }
            Expr::FString(f) => {
                let mut out = String::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => out.push_str(&l.value),
                        ast::FStringPart::FString(fs) => {
                            for el in fs.elements.iter() {
                                match el {
                                    ast::InterpolatedStringElement::Literal(l) => {
                                        out.push_str(&l.value)
                                    }
                                    ast::InterpolatedStringElement::Interpolation(i) => {
                                        if i.format_spec.is_some() {
                                            return None;
                                        }
                                        match self.lit_depth(m, &i.expression, depth + 1)? {
                                            Lit::Str(s) => out.push_str(&s),
                                            Lit::Int(n) => out.push_str(&n.to_string()),
                                            _ => return None,
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Some(Lit::Str(out))
            }
            // Alembic's `op.f("name")` and SQLAlchemy's `conv("name")`: the name as written.
            Expr::Call(c)
                if c.arguments.args.len() == 1
                    && matches!(
                        self.r.ext_name(m, &c.func).as_deref(),
                        Some(
                            "alembic.op.f" | "sa.conv" | "sa.schema.conv" | "sa.sql.elements.conv"
                        )
                    ) =>
            {
                self.lit_depth(m, &c.arguments.args[0], depth + 1)
            }
            Expr::BinOp(b) if b.op == ast::Operator::Add => {
                match (
                    self.lit_depth(m, &b.left, depth + 1)?,
                    self.lit_depth(m, &b.right, depth + 1)?,
                ) {
                    (Lit::Str(a), Lit::Str(c)) => Some(Lit::Str(a + &c)),
                    (Lit::Int(a), Lit::Int(c)) => Some(Lit::Int(a.checked_add(c)?)),
                    _ => None,
                }
            }
            // `"uniq_%s0standard_attr_id" % TABLE`, `"%s_%s" % (a, b)`: printf-style formatting
            // of strings and integers (`%s`, `%d`, `%i`, `%%`).
            Expr::BinOp(b) if b.op == ast::Operator::Mod => {
                let Lit::Str(fmt) = self.lit_depth(m, &b.left, depth + 1)? else {
                    return None;
                };
                let items: &[Expr] = match &*b.right {
                    Expr::Tuple(t) => &t.elts,
                    other => std::slice::from_ref(other),
                };
                let args: Vec<Lit> = (items.iter())
                    .map(|a| self.lit_depth(m, a, depth + 1))
                    .collect::<Option<_>>()?;
                percent_format(&fmt, &args).map(Lit::Str)
            }
            // `"ALTER TABLE {}.{}".format(schema, table)`: `{}`, `{0}` and `{name}` fields.
            Expr::Call(c) if matches!(&*c.func, Expr::Attribute(a) if a.attr.as_str() == "format") =>
            {
                let Expr::Attribute(a) = &*c.func else {
                    return None;
                };
                let Lit::Str(fmt) = self.lit_depth(m, &a.value, depth + 1)? else {
                    return None;
                };
                let args: Vec<Lit> = (c.arguments.args.iter())
                    .map(|a| self.lit_depth(m, a, depth + 1))
                    .collect::<Option<_>>()?;
                let named: Vec<(&str, Lit)> = (c.arguments.keywords.iter())
                    .map(|k| {
                        Some((
                            k.arg.as_ref()?.as_str(),
                            self.lit_depth(m, &k.value, depth + 1)?,
                        ))
                    })
                    .collect::<Option<_>>()?;
                brace_format(&fmt, &args, &named).map(Lit::Str)
            }
            // Integer arithmetic of constants (`NAME_LEN * 2`, `MAX // 4`), as Python computes it.
            Expr::BinOp(b)
                if matches!(
                    b.op,
                    ast::Operator::Sub
                        | ast::Operator::Mult
                        | ast::Operator::FloorDiv
                        | ast::Operator::Pow
                ) =>
            {
                let (Lit::Int(a), Lit::Int(c)) = (
                    self.lit_depth(m, &b.left, depth + 1)?,
                    self.lit_depth(m, &b.right, depth + 1)?,
                ) else {
                    return None;
                };
                let v = match b.op {
                    ast::Operator::Sub => a.checked_sub(c)?,
                    ast::Operator::Mult => a.checked_mul(c)?,
                    ast::Operator::Pow => a.checked_pow(u32::try_from(c).ok()?)?,
                    // Python's `//` rounds toward negative infinity.
                    _ => {
                        if c == 0 {
                            return None;
                        }
                        let q = a.checked_div(c)?;
                        if (a % c != 0) && ((a < 0) != (c < 0)) {
                            q - 1
                        } else {
                            q
                        }
                    }
                };
                Some(Lit::Int(v))
            }
            // `Status.DRAFT.value`: the value an enum's member is assigned.
            Expr::Attribute(a)
                if a.attr.as_str() == "value" && matches!(&*a.value, Expr::Attribute(_)) =>
            {
                match self.r.expr(m, &a.value) {
                    Sym::Value(mm, v) => self.lit_depth(mm, v, depth + 1),
                    _ => None,
                }
            }
            Expr::Name(_) | Expr::Attribute(_) => match self.r.expr(m, e) {
                Sym::Value(mm, v) => self.lit_depth(mm, v, depth + 1),
                _ => None,
            },
            // `custom_name or default_name(...)`: Python's value of `or` / `and`.
            Expr::BoolOp(b) => {
                let mut last = None;
                for v in b.values.iter() {
                    let lit = self.lit_depth(m, v, depth + 1)?;
                    let truthy = lit.truthy();
                    let decides = match b.op {
                        ast::BoolOp::Or => truthy,
                        ast::BoolOp::And => !truthy,
                    };
                    if decides {
                        return Some(lit);
                    }
                    last = Some(lit);
                }
                last
            }
            // `"_".join(column_names)`: of a literal list of strings.
            Expr::Call(c)
                if c.arguments.args.len() == 1
                    && c.arguments.keywords.is_empty()
                    && matches!(&*c.func, Expr::Attribute(a) if a.attr.as_str() == "join") =>
            {
                let Expr::Attribute(a) = &*c.func else {
                    return None;
                };
                let Lit::Str(sep) = self.lit_depth(m, &a.value, depth + 1)? else {
                    return None;
                };
                let (lm, list) = self.value_of(m, &c.arguments.args[0], depth + 1)?;
                let (Expr::List(ast::ExprList { elts, .. })
                | Expr::Tuple(ast::ExprTuple { elts, .. })) = list
                else {
                    return None;
                };
                let parts: Option<Vec<String>> = elts
                    .iter()
                    .map(|e| match self.lit_depth(lm, e, depth + 1)? {
                        Lit::Str(s) => Some(s),
                        _ => None,
                    })
                    .collect();
                Some(Lit::Str(parts?.join(&sep)))
            }
            // `name if name else default`: the branch a literal test takes.
            Expr::If(i) => {
                let test = self.lit_depth(m, &i.test, depth + 1)?.truthy();
                self.lit_depth(m, if test { &i.body } else { &i.orelse }, depth + 1)
            }
            // `textwrap.dedent("""...""")`: of a literal.
            Expr::Call(c)
                if c.arguments.args.len() == 1
                    && c.arguments.keywords.is_empty()
                    && self.r.ext_name(m, &c.func).as_deref() == Some("textwrap.dedent") =>
            {
                match self.lit_depth(m, &c.arguments.args[0], depth + 1)? {
                    Lit::Str(text) => Some(Lit::Str(dedent(&text))),
                    _ => None,
                }
            }
            // `column.replace("_", ".")`, `name.lower()`: a string's method, of literals.
            Expr::Call(c)
                if c.arguments.keywords.is_empty()
                    && matches!(&*c.func, Expr::Attribute(a) if STR_METHODS.contains(&a.attr.as_str())) =>
            {
                let Expr::Attribute(a) = &*c.func else {
                    return None;
                };
                let Lit::Str(inner) = self.lit_depth(m, &a.value, depth + 1)? else {
                    return None;
                };
                let args: Vec<String> = (c.arguments.args.iter())
                    .map(|x| match self.lit_depth(m, x, depth + 1)? {
                        Lit::Str(s) => Some(s),
                        _ => None,
                    })
                    .collect::<Option<_>>()?;
                str_method(&inner, a.attr.as_str(), &args).map(Lit::Str)
            }
            // A helper that computes a name (`def fk_name(source, target): return
            // f"fk_{source}_{target}"`), called with literal arguments.
            Expr::Call(c) => {
                (self.r).through_helper(m, c, |fm, ret| self.lit_depth(fm, ret, depth + 1))
            }
            // `f"ix_{table}_{columns}"[:64]`: a slice of a string (by characters, as Python).
            Expr::Subscript(sub) if matches!(&*sub.slice, Expr::Slice(_)) => {
                let Expr::Slice(sl) = &*sub.slice else {
                    return None;
                };
                let Lit::Str(text) = self.lit_depth(m, &sub.value, depth + 1)? else {
                    return None;
                };
                self.slice_str(m, &text, sl, depth).map(Lit::Str)
            }
            // `fk["table"]`, `pair[0]`: an item of a literal dict, list or tuple.
            Expr::Subscript(_) => {
                let (im, item) = self.value_of(m, e, depth + 1)?;
                self.lit_depth(im, item, depth + 1)
            }
            _ => None,
        }
    }

    /// Positional arguments with each `*seq` spread into its items when `seq` is a literal
    /// list or tuple (or a name for one), each with its module; a `*args` that cannot be
    /// read stays as written (its reader warns).
    pub(crate) fn spread_args(
        &self,
        m: usize,
        args: impl IntoIterator<Item = &'a Expr>,
    ) -> Vec<(usize, &'a Expr)> {
        let mut out = Vec::new();
        for a in args {
            let Expr::Starred(st) = a else {
                out.push((m, a));
                continue;
            };
            // A helper's own `*args`, spread on (`op.create_table(name, *columns)`).
            if let Some(args) = self.r.star_args(m, &st.value) {
                out.extend(args);
                continue;
            }
            match self.value_of(m, &st.value, 0) {
                Some((lm, Expr::List(ast::ExprList { elts, .. })))
                | Some((lm, Expr::Tuple(ast::ExprTuple { elts, .. }))) => {
                    out.extend(elts.iter().map(|e| (lm, e)))
                }
                _ => out.push((m, a)),
            }
        }
        out
    }

    /// The expression `e` stands for: a name's or attribute's value, an item of a literal
    /// dict, list or tuple (`fk["table"]`, `INDEXES[0]["columns"][1]`), or `e` itself.
    pub(crate) fn value_of(
        &self,
        m: usize,
        e: &'a Expr,
        depth: usize,
    ) -> Option<(usize, &'a Expr)> {
        if depth > 16 {
            return None;
        }
        match e {
            // `{"ondelete": ondelete} if ondelete else {}`: the branch a literal test takes.
            Expr::If(i) => {
                let test = self.lit_depth(m, &i.test, depth + 1)?.truthy();
                self.value_of(m, if test { &i.body } else { &i.orelse }, depth + 1)
            }
            Expr::Name(_) | Expr::Attribute(_) => match self.r.expr(m, e) {
                Sym::Value(vm, v) => self.value_of(vm, v, depth + 1),
                _ => Some((m, e)),
            },
            Expr::Subscript(sub) => {
                let key = self.lit_depth(m, &sub.slice, depth + 1)?;
                // `args[0]` of a helper's `*args`: the call's argument.
                if let (Some(args), Lit::Int(i)) = (self.r.star_args(m, &sub.value), &key) {
                    let at = usize::try_from(*i).ok()?;
                    let (am, a) = *args.get(at)?;
                    return self.value_of(am, a, depth + 1);
                }
                let (cm, container) = self.value_of(m, &sub.value, depth + 1)?;
                let item = match (container, key) {
                    (Expr::Dict(d), key) => d.items.iter().rev().find_map(|i| {
                        let k = i.key.as_ref()?;
                        (self.lit_depth(cm, k, depth + 1).as_ref() == Some(&key))
                            .then_some(&i.value)
                    })?,
                    (Expr::List(ast::ExprList { elts, .. }), Lit::Int(i))
                    | (Expr::Tuple(ast::ExprTuple { elts, .. }), Lit::Int(i)) => {
                        let at = if i < 0 {
                            elts.len()
                                .checked_sub(usize::try_from(i.unsigned_abs()).ok()?)?
                        } else {
                            usize::try_from(i).ok()?
                        };
                        elts.get(at)?
                    }
                    _ => return None,
                };
                self.value_of(cm, item, depth + 1)
            }
            _ => Some((m, e)),
        }
    }

    pub(crate) fn lit_str(&self, m: usize, e: &'a Expr) -> Option<String> {
        match self.lit(m, e)? {
            Lit::Str(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn lit_bool(&self, m: usize, e: &'a Expr) -> Option<bool> {
        match self.lit(m, e)? {
            Lit::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub(crate) fn lit_uint(&self, m: usize, e: &'a Expr) -> Option<u64> {
        match self.lit(m, e)? {
            Lit::Int(i) => u64::try_from(i).ok(),
            _ => None,
        }
    }

    /// The canonical library name of a call's callee (`sa.Column`, `sqlmodel.Field`).
    pub(crate) fn callee(&self, m: usize, e: &'a Expr) -> Option<(String, &'a ast::ExprCall)> {
        let Expr::Call(c) = e else { return None };
        let name = self.r.ext_name(m, &c.func)?;
        Some((name, c))
    }

    /// A call of a local helper function whose body is one `return <expr>` (`def
    /// created_at_field(): return Field(...)`): the returned expression and its module.
    /// The arguments passed are bound to the function's parameters (defaults for the others).
    pub(crate) fn inline_helper(&mut self, m: usize, e: &'a Expr) -> Option<(usize, &'a Expr)> {
        let mut cur = (m, e);
        for _ in 0..4 {
            let Expr::Call(c) = cur.1 else { break };
            let Sym::Function(fm, f) = self.r.expr(cur.0, &c.func) else {
                break;
            };
            let Some((assigns, ret)) = helper_body(f) else {
                let name = f.name.to_string();
                self.warn(cur.0, cur.1, format!("`{name}(...)` builds this column with more than local names and a `return`: it is not read; the column is not compared"));
                return None;
            };
            if !self.r.bind_call(cur.0, c, fm, f) {
                let name = f.name.to_string();
                self.warn(cur.0, cur.1, format!("`{name}(...)`: some arguments of this call (`*args`, `**kwargs`, or not in the function's parameters) are not read; options that depend on them are not read"));
            }
            self.r.bind_locals(fm, f, &assigns);
            cur = (fm, ret);
        }
        Some(cur)
    }

    /// A call, following a module-level value bound to one (`Str50 = String(50)`): its module.
    fn call_through(&self, m: usize, e: &'a Expr) -> Option<(usize, &'a Expr)> {
        match e {
            Expr::Call(c) => match self.r.expr(m, &c.func) {
                Sym::Function(fm, f) => {
                    // Unbindable arguments are left unread (their names stay unresolved).
                    let _ = self.r.bind_call(m, c, fm, f);
                    let (assigns, ret) = helper_body(f)?;
                    self.r.bind_locals(fm, f, &assigns);
                    self.call_through(fm, ret)
                }
                _ => Some((m, e)),
            },
            Expr::Name(_) | Expr::Attribute(_) => match self.r.expr(m, e) {
                Sym::Value(mm, v) => self.call_through(mm, v),
                _ => None,
            },
            _ => None,
        }
    }

    // ---------------------------------------------------------------------------------------
    // Classes
    // ---------------------------------------------------------------------------------------

    pub(crate) fn class(&self, id: &ClassId) -> Option<&'a ast::StmtClassDef> {
        self.mods.class(id)
    }

    /// Local classes of the MRO (the class first) and the library bases met on the way.
    pub(crate) fn mro(&self, id: &ClassId) -> (Vec<ClassId>, Vec<String>, Vec<(usize, &'a Expr)>) {
        let mut order = Vec::new();
        let mut ext = Vec::new();
        let mut unknown = Vec::new();
        self.mro_walk(id, &mut order, &mut ext, &mut unknown, 0);
        // Python's MRO keeps a class after all its subclasses: keep each one's last position.
        let mut seen = Vec::new();
        for c in order.iter().rev() {
            if !seen.contains(c) {
                seen.push(c.clone());
            }
        }
        seen.reverse();
        (seen, ext, unknown)
    }

    fn mro_walk(
        &self,
        id: &ClassId,
        order: &mut Vec<ClassId>,
        ext: &mut Vec<String>,
        unknown: &mut Vec<(usize, &'a Expr)>,
        depth: usize,
    ) {
        if depth > 32 {
            return;
        }
        order.push(id.clone());
        let Some(c) = self.class(id) else { return };
        let Some(args) = &c.arguments else { return };
        for b in args.args.iter() {
            match self.base_sym(id.module, b) {
                BaseSym::Class(cid) => self.mro_walk(&cid, order, ext, unknown, depth + 1),
                BaseSym::Ext(x) => ext.push(x),
                // `declarative_base(cls=Mixin)`: the generated base subclasses `Mixin`.
                BaseSym::Generated(x, cls) => {
                    ext.push(x);
                    if let Some((cm, c)) = cls {
                        match self.r.expr(cm, c) {
                            Sym::Class(cid) => self.mro_walk(&cid, order, ext, unknown, depth + 1),
                            _ => unknown.push((cm, c)),
                        }
                    }
                }
                BaseSym::Unknown => unknown.push((id.module, b)),
            }
        }
    }

    fn base_sym(&self, m: usize, b: &'a Expr) -> BaseSym<'a> {
        // `Generic[T]`, `Base[Any]`: the subscripted class.
        let b = match b {
            Expr::Subscript(s) => &*s.value,
            _ => b,
        };
        match self.r.expr(m, b) {
            Sym::Class(c) => BaseSym::Class(c),
            // `db.Model` of `db = SQLAlchemy(model_class=Base)` (Flask-SQLAlchemy 3.1's way to
            // typed models): Flask-SQLAlchemy's model over `Base` (its metadata, type map).
            Sym::Ext(x) if x == FLASK_MODEL => {
                let model_class = self
                    .flask_db(m, b)
                    .and_then(|(dm, c)| Some((dm, kwarg(c, "model_class")?)));
                BaseSym::Generated(x, model_class)
            }
            Sym::Ext(x) => BaseSym::Ext(x),
            Sym::Value(mm, v) => match self.callee(mm, v) {
                Some((name, c)) if name.ends_with("declarative_base") => BaseSym::Generated(
                    "sa.declarative_base()".into(),
                    kwarg(c, "cls").map(|k| (mm, k)),
                ),
                // `Base = mapper_registry.generate_base()`
                _ if matches!(v, Expr::Call(c) if matches!(&*c.func, Expr::Attribute(a) if a.attr.as_str() == "generate_base")) =>
                {
                    let cls = match v {
                        Expr::Call(c) => kwarg(c, "cls").map(|k| (mm, k)),
                        _ => None,
                    };
                    BaseSym::Generated("sa.declarative_base()".into(), cls)
                }
                _ => match self.r.ext_name(mm, v) {
                    Some(x) => BaseSym::Ext(x),
                    None => BaseSym::Unknown,
                },
            },
            _ => BaseSym::Unknown,
        }
    }

    fn flavor(&self, ext: &[String], mro: &[ClassId]) -> Flavor {
        if ext.iter().any(|x| x == "sqlmodel.SQLModel") {
            return Flavor::SqlModel;
        }
        let declarative = ext.iter().any(|x| {
            matches!(
                x.as_str(),
                "sa.DeclarativeBase"
                    | "sa.DeclarativeBaseNoMeta"
                    | "sa.declarative_base()"
                    | FLASK_MODEL
            )
        }) || mro.iter().any(|c| self.is_as_declarative(c));
        if declarative {
            Flavor::Declarative
        } else {
            Flavor::Plain
        }
    }

    fn is_as_declarative(&self, id: &ClassId) -> bool {
        self.class(id).is_some_and(|c| {
            c.decorator_list.iter().any(|d| {
                let e = match &d.expression {
                    Expr::Call(c) => &*c.func,
                    e => e,
                };
                self.r
                    .ext_name(id.module, e)
                    .is_some_and(|n| n.ends_with("as_declarative"))
            })
        })
    }

    /// Whether a class is an `enum.Enum` subclass: its member names.
    pub fn enum_members(&self, id: &ClassId) -> Option<Vec<String>> {
        let (mro, ext, _) = self.mro(id);
        let is_enum = ext.iter().any(|x| {
            matches!(
                x.as_str(),
                "enum.Enum" | "enum.IntEnum" | "enum.StrEnum" | "enum.Flag" | "enum.IntFlag"
            )
        });
        if !is_enum {
            return None;
        }
        let mut names = Vec::new();
        // Members come from the class itself (an enum with members cannot be subclassed).
        let c = self.class(&mro[0])?;
        for s in c.body.iter() {
            let targets: Vec<&Expr> = match s {
                Stmt::Assign(a) => a.targets.iter().collect(),
                Stmt::AnnAssign(a) if a.value.is_some() => vec![&*a.target],
                _ => continue,
            };
            for t in targets {
                if let Expr::Name(n) = t {
                    let n = n.id.as_str();
                    if !n.starts_with('_') {
                        names.push(n.to_string());
                    }
                }
            }
        }
        Some(names)
    }

    /// The values of an enum's members when all are string literals (`a = "x"`), in order.
    pub fn enum_values(&self, id: &ClassId) -> Option<Vec<String>> {
        self.enum_members(id)?;
        let c = self.class(id)?;
        let mut values = Vec::new();
        for s in c.body.iter() {
            let (targets, value): (Vec<&Expr>, &'a Expr) = match s {
                Stmt::Assign(a) => (a.targets.iter().collect(), &*a.value),
                Stmt::AnnAssign(a) => match a.value.as_deref() {
                    Some(v) => (vec![&*a.target], v),
                    None => continue,
                },
                _ => continue,
            };
            for t in targets {
                if let Expr::Name(n) = t {
                    if !n.id.as_str().starts_with('_') {
                        match self.lit(id.module, value) {
                            Some(Lit::Str(v)) => values.push(v),
                            _ => return None,
                        }
                    }
                }
            }
        }
        Some(values)
    }

    /// A class-body assignment of `attr` along the MRO: its module and value.
    fn class_attr(&self, mro: &[ClassId], attr: &str) -> Option<(usize, &'a Stmt)> {
        for id in mro {
            let c = self.class(id)?;
            // The last binding in the body wins (`@overload` stubs come before the `def`).
            for s in c.body.iter().rev() {
                match s {
                    Stmt::Assign(a)
                        if a.targets
                            .iter()
                            .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == attr)) =>
                    {
                        return Some((id.module, s));
                    }
                    Stmt::AnnAssign(a)
                        if matches!(&*a.target, Expr::Name(n) if n.id.as_str() == attr)
                            && a.value.is_some() =>
                    {
                        return Some((id.module, s));
                    }
                    Stmt::FunctionDef(f) if f.name.as_str() == attr => return Some((id.module, s)),
                    _ => {}
                }
            }
        }
        None
    }

    fn read_class(&mut self, id: ClassId) {
        let Some(c) = self.class(&id) else { return };
        let (mro, ext, unknown) = self.mro(&id);
        let flavor = self.flavor(&ext, &mro);
        let table_kw = c
            .arguments
            .as_ref()
            .and_then(|a| {
                a.keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|n| n.as_str() == "table"))
            })
            .and_then(|k| self.lit_bool(id.module, &k.value))
            .unwrap_or(false);
        let is_table = match flavor {
            Flavor::SqlModel => table_kw,
            Flavor::Declarative => self.declarative_mapped(&id, &mro, &ext),
            Flavor::Plain => {
                if table_kw
                    || self
                        .class_attr(std::slice::from_ref(&id), "__tablename__")
                        .is_some()
                    || declares_columns(&c.body)
                {
                    // A model whose base could not be followed.
                    if let Some((mm, b)) = unknown.first() {
                        let what = match self.r.expr(*mm, b) {
                            Sym::Unknown {
                                what,
                                missing_module: true,
                            } => {
                                format!("`{what}` comes from a module that was not found (give its folder with --python-path)")
                            }
                            // `db.Model` of a `db` an application's function makes: both names.
                            Sym::Unknown { what, .. } => {
                                let text =
                                    self.r.mods.modules[*mm].text.get(b.range().to_std_range());
                                match text.filter(|t| *t != what.as_str()) {
                                    Some(text) => format!("`{text}` cannot be followed (`{what}` is not defined in the files read)"),
                                    None => format!("`{what}` is not defined in the files read"),
                                }
                            }
                            _ => "it is not a class schemashift can follow".into(),
                        };
                        let name = c.name.to_string();
                        self.warn(
                            *mm,
                            *b,
                            format!("class `{name}` looks like a model but its base {what}; its table is not compared"),
                        );
                    } else if let Some(lib) = ext.iter().find(|x| {
                        !x.starts_with("builtins.")
                            && !x.starts_with("typing.")
                            && !x.starts_with("abc.")
                    }) {
                        // A library's class that is no model base schemashift knows
                        // (`flask_sqlalchemy.model.Model`, the type checker's view of
                        // `db.Model`).
                        let (name, lib) = (c.name.to_string(), lib.clone());
                        let at = c.arguments.as_deref().and_then(|a| a.args.first());
                        match at {
                            Some(b) => self.warn(id.module, b, format!("class `{name}` looks like a model but its base `{lib}` is not a model base schemashift knows; its table is not compared")),
                            None => self.warn(id.module, &c.name, format!("class `{name}` looks like a model but its base `{lib}` is not a model base schemashift knows; its table is not compared")),
                        }
                    }
                }
                false
            }
        };
        if !is_table {
            // A plain class's body runs too: `metadata = sa.MetaData()` and `users =
            // sa.Table("users", metadata, ...)` as class attributes (buildbot's Model).
            if matches!(flavor, Flavor::Plain) {
                let mut path = id.path.clone();
                path.push(0);
                self.read_body(id.module, &c.body, &path);
            }
            return;
        }
        if self.class_attr(&mro, "__table__").is_some()
            && self.class_attr(&mro, "__tablename__").is_none()
        {
            let name = c.name.to_string();
            self.warn(id.module, &c.name, format!("class `{name}` maps `__table__`: not read; its table is not compared (declare it with Table(...) at module level)"));
            return;
        }
        let m = id.module;
        let class_at = self.origin(m, &c.name);
        // Inheritance from a mapped class: the parent's columns (and those of its bases) stay
        // in the parent's table. Without a `__tablename__` of its own (the parent's string is
        // inherited), the class maps single-table inheritance: its columns join that table.
        let mut own_mro = mro.clone();
        let mut single_table = false;
        // Flask-SQLAlchemy names no table for a single-table subclass: it is its parent's.
        let mut flask_parent = None;
        if flavor == Flavor::Declarative {
            if let Some(parent) = self.mapped_parent(&mro) {
                let (pmro, _, _) = self.mro(&parent);
                let defined_in = mro.iter().find(|cid| {
                    self.class_attr(std::slice::from_ref(*cid), "__tablename__")
                        .is_some()
                });
                let flask = ext.iter().any(|x| x == FLASK_MODEL);
                single_table = match defined_in {
                    // Flask-SQLAlchemy: a subclass with a primary key of its own has a table
                    // of its own (joined), one without shares its parent's.
                    _ if flask => {
                        let single = !own_mro_declares_pk(self, &mro, &pmro);
                        if single && !matches!(defined_in, Some(cid) if *cid == id) {
                            flask_parent = Some((parent.clone(), pmro.clone()));
                        }
                        single
                    }
                    Some(cid) => {
                        pmro.contains(cid)
                            && !matches!(
                                self.class_attr(std::slice::from_ref(cid), "__tablename__"),
                                Some((_, Stmt::FunctionDef(_)))
                            )
                    }
                    None => true,
                };
                own_mro.retain(|cid| !pmro.contains(cid));
            }
        }
        let name = match &flask_parent {
            Some((parent, pmro)) => self.table_name(parent, pmro, false),
            None => self.table_name(&id, &mro, flavor == Flavor::SqlModel),
        };
        let Some(name) = name else {
            let cname = c.name.to_string();
            self.warn(
                m,
                &c.name,
                format!("the table name of class `{cname}` cannot be decided statically (a computed `__tablename__`); it is not compared: write `__tablename__ = \"name\"`"),
            );
            return;
        };
        let naming = self.naming_for(&mro, flavor == Flavor::SqlModel);
        let mut table = TableDef {
            name,
            schema: None,
            columns: Vec::new(),
            constraints: Vec::new(),
            indexes: Vec::new(),
            comment: None,
            sqlite_autoincrement: false,
            options: Vec::new(),
            naming,
            at: class_at,
            renamed_from: self.renamed_from(m, class_at.start),
            uncompared: Vec::new(),
        };
        self.current_mro = mro.clone();
        self.uncompared.clear();
        match flavor {
            Flavor::SqlModel => self.sqlmodel_fields(&mro, &mut table),
            Flavor::Declarative | Flavor::Plain => self.declarative_fields(&own_mro, &mut table),
        }
        table.uncompared = std::mem::take(&mut self.uncompared);
        if single_table {
            self.single_table.push(table);
            return;
        }
        if let Some((mm, s)) = self.class_attr(&own_mro, "__table_args__") {
            match s {
                Stmt::Assign(a) => self.table_args(mm, &a.value, &mut table),
                Stmt::AnnAssign(a) => {
                    if let Some(v) = &a.value {
                        self.table_args(mm, v, &mut table)
                    }
                }
                Stmt::FunctionDef(f) => {
                    match single_return(f) {
                        Some(v) => self.table_args(mm, v, &mut table),
                        None => self.warn(mm, &f.name, "`__table_args__` computed by a function that does more than `return (...)`: not read; its constraints and indexes are not compared".into()),
                    }
                }
                _ => {}
            }
        }
        self.tables.push(table);
    }

    /// Whether a class under a declarative base is mapped (has a table, its own or, under
    /// single-table inheritance, its parent's).
    fn declarative_mapped(&self, id: &ClassId, mro: &[ClassId], ext: &[String]) -> bool {
        let Some(c) = self.class(id) else {
            return false;
        };
        let own_abstract = c.body.iter().any(|s| match s {
            Stmt::Assign(a) => {
                a.targets
                    .iter()
                    .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == "__abstract__"))
                    && self.lit_bool(id.module, &a.value) == Some(true)
            }
            _ => false,
        });
        let is_base = ext.iter().any(|x| {
            matches!(
                x.as_str(),
                "sa.DeclarativeBase" | "sa.DeclarativeBaseNoMeta"
            )
        }) && c.arguments.as_ref().is_some_and(|a| {
            a.args.iter().any(|b| {
                matches!(
                    self.r.ext_name(id.module, b).as_deref(),
                    Some("sa.DeclarativeBase" | "sa.DeclarativeBaseNoMeta")
                )
            })
        });
        // Flask-SQLAlchemy names the table of a model with a primary key itself.
        let flask = ext.iter().any(|x| x == FLASK_MODEL);
        !own_abstract
            && !is_base
            && !self.is_as_declarative(id)
            && (self.class_attr(mro, "__tablename__").is_some()
                || self.class_attr(mro, "__table__").is_some()
                || (flask && mro.iter().any(|c| self.declares_primary_key(c))))
    }

    /// Whether a class body declares a primary-key column (`id = db.Column(..,
    /// primary_key=True)`, `id: Mapped[int] = mapped_column(primary_key=True)`).
    fn declares_primary_key(&self, id: &ClassId) -> bool {
        let Some(c) = self.class(id) else {
            return false;
        };
        c.body.iter().any(|s| {
            let value = match s {
                Stmt::Assign(a) => Some(&*a.value),
                Stmt::AnnAssign(a) => a.value.as_deref(),
                _ => None,
            };
            matches!(value, Some(Expr::Call(call))
                if kwarg(call, "primary_key").and_then(|k| self.lit_bool(id.module, k)) == Some(true))
        })
    }

    /// A Flask-SQLAlchemy model's table name: its own `__tablename__` (or a mixin's), else
    /// the class name in snake case (`UserRole` -> `user_role`), as Flask-SQLAlchemy 3 sets
    /// it. `None` when the class is no Flask-SQLAlchemy model.
    fn flask_table_name(&self, id: &ClassId, mro: &[ClassId]) -> Option<Option<String>> {
        let (_, ext, _) = self.mro(id);
        if !ext.iter().any(|x| x == FLASK_MODEL) {
            return None;
        }
        let cname = self.class(id)?.name.to_string();
        let named = mro.iter().find(|c| {
            self.class_attr(std::slice::from_ref(*c), "__tablename__")
                .is_some()
        });
        let own = named.is_some_and(|c| {
            c == id || {
                let (pmro, pext, _) = self.mro(c);
                !(self.flavor(&pext, &pmro) == Flavor::Declarative
                    && self.declarative_mapped(c, &pmro, &pext))
            }
        });
        if own {
            return Some(self.table_name_written(id, mro, false));
        }
        Some(Some(flask_snake_case(&cname)))
    }

    /// The nearest mapped class among the bases of a declarative class (`mro[0]`): the parent
    /// of an inheritance hierarchy.
    fn mapped_parent(&self, mro: &[ClassId]) -> Option<ClassId> {
        mro.iter().skip(1).find_map(|cid| {
            let (pmro, pext, _) = self.mro(cid);
            (self.flavor(&pext, &pmro) == Flavor::Declarative
                && self.declarative_mapped(cid, &pmro, &pext))
            .then(|| cid.clone())
        })
    }

    fn renamed_from(&self, m: usize, offset: usize) -> Option<String> {
        let d = self.mods.modules[m].directive(offset)?;
        let rest = d
            .strip_prefix("renamed")?
            .trim_start()
            .strip_prefix("from")?;
        let name: String = rest
            .trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        (!name.is_empty()).then_some(name)
    }

    /// The `# schemashift: type=X` override on the line of `offset`.
    fn type_override(&self, m: usize, offset: usize) -> Option<String> {
        let d = self.mods.modules[m].directive(offset)?;
        let t = d
            .strip_prefix("type")?
            .trim_start()
            .strip_prefix('=')?
            .trim();
        (!t.is_empty()).then(|| t.to_string())
    }

    fn table_name(&self, id: &ClassId, mro: &[ClassId], sqlmodel: bool) -> Option<String> {
        if let Some(flask) = self.flask_table_name(id, mro) {
            return flask;
        }
        self.table_name_written(id, mro, sqlmodel)
    }

    /// The table name a class (or its bases) writes in `__tablename__` (SQLModel's default:
    /// the class name in lower case).
    fn table_name_written(&self, id: &ClassId, mro: &[ClassId], sqlmodel: bool) -> Option<String> {
        let cname = self.class(id)?.name.to_string();
        let cls = NameCtx { name: &cname, mro };
        match self.class_attr(mro, "__tablename__") {
            Some((mm, Stmt::Assign(a))) => self.name_eval(mm, &a.value, cls, &[], 0),
            Some((mm, Stmt::AnnAssign(a))) => self.name_eval(mm, a.value.as_deref()?, cls, &[], 0),
            Some((mm, Stmt::FunctionDef(f))) => self.name_body(mm, &f.body, cls, Vec::new(), 0),
            _ if sqlmodel => Some(cname.to_lowercase()),
            _ => None,
        }
    }

    /// `text[lower:upper]` of a slice whose bounds are integer constants (no step), as Python
    /// takes it.
    fn slice_str(
        &self,
        m: usize,
        text: &str,
        sl: &'a ast::ExprSlice,
        depth: usize,
    ) -> Option<String> {
        let (lower, upper) = self.slice_bounds(m, sl, depth)?;
        py_slice(text, lower, upper)
    }

    /// The `lower` and `upper` of a `[lower:upper]` slice whose bounds are integer constants
    /// (no step): `0` and `None` where they are left out.
    fn slice_bounds(
        &self,
        m: usize,
        sl: &'a ast::ExprSlice,
        depth: usize,
    ) -> Option<(i64, Option<i64>)> {
        if sl.step.is_some() {
            return None;
        }
        let int = |e: &'a Expr| match self.lit_depth(m, e, depth + 1)? {
            Lit::Int(i) => Some(i),
            _ => None,
        };
        let lower = match sl.lower.as_deref() {
            Some(e) => int(e)?,
            None => 0,
        };
        let upper = match sl.upper.as_deref() {
            Some(e) => Some(int(e)?),
            None => None,
        };
        Some((lower, upper))
    }

    /// [`Self::name_eval`] over a function's body: docstrings, `name = <str expr>` lines,
    /// `if`/`elif`/`else` on conditions [`Self::name_test`] decides, and a `return` (a
    /// `declared_attr` `__tablename__`, or a helper it calls).
    fn name_body(
        &self,
        m: usize,
        body: &'a [Stmt],
        cls: NameCtx<'_>,
        mut local: Vec<(String, Local)>,
        depth: usize,
    ) -> Option<String> {
        self.name_block(m, body, cls, &mut local, depth).flatten()
    }

    /// [`Self::name_body`]'s statements: `Some(Some(name))` at a `return`, `Some(None)` when
    /// the block ends without one (its assignments kept in `local`), `None` for a statement
    /// that is not read.
    fn name_block(
        &self,
        m: usize,
        body: &'a [Stmt],
        cls: NameCtx<'_>,
        local: &mut Vec<(String, Local)>,
        depth: usize,
    ) -> Option<Option<String>> {
        if depth > 16 {
            return None;
        }
        for s in body {
            match s {
                Stmt::Expr(x) if matches!(&*x.value, Expr::StringLiteral(_)) => {}
                Stmt::Pass(_) => {}
                Stmt::Assign(a) => {
                    let [Expr::Name(n)] = a.targets.as_slice() else {
                        return None;
                    };
                    let v = match self.name_eval(m, &a.value, cls, local, depth + 1) {
                        Some(v) => Local::Str(v),
                        None => Local::List(self.name_list(m, &a.value, cls, local, depth + 1)?),
                    };
                    local.push((n.id.to_string(), v));
                }
                Stmt::Return(r) => {
                    let v = self.name_eval(m, r.value.as_deref()?, cls, local, depth + 1)?;
                    return Some(Some(v));
                }
                // `if cls.scope.startswith("10"): name = ... else: name = ...`
                Stmt::If(i) => {
                    let mut chosen = None;
                    if self.name_test(m, &i.test, cls, local, depth + 1)? {
                        chosen = Some(&i.body[..]);
                    } else {
                        for clause in i.elif_else_clauses.iter() {
                            let taken = match &clause.test {
                                Some(t) => self.name_test(m, t, cls, local, depth + 1)?,
                                None => true,
                            };
                            if taken {
                                chosen = Some(&clause.body[..]);
                                break;
                            }
                        }
                    }
                    if let Some(block) = chosen {
                        if let Some(name) = self.name_block(m, block, cls, local, depth + 1)? {
                            return Some(Some(name));
                        }
                    }
                }
                _ => return None,
            }
        }
        Some(None)
    }

    /// A table name expression, with `cls.__name__` standing for the class name and
    /// `cls.<attr>` for a string the class (or a base) assigns to `attr` (for `declared_attr`
    /// functions and their `.lower()` idioms), and with the local names of a helper being
    /// evaluated (`env`): string methods (`lower`, `upper`, `replace`, `strip`...), `%` and
    /// `.format()`, slices, `sep.join(...)` over a comprehension of characters or strings,
    /// conditional expressions, `re.sub(pattern, repl, s)`, and calls of helpers made of
    /// `name = <str expr>` lines and a `return` (`camel_to_snake_case(cls.__name__)`, the
    /// common `re.sub` chain).
    fn name_eval(
        &self,
        m: usize,
        e: &'a Expr,
        cls: NameCtx<'_>,
        env: &[(String, Local)],
        depth: usize,
    ) -> Option<String> {
        if depth > 16 {
            return None;
        }
        let eval = |e: &'a Expr| self.name_eval(m, e, cls, env, depth + 1);
        match e {
            Expr::Attribute(a) if a.attr.as_str() == "__name__" => Some(cls.name.to_string()),
            // `cls._gran` of a mixin's `f"ohlcv_{cls._gran}"`, set by each subclass.
            Expr::Attribute(a) if matches!(&*a.value, Expr::Name(n) if matches!(n.id.as_str(), "cls" | "self")) => {
                match self.class_attr(cls.mro, a.attr.as_str())? {
                    (am, Stmt::Assign(s)) => self.name_eval(am, &s.value, cls, &[], depth + 1),
                    (am, Stmt::AnnAssign(s)) => {
                        self.name_eval(am, s.value.as_deref()?, cls, &[], depth + 1)
                    }
                    _ => None,
                }
            }
            Expr::Name(n) if local(env, n.id.as_str()).is_some() => {
                match local(env, n.id.as_str())? {
                    Local::Str(v) => Some(v.clone()),
                    Local::List(_) => None,
                }
            }
            Expr::If(i) => {
                if self.name_test(m, &i.test, cls, env, depth + 1)? {
                    eval(&i.body)
                } else {
                    eval(&i.orelse)
                }
            }
            // `"tbl_%s" % cls.__name__.lower()`.
            Expr::BinOp(b) if b.op == ast::Operator::Mod => {
                let fmt = eval(&b.left)?;
                let items: &[Expr] = match &*b.right {
                    Expr::Tuple(t) => &t.elts,
                    other => std::slice::from_ref(other),
                };
                let args: Vec<Lit> = (items.iter())
                    .map(|x| eval(x).map(Lit::Str))
                    .collect::<Option<_>>()?;
                percent_format(&fmt, &args)
            }
            // `cls.__name__[0].lower() + cls.__name__[1:]`.
            // (Else an item of a literal dict, list or tuple: `NAMES["user"]`.)
            Expr::Subscript(sub) => {
                let sliced = || {
                    let text = eval(&sub.value)?;
                    match &*sub.slice {
                        Expr::Slice(sl) => self.slice_str(m, &text, sl, depth),
                        index => {
                            let Lit::Int(i) = self.lit_depth(m, index, depth + 1)? else {
                                return None;
                            };
                            let upper = if i == -1 { None } else { Some(i + 1) };
                            py_slice(&text, i, upper).filter(|c| !c.is_empty())
                        }
                    }
                };
                sliced()
                    .or_else(|| self.name_index(m, sub, cls, env, depth + 1))
                    .or_else(|| self.lit_str(m, e))
            }
            Expr::Call(c) if c.arguments.keywords.is_empty() => {
                let args: Vec<&'a Expr> = c.arguments.args.iter().collect();
                if let Expr::Attribute(a) = &*c.func {
                    // `"".join("_" + c.lower() if c.isupper() else c for c in cls.__name__)`
                    if let ("join", [items]) = (a.attr.as_str(), args.as_slice()) {
                        let sep = eval(&a.value)?;
                        let parts = self.name_items(m, items, cls, env, depth + 1)?;
                        return Some(parts.join(&sep));
                    }
                    if let Some(inner) = eval(&a.value) {
                        let lits: Option<Vec<String>> = args.iter().map(|x| eval(x)).collect();
                        let lits = lits?;
                        return match (a.attr.as_str(), lits.as_slice()) {
                            ("format", _) => {
                                let args: Vec<Lit> = lits.iter().cloned().map(Lit::Str).collect();
                                brace_format(&inner, &args, &[])
                            }
                            (method, args) => str_method(&inner, method, args),
                        };
                    }
                }
                // `re.sub(pattern, repl, s)`, and `P.sub(repl, s)` of `P = re.compile(pattern)`
                // (prefect's `CAMEL_TO_SNAKE.sub("_", cls.__name__)`).
                let sub = if self.r.ext_name(m, &c.func).as_deref() == Some("re.sub") {
                    match args.as_slice() {
                        [pattern, repl, subject] => Some((eval(pattern), *repl, *subject)),
                        _ => return None,
                    }
                } else {
                    match (&*c.func, args.as_slice()) {
                        (Expr::Attribute(a), [repl, subject]) if a.attr.as_str() == "sub" => {
                            match self.r.expr(m, &a.value) {
                                Sym::Value(vm, Expr::Call(cc))
                                    if cc.arguments.args.len() == 1
                                        && cc.arguments.keywords.is_empty()
                                        && self.r.ext_name(vm, &cc.func).as_deref()
                                            == Some("re.compile") =>
                                {
                                    let pattern = self.name_eval(
                                        vm,
                                        &cc.arguments.args[0],
                                        cls,
                                        &[],
                                        depth + 1,
                                    );
                                    Some((pattern, *repl, *subject))
                                }
                                _ => None,
                            }
                        }
                        _ => None,
                    }
                };
                if let Some((pattern, repl, subject)) = sub {
                    let (pattern, repl, subject) = (pattern?, eval(repl)?, eval(subject)?);
                    return match regex_lite::Regex::new(&pattern) {
                        Ok(re) => {
                            let repl = python_replacement(&repl)?;
                            Some(re.replace_all(&subject, repl.as_str()).into_owned())
                        }
                        // Look-around, which regex-lite has not: a pattern of zero-width
                        // assertions only (`(?<!^)(?=[A-Z])`).
                        Err(_) => zero_width_sub(&pattern, &repl, &subject),
                    };
                }
                // A helper of the application: `def camel_to_snake(name): name = re.sub(...,
                // name); ...; return name.lower()`.
                let Sym::Function(fm, f) = self.r.expr(m, &c.func) else {
                    return None;
                };
                let params: Vec<&str> = (f.parameters.posonlyargs.iter())
                    .chain(f.parameters.args.iter())
                    .map(|p| p.parameter.name.as_str())
                    .collect();
                if params.len() != args.len() {
                    return None;
                }
                let mut local: Vec<(String, Local)> = Vec::new();
                for (p, a) in params.iter().zip(args) {
                    local.push((p.to_string(), Local::Str(eval(a)?)));
                }
                self.name_body(fm, &f.body, cls, local, depth + 1)
            }
            Expr::BinOp(b) if b.op == ast::Operator::Add => Some(eval(&b.left)? + &eval(&b.right)?),
            Expr::FString(f) => {
                let mut out = String::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => out.push_str(&l.value),
                        ast::FStringPart::FString(fs) => {
                            for el in fs.elements.iter() {
                                match el {
                                    ast::InterpolatedStringElement::Literal(l) => {
                                        out.push_str(&l.value)
                                    }
                                    ast::InterpolatedStringElement::Interpolation(i) => {
                                        if i.format_spec.is_some() {
                                            return None;
                                        }
                                        out.push_str(&eval(&i.expression)?);
                                    }
                                }
                            }
                        }
                    }
                }
                Some(out)
            }
            _ => self.lit_str(m, e),
        }
    }

    /// The strings a `join` joins: a list [`Self::name_list`] reads, or a comprehension with
    /// one `for` over such a list or a string's characters (`c for c in cls.__name__ if ...`).
    fn name_items(
        &self,
        m: usize,
        e: &'a Expr,
        cls: NameCtx<'_>,
        env: &[(String, Local)],
        depth: usize,
    ) -> Option<Vec<String>> {
        let eval = |e: &'a Expr| self.name_eval(m, e, cls, env, depth + 1);
        let (elt, generators) = match e {
            Expr::Generator(g) => (&*g.elt, &g.generators),
            Expr::ListComp(g) => (&*g.elt, &g.generators),
            _ => return self.name_list(m, e, cls, env, depth),
        };
        let [gen] = generators.as_slice() else {
            return None;
        };
        let Expr::Name(target) = &gen.target else {
            return None;
        };
        if gen.is_async {
            return None;
        }
        let over: Vec<String> = match self.name_list(m, &gen.iter, cls, env, depth + 1) {
            Some(items) => items,
            None => eval(&gen.iter)?.chars().map(String::from).collect(),
        };
        let mut local = env.to_vec();
        let mut out = Vec::with_capacity(over.len());
        for item in over {
            local.push((target.id.to_string(), Local::Str(item)));
            let keep = (gen.ifs.iter())
                .map(|t| self.name_test(m, t, cls, &local, depth + 1))
                .collect::<Option<Vec<bool>>>()?;
            if keep.iter().all(|k| *k) {
                out.push(self.name_eval(m, elt, cls, &local, depth + 1)?);
            }
            local.pop();
        }
        Some(out)
    }

    /// A list of strings in a table name's computation: a literal list or tuple, a local name
    /// bound to one (`parts = name.split(".")`), `s.split()`,
    /// `s.split(sep[, maxsplit])`, `s.rsplit(sep[, maxsplit])`, `re.findall(pattern, s)` (whole
    /// matches, or the one group's), and a slice of any of them (`parts[1:]`).
    fn name_list(
        &self,
        m: usize,
        e: &'a Expr,
        cls: NameCtx<'_>,
        env: &[(String, Local)],
        depth: usize,
    ) -> Option<Vec<String>> {
        if depth > 16 {
            return None;
        }
        let eval = |e: &'a Expr| self.name_eval(m, e, cls, env, depth + 1);
        match e {
            Expr::List(ast::ExprList { elts, .. }) | Expr::Tuple(ast::ExprTuple { elts, .. }) => {
                elts.iter().map(eval).collect()
            }
            Expr::Name(n) => match local(env, n.id.as_str())? {
                Local::List(items) => Some(items.clone()),
                Local::Str(_) => None,
            },
            Expr::Subscript(sub) => {
                let Expr::Slice(sl) = &*sub.slice else {
                    return None;
                };
                let items = self.name_list(m, &sub.value, cls, env, depth + 1)?;
                let (lower, upper) = self.slice_bounds(m, sl, depth)?;
                let (lo, hi) = py_bounds(items.len(), lower, upper)?;
                Some(items[lo..hi].to_vec())
            }
            Expr::Call(c) if c.arguments.keywords.is_empty() => {
                let args = &c.arguments.args[..];
                if self.r.ext_name(m, &c.func).as_deref() == Some("re.findall") {
                    let [pattern, subject] = args else {
                        return None;
                    };
                    let re = regex_lite::Regex::new(&eval(pattern)?).ok()?;
                    let subject = eval(subject)?;
                    // Python gives the whole match without groups, the group's with one
                    // (tuples with more: not read).
                    return match re.captures_len() {
                        1 => Some(re.find_iter(&subject).map(|x| x.as_str().into()).collect()),
                        2 => Some(
                            (re.captures_iter(&subject))
                                .map(|c| c.get(1).map_or("", |g| g.as_str()).into())
                                .collect(),
                        ),
                        _ => None,
                    };
                }
                let Expr::Attribute(a) = &*c.func else {
                    return None;
                };
                let text = eval(&a.value)?;
                let words = || text.split_whitespace().map(String::from).collect();
                let max = |e: &'a Expr| match self.lit_depth(m, e, depth + 1)? {
                    Lit::Int(i) => usize::try_from(i).ok(),
                    _ => None,
                };
                match (a.attr.as_str(), args) {
                    ("split" | "rsplit", []) => Some(words()),
                    ("split" | "rsplit", [sep]) => {
                        let sep = eval(sep)?;
                        (!sep.is_empty())
                            .then(|| text.split(sep.as_str()).map(String::from).collect())
                    }
                    ("split", [sep, n]) => {
                        let sep = eval(sep)?;
                        let n = max(n)?;
                        (!sep.is_empty())
                            .then(|| text.splitn(n + 1, sep.as_str()).map(String::from).collect())
                    }
                    ("rsplit", [sep, n]) => {
                        let sep = eval(sep)?;
                        let n = max(n)?;
                        let mut parts: Vec<String> = (!sep.is_empty()).then(|| {
                            text.rsplitn(n + 1, sep.as_str())
                                .map(String::from)
                                .collect()
                        })?;
                        parts.reverse();
                        Some(parts)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `items[i]` of a list [`Self::name_list`] reads (negative `i` counts from the end), and
    /// `cls.__module__.split(".")[-1]` (or `rsplit`): the class's module's own name, its
    /// file's stem (the package's name for an `__init__.py`), however the application imports
    /// the package.
    fn name_index(
        &self,
        m: usize,
        sub: &'a ast::ExprSubscript,
        cls: NameCtx<'_>,
        env: &[(String, Local)],
        depth: usize,
    ) -> Option<String> {
        let Lit::Int(i) = self.lit_depth(m, &sub.slice, depth + 1)? else {
            return None;
        };
        if let Expr::Call(c) = &*sub.value {
            if let (Expr::Attribute(a), [sep]) = (&*c.func, &c.arguments.args[..]) {
                let module = matches!(&*a.value, Expr::Attribute(x)
                    if x.attr.as_str() == "__module__"
                        && matches!(&*x.value, Expr::Name(n) if matches!(n.id.as_str(), "cls" | "self")));
                if module
                    && i == -1
                    && matches!(a.attr.as_str(), "split" | "rsplit")
                    && c.arguments.keywords.is_empty()
                    && self.lit_str(m, sep).as_deref() == Some(".")
                {
                    return self.module_stem(cls.mro.first()?.module);
                }
            }
        }
        let items = self.name_list(m, &sub.value, cls, env, depth + 1)?;
        let len = i64::try_from(items.len()).ok()?;
        let at = usize::try_from(if i < 0 { len + i } else { i }).ok()?;
        items.get(at).cloned()
    }

    /// The last part of module `m`'s dotted name: its file's stem, or its package's name for
    /// an `__init__.py`.
    fn module_stem(&self, m: usize) -> Option<String> {
        let path = std::path::Path::new(&self.r.mods.modules.get(m)?.path);
        let stem = path.file_stem()?.to_str()?;
        let stem = match stem {
            "__init__" => path.parent()?.file_name()?.to_str()?,
            _ => stem,
        };
        Some(stem.to_string())
    }

    /// A condition of a table name's computation: `c.isupper()` (`islower`, `isdigit`,
    /// `isalpha`, `isalnum`) of an ASCII string, `startswith`/`endswith`, `==`, `!=`, `in`,
    /// `not in`, `not`, `and`, `or`; `None` for anything else.
    fn name_test(
        &self,
        m: usize,
        e: &'a Expr,
        cls: NameCtx<'_>,
        env: &[(String, Local)],
        depth: usize,
    ) -> Option<bool> {
        if depth > 16 {
            return None;
        }
        let eval = |e: &'a Expr| self.name_eval(m, e, cls, env, depth + 1);
        let test = |e: &'a Expr| self.name_test(m, e, cls, env, depth + 1);
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => test(&u.operand).map(|b| !b),
            Expr::BoolOp(b) => {
                let values: Vec<bool> = b.values.iter().map(test).collect::<Option<_>>()?;
                Some(match b.op {
                    ast::BoolOp::And => values.iter().all(|v| *v),
                    ast::BoolOp::Or => values.iter().any(|v| *v),
                })
            }
            Expr::Compare(c) => {
                let ([op], [right]) = (&*c.ops, &*c.comparators) else {
                    return None;
                };
                let (left, right) = (eval(&c.left)?, eval(right)?);
                match op {
                    ast::CmpOp::Eq => Some(left == right),
                    ast::CmpOp::NotEq => Some(left != right),
                    ast::CmpOp::In => Some(right.contains(left.as_str())),
                    ast::CmpOp::NotIn => Some(!right.contains(left.as_str())),
                    _ => None,
                }
            }
            Expr::Call(c) if c.arguments.keywords.is_empty() => {
                let Expr::Attribute(a) = &*c.func else {
                    return None;
                };
                let s = eval(&a.value)?;
                let args: Vec<String> = c.arguments.args.iter().map(eval).collect::<Option<_>>()?;
                match (a.attr.as_str(), args.as_slice()) {
                    ("startswith", [x]) => Some(s.starts_with(x.as_str())),
                    ("endswith", [x]) => Some(s.ends_with(x.as_str())),
                    (_, [_, ..]) => None,
                    // Python's character classes, for ASCII (`str.isupper` of other text
                    // follows Unicode's casing, which is not decided here).
                    _ if !s.is_ascii() => None,
                    ("isupper", []) => Some(
                        s.bytes().any(|b| b.is_ascii_uppercase())
                            && !s.bytes().any(|b| b.is_ascii_lowercase()),
                    ),
                    ("islower", []) => Some(
                        s.bytes().any(|b| b.is_ascii_lowercase())
                            && !s.bytes().any(|b| b.is_ascii_uppercase()),
                    ),
                    ("isdigit", []) => Some(!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())),
                    ("isalpha", []) => {
                        Some(!s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()))
                    }
                    ("isalnum", []) => {
                        Some(!s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric()))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The naming convention of the metadata a class's table goes to.
    pub(crate) fn naming_for(&self, mro: &[ClassId], sqlmodel: bool) -> BTreeMap<String, String> {
        let own = self.own_naming_for(mro, sqlmodel);
        if own.is_empty() {
            self.global_naming.clone()
        } else {
            own
        }
    }

    fn own_naming_for(&self, mro: &[ClassId], sqlmodel: bool) -> BTreeMap<String, String> {
        let _ = sqlmodel;
        // `metadata = MetaData(naming_convention=...)` in a base's body, or
        // `registry = registry(metadata=MetaData(...))` (SQLAlchemy's `DeclarativeBase`).
        let assigned = |attr| match self.class_attr(mro, attr) {
            Some((mm, Stmt::Assign(a))) => Some((mm, &*a.value)),
            Some((mm, Stmt::AnnAssign(a))) => a.value.as_deref().map(|v| (mm, v)),
            _ => None,
        };
        if let Some((mm, v)) = assigned("metadata") {
            if let Some(n) = self.metadata_naming(mm, v) {
                return n;
            }
        }
        if let Some((mm, Expr::Call(call))) = assigned("registry") {
            if let Some(n) = kwarg(call, "metadata").and_then(|k| self.metadata_naming(mm, k)) {
                return n;
            }
        }
        // `Base = declarative_base(metadata=MetaData(...))`
        for id in mro {
            let Some(c) = self.class(id) else { continue };
            let Some(args) = &c.arguments else { continue };
            for b in args.args.iter() {
                // `db.Model` of `db = SQLAlchemy(metadata=MetaData(...))`
                if let Some(n) = self.flask_db_naming(id.module, b) {
                    return n;
                }
                if let Sym::Value(mm, v) = self.r.expr(id.module, b) {
                    if let Some((_, call)) = self.callee(mm, v) {
                        if let Some(k) = kwarg(call, "metadata") {
                            if let Some(n) = self.metadata_naming(mm, k) {
                                return n;
                            }
                        }
                    }
                }
            }
        }
        BTreeMap::new()
    }

    /// The `SQLAlchemy(...)` call (and its module) of Flask-SQLAlchemy's `db` object behind
    /// `db.Model` / `db.Table` (`e`).
    pub(crate) fn flask_db(&self, m: usize, e: &'a Expr) -> Option<(usize, &'a ast::ExprCall)> {
        let Expr::Attribute(a) = e else { return None };
        let Sym::Value(dm, v) = self.r.expr(m, &a.value) else {
            return None;
        };
        let Expr::Call(call) = v else { return None };
        self.r.makes_flask_db(dm, call).then_some((dm, call))
    }

    /// The naming convention of the metadata given to Flask-SQLAlchemy's `db` object
    /// (`SQLAlchemy(metadata=MetaData(naming_convention=...))`) behind `db.Model` / `db.Table`.
    pub(crate) fn flask_db_naming(
        &self,
        m: usize,
        e: &'a Expr,
    ) -> Option<BTreeMap<String, String>> {
        let (dm, call) = self.flask_db(m, e)?;
        self.metadata_naming(dm, kwarg(call, "metadata")?)
    }

    /// The naming convention of a `MetaData(...)` expression (or a name bound to one).
    fn metadata_naming(&self, m: usize, e: &'a Expr) -> Option<BTreeMap<String, String>> {
        let (mm, call) = self.call_through(m, e)?;
        let (name, call) = self.callee(mm, call)?;
        if !name.ends_with("MetaData") {
            return None;
        }
        let conv = kwarg(call, "naming_convention")?;
        self.naming_dict(mm, conv)
    }

    /// A naming-convention dict (or a name bound to one).
    pub(crate) fn naming_dict(
        &self,
        mm: usize,
        conv: &'a Expr,
    ) -> Option<BTreeMap<String, String>> {
        let conv = match conv {
            Expr::Dict(_) => conv,
            _ => match self.r.expr(mm, conv) {
                Sym::Value(_, v) => v,
                _ => return None,
            },
        };
        let Expr::Dict(d) = conv else { return None };
        let mut out = BTreeMap::new();
        for item in d.items.iter() {
            let key = item.key.as_ref()?;
            let k = match self.lit_str(mm, key) {
                Some(k) => k,
                None => {
                    // Keys may be the classes: `UniqueConstraint: "uq_..."`.
                    let n = self.r.ext_name(mm, key)?;
                    match n.as_str() {
                        "sa.UniqueConstraint" => "uq".into(),
                        "sa.CheckConstraint" => "ck".into(),
                        "sa.ForeignKeyConstraint" => "fk".into(),
                        "sa.PrimaryKeyConstraint" => "pk".into(),
                        "sa.Index" => "ix".into(),
                        _ => return None,
                    }
                }
            };
            let v = self.lit_str(mm, &item.value)?;
            out.insert(k, v);
        }
        Some(out)
    }
}

enum BaseSym<'a> {
    Class(ClassId),
    Ext(String),
    /// A base made by a call (`declarative_base(cls=X)`): the library base and the `cls=`.
    Generated(String, Option<(usize, &'a Expr)>),
    Unknown,
}

pub struct Unwrapped<'a> {
    pub module: usize,
    pub ty: &'a Expr,
    pub optional: bool,
    pub fields: Vec<(usize, &'a Expr)>,
    pub mapped: bool,
    /// The first `Annotated[...]` alias met by name (see [`Reader::alias_key`]).
    pub alias: Option<String>,
}

/// A keyword argument of a call.
pub fn kwarg<'e>(call: &'e ast::ExprCall, key: &str) -> Option<&'e Expr> {
    call.arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == key))
        .map(|k| &k.value)
}

/// Argument `pos` of a call, or its keyword `key` (Python takes a parameter either way).
pub fn arg<'e>(call: &'e ast::ExprCall, pos: usize, key: &str) -> Option<&'e Expr> {
    call.arguments.args.get(pos).or_else(|| kwarg(call, key))
}

/// Python's `re.sub(pattern, repl, s)` for a pattern made only of zero-width look-around
/// assertions on single characters: `(?<!^)(?=[A-Z])` (before each capital but the first),
/// `(?<=[a-z])(?=[A-Z])`. `repl` is inserted at each position where all of them hold; it
/// must be literal (no group references). `None` for any other pattern.
fn zero_width_sub(pattern: &str, repl: &str, subject: &str) -> Option<String> {
    // (behind, negated, atom): an atom of `None` is `^`, the start.
    let mut tests: Vec<(bool, bool, Option<regex_lite::Regex>)> = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        let (behind, negated, after) = if let Some(r) = rest.strip_prefix("(?<!") {
            (true, true, r)
        } else if let Some(r) = rest.strip_prefix("(?<=") {
            (true, false, r)
        } else if let Some(r) = rest.strip_prefix("(?!") {
            (false, true, r)
        } else if let Some(r) = rest.strip_prefix("(?=") {
            (false, false, r)
        } else {
            return None;
        };
        let end = after.find(')')?;
        let atom = &after[..end];
        rest = &after[end + 1..];
        if atom == "^" && behind {
            tests.push((behind, negated, None));
            continue;
        }
        // One character: a class without nested brackets, an escape or a plain character.
        let single = (atom.starts_with('[')
            && atom.ends_with(']')
            && atom.len() > 2
            && !atom[1..atom.len() - 1].contains(['[', ']']))
            || (atom.starts_with('\\') && atom.chars().count() == 2)
            || (atom.chars().count() == 1 && !"^$.()|*+?{}".contains(atom));
        if !single {
            return None;
        }
        tests.push((
            behind,
            negated,
            Some(regex_lite::Regex::new(&format!("^{atom}$")).ok()?),
        ));
    }
    if tests.is_empty() || repl.contains('\\') {
        return None;
    }
    let chars: Vec<(usize, char)> = subject.char_indices().collect();
    let mut out = String::with_capacity(subject.len() + 8);
    for i in 0..=chars.len() {
        let holds = tests.iter().all(|(behind, negated, atom)| {
            let hit = match atom {
                None => i == 0,
                Some(re) => {
                    let c = if *behind {
                        i.checked_sub(1).map(|j| chars[j].1)
                    } else {
                        chars.get(i).map(|x| x.1)
                    };
                    c.is_some_and(|c| re.is_match(c.encode_utf8(&mut [0; 4])))
                }
            };
            hit != *negated
        });
        if holds {
            out.push_str(repl);
        }
        if let Some((_, c)) = chars.get(i) {
            out.push(*c);
        }
    }
    Some(out)
}

/// A Python `re.sub` replacement (`\1_\2`, `\g<1>`) as the regex crate writes it
/// (`${1}_${2}`); `None` for escapes it does not map.
fn python_replacement(repl: &str) -> Option<String> {
    let mut out = String::with_capacity(repl.len() + 8);
    let mut chars = repl.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' => out.push_str("$$"),
            '\\' => match chars.next()? {
                d if d.is_ascii_digit() => {
                    let mut n = d.to_string();
                    if let Some(&d2) = chars.peek() {
                        if d2.is_ascii_digit() {
                            n.push(d2);
                            chars.next();
                        }
                    }
                    out.push_str(&format!("${{{n}}}"));
                }
                'g' => {
                    if chars.next()? != '<' {
                        return None;
                    }
                    let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
                    out.push_str(&format!("${{{name}}}"));
                }
                '\\' => out.push('\\'),
                'n' => out.push('\n'),
                't' => out.push('\t'),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(out)
}

/// Flask-SQLAlchemy's declarative base (`db.Model`), as the resolver names it.
const FLASK_MODEL: &str = "flask_sqlalchemy.Model";

/// Flask-SQLAlchemy 3's `camel_to_snake_case`: `_` before a capital that follows a lower-case
/// letter or digit, or that starts a capitalised word (`HTTPRequest` -> `http_request`).
fn flask_snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase() || prev.is_ascii_digit() || next_lower {
                out.push('_');
            }
        }
        out.push(c);
    }
    out.to_lowercase().trim_start_matches('_').to_string()
}

/// Whether the classes of `mro` that are not in the parent's `pmro` declare a primary key.
fn own_mro_declares_pk(r: &Reader<'_>, mro: &[ClassId], pmro: &[ClassId]) -> bool {
    mro.iter()
        .filter(|c| !pmro.contains(c))
        .any(|c| r.declares_primary_key(c))
}

/// Whether a class body declares columns (`id = Column(...)`, `db.Column(...)`,
/// `mapped_column(...)`), by the called name alone: a class whose base cannot be followed is
/// then worth a warning even without a `__tablename__` (Flask-SQLAlchemy names its tables).
fn declares_columns(body: &[Stmt]) -> bool {
    body.iter().any(|s| {
        let value = match s {
            Stmt::Assign(a) => Some(&*a.value),
            Stmt::AnnAssign(a) => a.value.as_deref(),
            _ => None,
        };
        let Some(Expr::Call(c)) = value else {
            return false;
        };
        let name = match &*c.func {
            Expr::Name(n) => n.id.as_str(),
            Expr::Attribute(a) => a.attr.as_str(),
            _ => return false,
        };
        matches!(name, "Column" | "mapped_column")
    })
}

/// The returned expression of a function whose body is (docstring and) one `return`.
fn single_return(f: &ast::StmtFunctionDef) -> Option<&Expr> {
    let stmts: Vec<&Stmt> = f
        .body
        .iter()
        .filter(|s| !matches!(s, Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_))))
        .collect();
    match stmts.as_slice() {
        [Stmt::Return(r)] => r.value.as_deref(),
        _ => None,
    }
}

/// Whether a body calls a function named `name` anywhere (shallow text check on calls).
fn contains_call(body: &[Stmt], name: &str) -> bool {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Finder<'n> {
        name: &'n str,
        found: bool,
    }
    impl<'b> Visitor<'b> for Finder<'_> {
        fn visit_expr(&mut self, e: &'b Expr) {
            if let Expr::Call(c) = e {
                let n = match &*c.func {
                    Expr::Name(n) => n.id.as_str(),
                    Expr::Attribute(a) => a.attr.as_str(),
                    _ => "",
                };
                if n == self.name {
                    self.found = true;
                }
            }
            visitor::walk_expr(self, e);
        }
    }
    let mut f = Finder { name, found: false };
    for s in body {
        f.visit_stmt(s);
    }
    f.found
}

/// A local name's value in a table name's computation (a helper's parameters and the names
/// its lines assign).
#[derive(Clone)]
enum Local {
    Str(String),
    List(Vec<String>),
}

/// The value of local name `name`: the last binding of it.
fn local<'e>(env: &'e [(String, Local)], name: &str) -> Option<&'e Local> {
    (env.iter().rev()).find(|(k, _)| k == name).map(|(_, v)| v)
}

/// The class a table name is computed for: its name (`cls.__name__`) and the classes whose
/// attributes `cls.<attr>` reads (the class first, then its bases).
#[derive(Clone, Copy)]
struct NameCtx<'c> {
    name: &'c str,
    mro: &'c [ClassId],
}

/// Python's `text[lower:upper]` by characters (`upper` `None`: to the end); negative bounds
/// count from the end.
fn py_slice(text: &str, lower: i64, upper: Option<i64>) -> Option<String> {
    let (lo, hi) = py_bounds(text.chars().count(), lower, upper)?;
    Some(text.chars().skip(lo).take(hi - lo).collect())
}

/// The `[lo, hi)` positions of Python's `[lower:upper]` over `len` items (`upper` `None`: to
/// the end; negative bounds count from the end), clamped as Python clamps them.
fn py_bounds(len: usize, lower: i64, upper: Option<i64>) -> Option<(usize, usize)> {
    let len = i64::try_from(len).ok()?;
    let clamp = |i: i64| if i < 0 { (len + i).max(0) } else { i.min(len) };
    let (lo, hi) = (clamp(lower), clamp(upper.unwrap_or(len)));
    let (lo, hi) = (usize::try_from(lo).ok()?, usize::try_from(hi).ok()?);
    Some((lo, hi.max(lo)))
}

/// A string or integer as `%s` and `{}` write it; `None` for other values.
fn format_lit(v: &Lit) -> Option<String> {
    match v {
        Lit::Str(s) => Some(s.clone()),
        Lit::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Python's `fmt % args` for `%s`, `%d`, `%i` and `%%`; `None` for any other conversion, or
/// when the arguments do not match the conversions in number.
fn percent_format(fmt: &str, args: &[Lit]) -> Option<String> {
    let mut out = String::with_capacity(fmt.len());
    let mut args = args.iter();
    let mut chars = fmt.chars();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        match chars.next()? {
            '%' => out.push('%'),
            's' => out.push_str(&format_lit(args.next()?)?),
            'd' | 'i' => match args.next()? {
                Lit::Int(i) => out.push_str(&i.to_string()),
                _ => return None,
            },
            _ => return None,
        }
    }
    args.next().is_none().then_some(out)
}

/// Python's `fmt.format(*args, **named)` for `{}`, `{0}`, `{name}`, `{{` and `}}`; `None`
/// for a format spec, a conversion, an attribute or index, or a missing argument.
fn brace_format(fmt: &str, args: &[Lit], named: &[(&str, Lit)]) -> Option<String> {
    let mut out = String::with_capacity(fmt.len());
    let mut next = 0;
    let mut chars = fmt.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '}' => return None,
            '{' => {
                let mut field = String::new();
                loop {
                    match chars.next()? {
                        '}' => break,
                        c => field.push(c),
                    }
                }
                let v = if field.is_empty() {
                    next += 1;
                    args.get(next - 1)?
                } else if let Ok(i) = field.parse::<usize>() {
                    args.get(i)?
                } else if field.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    &named.iter().find(|(n, _)| *n == field)?.1
                } else {
                    return None;
                };
                out.push_str(&format_lit(v)?);
            }
            c => out.push(c),
        }
    }
    Some(out)
}

/// Python's `textwrap.dedent`: lines of nothing but blanks are emptied, and the blanks all
/// other lines start with are taken off them.
fn dedent(text: &str) -> String {
    let blank = |l: &str| l.trim_matches([' ', '\t']).is_empty();
    let margin = (text.split('\n'))
        .filter(|l| !blank(l))
        .map(|l| &l[..l.len() - l.trim_start_matches([' ', '\t']).len()])
        .reduce(|a, b| {
            let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            &a[..n]
        })
        .unwrap_or("");
    (text.split('\n'))
        .map(|l| match blank(l) {
            true => "",
            false => &l[margin.len()..],
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The string methods [`str_method`] computes.
const STR_METHODS: [&str; 8] = [
    "lower",
    "upper",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "removeprefix",
    "removesuffix",
];

/// Python's `inner.<method>(*args)` for a string method of [`STR_METHODS`] with string
/// arguments; `None` for another method or arguments it does not take.
fn str_method(inner: &str, method: &str, args: &[String]) -> Option<String> {
    match (method, args) {
        ("lower", []) => Some(inner.to_lowercase()),
        ("upper", []) => Some(inner.to_uppercase()),
        ("strip", []) => Some(inner.trim().to_string()),
        ("lstrip", []) => Some(inner.trim_start().to_string()),
        ("rstrip", []) => Some(inner.trim_end().to_string()),
        ("strip", [x]) => Some(inner.trim_matches(|c| x.contains(c)).into()),
        ("lstrip", [x]) => Some(inner.trim_start_matches(|c| x.contains(c)).into()),
        ("rstrip", [x]) => Some(inner.trim_end_matches(|c| x.contains(c)).into()),
        ("replace", [from, to]) if !from.is_empty() => Some(inner.replace(from.as_str(), to)),
        ("removeprefix", [x]) => Some(inner.strip_prefix(x.as_str()).unwrap_or(inner).into()),
        ("removesuffix", [x]) => Some(inner.strip_suffix(x.as_str()).unwrap_or(inner).into()),
        _ => None,
    }
}

#[cfg(test)]
mod format_tests {
    use super::{brace_format, dedent, percent_format, py_slice, Lit};

    #[test]
    fn dedent_as_python() {
        assert_eq!(dedent("\n    a\n      b\n  \n    c\n"), "\na\n  b\n\nc\n");
        assert_eq!(dedent("  a\n\tb"), "  a\n\tb");
        assert_eq!(dedent("x"), "x");
    }

    fn s(v: &str) -> Lit {
        Lit::Str(v.to_string())
    }

    #[test]
    fn percent_formatting_as_python_does_it() {
        assert_eq!(
            percent_format("uniq_%s0id", &[s("t")]).as_deref(),
            Some("uniq_t0id")
        );
        assert_eq!(
            percent_format("%s_%d%%", &[s("a"), Lit::Int(5)]).as_deref(),
            Some("a_5%")
        );
        // Too few or too many arguments, a conversion not read, `%d` of a string.
        assert_eq!(percent_format("%s_%s", &[s("a")]), None);
        assert_eq!(percent_format("%s", &[s("a"), s("b")]), None);
        assert_eq!(percent_format("%r", &[s("a")]), None);
        assert_eq!(percent_format("%d", &[s("a")]), None);
    }

    #[test]
    fn zero_width_look_around_substitution_as_python_does_it() {
        use super::zero_width_sub;
        let sub = |p: &str, s: &str| zero_width_sub(p, "_", s);
        assert_eq!(
            sub(r"(?<!^)(?=[A-Z])", "HTTPLogEntry").as_deref(),
            Some("H_T_T_P_Log_Entry")
        );
        assert_eq!(sub(r"(?<!^)(?=[A-Z])", "Flow").as_deref(), Some("Flow"));
        assert_eq!(
            sub(r"(?<=[a-z])(?=[A-Z])", "HTTPLogEntry").as_deref(),
            Some("HTTPLog_Entry")
        );
        assert_eq!(sub(r"(?=[A-Z])", "AbC").as_deref(), Some("_Ab_C"));
        // Not only assertions, a group reference, an unclosed group.
        assert_eq!(sub(r"(?<!^)[A-Z]", "AbC"), None);
        assert_eq!(zero_width_sub(r"(?=[A-Z])", r"\1", "AbC"), None);
        assert_eq!(sub(r"(?=[A-Z]", "AbC"), None);
    }

    #[test]
    fn brace_formatting_as_python_does_it() {
        let named = [("t", s("refund"))];
        assert_eq!(
            brace_format("{}_{}", &[s("ix"), s("a")], &[]).as_deref(),
            Some("ix_a")
        );
        assert_eq!(
            brace_format("{0}_{t}_{0} {{x}}", &[s("amount")], &named).as_deref(),
            Some("amount_refund_amount {x}")
        );
        // A format spec, a conversion, a missing argument, an unmatched brace.
        assert_eq!(brace_format("{:>4}", &[s("a")], &[]), None);
        assert_eq!(brace_format("{!r}", &[s("a")], &[]), None);
        assert_eq!(brace_format("{} {}", &[s("a")], &[]), None);
        assert_eq!(brace_format("a}", &[], &[]), None);
    }

    #[test]
    fn slices_as_python_takes_them() {
        let sl = |t: &str, lo: i64, hi: Option<i64>| py_slice(t, lo, hi);
        assert_eq!(sl("Widget", 0, Some(1)).as_deref(), Some("W"));
        assert_eq!(sl("Widget", 1, None).as_deref(), Some("idget"));
        assert_eq!(sl("Widget", -3, None).as_deref(), Some("get"));
        assert_eq!(sl("Widget", 2, Some(-2)).as_deref(), Some("dg"));
        // Out of range and crossed bounds give "", as in Python.
        assert_eq!(sl("ab", 5, Some(9)).as_deref(), Some(""));
        assert_eq!(sl("abc", 2, Some(1)).as_deref(), Some(""));
        assert_eq!(sl("ça", 0, Some(1)).as_deref(), Some("ç"));
    }
}
