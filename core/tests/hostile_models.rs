//! Hostile models.py input: whatever users paste gives diagnostics, never a panic or a stack
//! overflow. The deep inputs run on a thread with a 1 MB stack, the size wasm has.
//!
//! Nesting: every shape of Python expression that nests (brackets, calls, subscripts,
//! attribute chains, operator chains, prefix operators, conditional expressions, lambdas)
//! and nested blocks is read at the limit
//! ([`schemashift::input::python::depth::MAX_DEPTH`], [`MAX_INDENT`]) without an error, and
//! 100,000 levels are one positioned `E004` error (they used to overflow the stack: the
//! syntax tree is dropped recursively, and in wasm the parser cannot grow its stack).

use schemashift::diagnostics::Code;
use schemashift::input::python::depth::{MAX_DEPTH, MAX_INDENT};
use schemashift::input::python::Sources;
use schemashift::{migrate, migrate_inputs, Diagnostic, DialectKind, Input, Options, Outcome};

fn options(dialect: DialectKind) -> Options {
    Options {
        dialect,
        ..Options::default()
    }
}

/// Run `f` on a thread with wasm's stack size (1 MB).
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

/// The models as the current side, against `desired` DDL.
fn models_vs(text: &str, desired: &str, dialect: DialectKind) -> Outcome {
    let src = Sources {
        files: vec![("models.py".into(), text.into())],
        roots: vec![],
    };
    migrate_inputs(Input::Models(&src), Input::Sql(desired), &options(dialect))
}

fn models(text: &str) -> Outcome {
    models_vs(text, "", DialectKind::Postgres)
}

fn codes(o: &Outcome) -> Vec<Code> {
    o.diagnostics.iter().map(|d| d.code).collect()
}

const HEAD: &str = "from sqlalchemy import Column, Integer, String, text\n\
                    from sqlalchemy.orm import declarative_base\n\
                    Base = declarative_base()\n";

/// A model whose column `a` has `expr` as its default (what the reader evaluates).
fn model_with_default(expr: &str) -> String {
    format!(
        "{HEAD}\nclass T(Base):\n    __tablename__ = 't'\n    id = Column(Integer, primary_key=True)\n    a = Column(Integer, default={expr})\n"
    )
}

fn nest(open: &str, leaf: &str, close: &str, n: usize) -> String {
    format!("{}{leaf}{}", open.repeat(n), close.repeat(n))
}

