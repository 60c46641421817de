//! proptest strategies of the generated schemas of `mod.rs` (a separate file: the fuzz
//! target reuses `mod.rs` without proptest).
#![allow(dead_code)]

use crate::gen::{mix, Col, Schema, Tab, COLUMNS, TABLES};
use proptest::prelude::*;

pub fn col() -> impl Strategy<Value = Col> {
    (
        0..8usize,
        any::<bool>(),
        proptest::option::of(0..2usize),
        prop::bool::weighted(0.15),
        proptest::option::weighted(0.2, 0..TABLES),
        prop::bool::weighted(0.2),
        proptest::option::weighted(0.25, any::<bool>()),
        0..3usize,
    )
        .prop_map(
            |(ty, nullable, default, unique, fk, check, index, on_delete)| Col {
                ty,
                nullable,
                default,
                unique,
                fk,
                check,
                index,
                on_delete,
            },
        )
}

pub fn tab() -> impl Strategy<Value = Tab> {
    (
        proptest::collection::vec(proptest::option::weighted(0.6, col()), COLUMNS),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.15),
    )
        .prop_map(|(cols, view, composite)| Tab {
            cols,
            view,
            composite,
        })
}

pub fn schema() -> impl Strategy<Value = Schema> {
    (
        proptest::collection::vec(proptest::option::weighted(0.7, tab()), TABLES),
        2..4usize,
    )
        .prop_map(|(tables, enum_labels)| Schema {
            tables,
            enum_labels,
        })
}

/// A pair: B is A with some tables, columns and attributes changed (a pair of independent
/// schemas rarely shares anything to alter).
pub fn pair() -> impl Strategy<Value = (Schema, Schema)> {
    (
        schema(),
        schema(),
        proptest::collection::vec(0..4u8, TABLES * COLUMNS),
    )
        .prop_map(|(a, other, picks)| {
            let b = mix(&a, &other, &picks);
            (a, b)
        })
}

/// `n` pairs (A, B) as DDL for `dialect`, from a fixed seed (the same pairs on every run):
/// the sample the round trips on real databases apply (`cli/tests/*_roundtrip.rs`).
/// `acyclic`: no foreign-key cycle between tables (SQLite cannot drop such tables with
/// `foreign_keys = ON`, see `properties.rs`).
pub fn generated_pairs(
    dialect: schemashift::DialectKind,
    n: usize,
    acyclic: bool,
) -> Vec<(String, String)> {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    (0..n)
        .map(|_| {
            let (mut a, mut b) = pair().new_tree(&mut runner).expect("generate").current();
            if acyclic {
                crate::gen::acyclic(&mut a);
                crate::gen::acyclic(&mut b);
            }
            (
                crate::gen::ddl(&crate::gen::statements(&a, dialect)),
                crate::gen::ddl(&crate::gen::statements(&b, dialect)),
            )
        })
        .collect()
}