type Shape = (&'static str, fn(usize) -> String);

fn shapes() -> Vec<Shape> {
    vec![
        ("parentheses", |n| {
            model_with_default(&nest("(", "1", ")", n))
        }),
        ("lists", |n| model_with_default(&nest("[", "1", "]", n))),
        ("dicts", |n| model_with_default(&nest("{1: ", "1", "}", n))),
        ("nested calls", |n| {
            model_with_default(&nest("f(", "1", ")", n))
        }),
        ("chained calls", |n| {
            model_with_default(&format!("f{}", "()".repeat(n)))
        }),
        ("subscripts", |n| {
            model_with_default(&format!("a{}", "[0]".repeat(n)))
        }),
        ("attributes", |n| {
            model_with_default(&format!("a{}", ".b".repeat(n)))
        }),
        ("+ chain", |n| {
            model_with_default(&format!("1{}", " + 1".repeat(n)))
        }),
        ("** chain", |n| {
            model_with_default(&format!("1{}", " ** 1".repeat(n)))
        }),
        ("not", |n| {
            model_with_default(&format!("{}1", "not ".repeat(n)))
        }),
        ("unary minus", |n| {
            model_with_default(&format!("{}1", "-".repeat(n)))
        }),
        ("conditional expressions", |n| {
            model_with_default(&format!("{}0", "1 if x else ".repeat(n)))
        }),
        ("lambdas", |n| {
            model_with_default(&format!("{}0", "lambda: ".repeat(n)))
        }),
        ("server_default concatenation", |n| {
            format!(
                "{HEAD}\nclass T(Base):\n    __tablename__ = 't'\n    id = Column(Integer, primary_key=True)\n    a = Column(String, server_default=text('a'{}))\n",
                " + 'a'".repeat(n)
            )
        }),
        ("blocks", |n| {
            let mut s = format!("{HEAD}\n");
            for i in 0..n {
                s.push_str(&format!("{}if x:\n", " ".repeat(i)));
            }
            s.push_str(&format!("{}pass\n", " ".repeat(n)));
            s
        }),
    ]
}

fn is_too_deep(text: &str) -> bool {
    let o = models(text);
    let deep = codes(&o).contains(&Code::E004);
    assert!(
        deep || !o.has_errors(),
        "{:?} in {}",
        o.diagnostics,
        &text[..text.len().min(300)]
    );
    deep
}

fn deepest_accepted(make: fn(usize) -> String) -> usize {
    let (mut ok, mut bad) = (0usize, 2 * MAX_DEPTH);
    assert!(is_too_deep(&make(bad)), "{} levels accepted", bad);
    while bad - ok > 1 {
        let mid = (ok + bad) / 2;
        if is_too_deep(&make(mid)) {
            bad = mid;
        } else {
            ok = mid;
        }
    }
    ok
}

#[test]
fn every_python_nesting_shape_is_read_up_to_the_limit_and_an_error_past_it() {
    on_small_stack(|| {
        for (name, make) in shapes() {
            let n = deepest_accepted(make);
            assert!(n >= 30, "{name}: only {n} levels");
            // At the limit: read (the parser, the reader and the drop of the tree fit the
            // stack), no error.
            let o = models(&make(n));
            assert!(!o.has_errors(), "{name}: {:?}", o.diagnostics);
            // Far past it: one positioned error, no crash.
            // (100,000 nested blocks would be a 5 GB file: 2,000 are 2 MB.)
            let huge = make(if name == "blocks" { 2_000 } else { 100_000 });
            let o = models(&huge);
            let deep: Vec<&Diagnostic> = o
                .diagnostics
                .iter()
                .filter(|d| d.code == Code::E004)
                .collect();
            assert_eq!(deep.len(), 1, "{name}: {:?}", o.diagnostics);
            assert!(o.migration.is_none(), "{name}");
            let d = deep[0];
            assert!(d.offset > HEAD.len() && d.offset < huge.len(), "{name}");
            assert_eq!(d.file.as_deref(), Some("models.py"));
            eprintln!("{name}: {n} levels accepted");
        }
    });
}

#[test]
fn too_deep_is_reported_where_the_limit_is_passed() {
    // The statement costs 1, each `[` 2: the 100th bracket passes 200.
    let text = format!("x = {}1\n", "[".repeat(5000));
    let o = on_small_stack(move || models(&text));
    assert_eq!(o.diagnostics.len(), 1, "{:?}", o.diagnostics);
    let d = &o.diagnostics[0];
    assert_eq!(
        (d.code, d.line, d.column, d.offset),
        (Code::E004, 1, 104, 103)
    );
    assert_eq!(
        d.message,
        format!(
            "expression nested too deeply: over the limit of {MAX_DEPTH} (an operator counts 1, a bracket 2)"
        )
    );
    // Blocks: CPython's limit of 100 indentation levels (the `pass` is the 101st).
    let blocks: String = (0..=MAX_INDENT)
        .map(|i| format!("{}if x:\n", "\t".repeat(i)))
        .collect();
    let blocks = format!("{blocks}{}pass\n", "\t".repeat(MAX_INDENT + 1));
    let o = on_small_stack(move || models(&blocks));
    let d = &o.diagnostics[0];
    assert_eq!(
        (d.code, d.line, d.column),
        (Code::E004, MAX_INDENT as u32 + 2, MAX_INDENT as u32 + 2)
    );
    assert!(d.message.contains("indentation"), "{}", d.message);
}

const MODEL: &str = "from sqlalchemy import Column, Integer, String\n\
                     from sqlalchemy.orm import declarative_base\n\
                     Base = declarative_base()\n\
                     \n\
                     class T(Base):\n    __tablename__ = 't'\n    id = Column(Integer, primary_key=True)\n    name = Column(String(20), nullable=False)\n";

const MODEL_DDL: &str =
    "CREATE TABLE t (id SERIAL NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (id));\n";

fn same_as_ddl(text: &str) -> Outcome {
    let o = models_vs(text, MODEL_DDL, DialectKind::Postgres);
    assert!(!o.has_errors(), "{:?}", o.diagnostics);
    o
}

#[test]
fn the_model_matches_its_ddl() {
    let o = same_as_ddl(MODEL);
    let m = o.migration.expect("read");
    assert!(m.changes.is_empty(), "{}", m.up);
}

#[test]
fn bom_crlf_and_lone_cr_read_the_same() {
    for text in [
        format!("\u{feff}{MODEL}"),
        MODEL.replace('\n', "\r\n"),
        MODEL.replace('\n', "\r"),
    ] {
        let o = same_as_ddl(&text);
        assert!(o.diagnostics.is_empty(), "{:?}", o.diagnostics);
        assert!(o.migration.expect("read").changes.is_empty());
    }
    // Positions count lines as editors do (CRLF and lone CR end a line) and skip the BOM in
    // columns.
    let bad = format!("{MODEL}    x = )\n");
    for text in [
        bad.clone(),
        bad.replace('\n', "\r\n"),
        bad.replace('\n', "\r"),
        format!("\u{feff}{bad}"),
    ] {
        let o = models(&text);
        let d = &o.diagnostics[0];
        let at = text.rfind(')').expect("there");
        assert_eq!(
            (d.code, d.line, d.column, d.offset),
            (Code::E005, 9, 9, at),
            "{text:?}: {d:?}"
        );
    }
}

#[test]
fn nul_bytes_and_unterminated_tokens_are_positioned_syntax_errors() {
    for (tail, line) in [
        ("\0\n", 9),
        ("    x = 'abc\n", 9),
        ("    x = '''abc\n", 9),
        ("    x = f\"{abc\n", 10),
        ("    x = (1,\n", 10),
        ("    x = [\n", 10),
        ("    \\", 9),
    ] {
        let text = format!("{MODEL}{tail}");
        let o = on_small_stack(move || models(&text));
        assert!(!o.diagnostics.is_empty(), "{tail:?}");
        let d = &o.diagnostics[0];
        assert_eq!(d.code, Code::E005, "{tail:?}: {d:?}");
        assert!(
            (MODEL.lines().count() as u32 + 1..=line).contains(&d.line),
            "{tail:?}: {d:?}"
        );
        assert!(d.end <= MODEL.len() + tail.len(), "{tail:?}: {d:?}");
    }
}

#[test]
fn an_empty_file_and_only_comments_are_no_tables() {
    for text in [
        "",
        "\n",
        "# only a comment\n",
        "\"\"\"docstring\"\"\"",
        "# no newline",
    ] {
        let o = models(text);
        assert!(o.diagnostics.is_empty(), "{text:?}: {:?}", o.diagnostics);
        assert!(o.migration.expect("read").changes.is_empty(), "{text:?}");
    }
}

#[test]
fn one_megabyte_names_and_strings() {
    let big = "x".repeat(1 << 20);
    let text = MODEL.replace("'t'", &format!("'{big}'"));
    let o = models(&text);
    assert!(!o.has_errors(), "{:?}", o.diagnostics);
    // PostgreSQL keeps the first 63 bytes of a name.
    assert!(o.migration.expect("read").down.contains(&big[..63]));
    let text = MODEL.replace("nullable=False", &format!("server_default='{big}'"));
    let o = models(&text);
    assert!(!o.has_errors(), "{:?}", o.diagnostics);
    assert!(o.migration.expect("read").down.contains(&big));
    let text = MODEL.replace("name = ", &format!("{big} = "));
    let o = models(&text);
    assert!(!o.has_errors(), "{:?}", o.diagnostics);
}

#[test]
fn ten_thousand_columns() {
    let cols: String = (0..10_000)
        .map(|i| format!("    c{i} = Column(Integer)\n"))
        .collect();
    let text = format!("{MODEL}{cols}");
    let o = models(&text);
    assert!(!o.has_errors(), "{:?}", o.diagnostics);
    let ddl: Vec<String> = (0..10_000).map(|i| format!("c{i} INTEGER")).collect();
    let desired = format!(
        "CREATE TABLE t (id SERIAL NOT NULL, name VARCHAR(20) NOT NULL, {}, PRIMARY KEY (id));\n",
        ddl.join(", ")
    );
    let o = models_vs(&text, &desired, DialectKind::Postgres);
    assert!(!o.has_errors(), "{:?}", o.diagnostics);
    let m = o.migration.expect("read");
    assert!(m.changes.is_empty(), "{}", &m.up[..m.up.len().min(300)]);
}

/// MySQL and MariaDB read hostile DDL like the other dialects (the nesting shapes, NUL, BOM,
/// CR line ends and empty files are in `hostile.rs`): their own tokens at the end of a file.
#[test]
fn mysql_unterminated_tokens_and_hash_comments() {
    for dialect in [DialectKind::Mysql, DialectKind::Mariadb] {
        for (text, column) in [
            ("CREATE TABLE `t (a int);", 14),
            ("CREATE TABLE t (a text DEFAULT 'abc);", 32),
            ("CREATE TABLE t (a text DEFAULT \"abc);", 32),
            ("CREATE TABLE t (a int); /* never closed", 25),
        ] {
            let o = migrate(text, "", &options(dialect));
            assert_eq!(o.diagnostics.len(), 1, "{text}: {:?}", o.diagnostics);
            let d = &o.diagnostics[0];
            assert_eq!(
                (d.code, d.line, d.column),
                (Code::E001, 1, column),
                "{text}"
            );
            // No "looks written for MySQL" hint when the dialect is MySQL or MariaDB.
            assert!(!d.message.contains("looks written"), "{}", d.message);
        }
        for text in ["# only a comment", "-- a\n# b\n/* c */", ""] {
            let o = migrate(text, text, &options(dialect));
            assert!(o.diagnostics.is_empty(), "{text:?}: {:?}", o.diagnostics);
        }
        let cols: Vec<String> = (0..10_000).map(|i| format!("`c{i}` int")).collect();
        let a = format!("CREATE TABLE t ({});", cols.join(", "));
        let b = format!("CREATE TABLE t ({}, extra int);", cols.join(", "));
        let m = migrate(&a, &b, &options(dialect)).migration.expect("read");
        assert_eq!(m.changes.len(), 1, "{}", &m.up[..m.up.len().min(300)]);
    }
}
