//! Warming the diff worker up while it is idle.
//!
//! Browsers compile a wasm module's functions lazily with a fast baseline compiler and
//! recompile a function with their optimizing compiler only after it has run a while (V8's
//! dynamic tiering), and a call already running keeps the code it started with. The page's
//! first diff (its small example) leaves most of the parser, planner and writers in baseline
//! code, so the first large paste (a pg_dump) ran at a fraction of the worker's speed: the
//! GitLab pair took ~2.3x as long as a second diff of the same pair in Node.
//!
//! So, once the worker has answered its first request and nothing is waiting, it diffs a
//! generated pg_dump-shaped pair (every statement kind a dump is mostly made of, and changes of
//! each kind the planner and the writers handle) a few times, one small round per timer task:
//! a request that arrives meanwhile waits for at most the round in progress, and the rounds
//! that are left run after its answer, unless it was at least as large as they are together
//! (it warmed the code itself). The results are dropped.

use std::cell::Cell;

use gloo_timers::callback::Timeout;
use schemashift::DialectKind;

use crate::engine;

/// Rounds to run. Six rounds of a 40-table pair took the GitLab paste from 2.8-3.5 s to
/// 1.9-2.1 s on a loaded machine; ten of 24 tables do about the same work in rounds half as
/// long (the longest a request can wait).
const ROUNDS: u32 = 10;
/// Tables per side of the pair (in Node, a round of 40 took ~120 ms the first times and 20-60
/// ms once the code was optimized; the native CLI takes 10 ms).
const TABLES: usize = 24;
/// About the input of one round (both sides; a side of 40 tables is 63 KB).
const ROUND_BYTES: usize = 2 * TABLES * 1600;

thread_local! {
    /// Rounds still to run.
    static LEFT: Cell<u32> = const { Cell::new(ROUNDS) };
    /// Whether a round is scheduled (a timer task is pending).
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
}

/// A request of `bytes` of input is being answered: one at least as large as what the rounds
/// left would diff warms the code as well, and the rounds are dropped (run after it, they only
/// compete with the page for the CPU and delay the next request).
pub fn request_of(bytes: usize) {
    let left = LEFT.with(Cell::get) as usize;
    if bytes >= left * ROUND_BYTES {
        LEFT.with(|l| l.set(0));
    }
}

/// The worker answered and is idle: run the rounds that are left, one per timer task (a
/// request is answered within its message task, so a round never runs during one).
pub fn idle() {
    if LEFT.with(Cell::get) == 0 || SCHEDULED.with(Cell::get) {
        return;
    }
    SCHEDULED.with(|s| s.set(true));
    Timeout::new(0, || {
        SCHEDULED.with(|s| s.set(false));
        if LEFT.with(Cell::get) == 0 {
            return;
        }
        LEFT.with(|l| l.set(l.get() - 1));
        round();
        idle();
    })
    .forget();
}

/// One diff of the generated pair, as a request for it would run (SQL, Alembic file, JSON).
fn round() {
    let (current, desired) = dump_pair(TABLES);
    drop(engine::compute(&current, &desired, DialectKind::Postgres).to_json());
}

/// A pg_dump-shaped pair of `tables` tables per side: `pg_dump -s` statements as pg_dump
/// writes them (headers, `SET`s, tables with sequences, defaults, checks, keys, indexes,
/// foreign keys, a function with a dollar-quoted body, a trigger, a view, comments), and a
/// desired side that changes columns (types, added), indexes, keys and tables (dropped,
/// created).
fn dump_pair(tables: usize) -> (String, String) {
    (dump(tables, false), dump(tables, true))
}

fn dump(tables: usize, desired: bool) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(tables * 1700);
    s.push_str(
        "--\n-- PostgreSQL database dump\n--\n\n\
         SET statement_timeout = 0;\nSET lock_timeout = 0;\n\
         SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\
         SELECT pg_catalog.set_config('search_path', '', false);\n\
         SET check_function_bodies = false;\n\n\
         --\n-- Name: touch_updated_at(); Type: FUNCTION; Schema: public; Owner: -\n--\n\n\
         CREATE FUNCTION public.touch_updated_at() RETURNS trigger\n    LANGUAGE plpgsql\n    AS $$\n\
         BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$;\n\n",
    );
    for i in 0..tables {
        // The desired side drops every seventh table and adds as many.
        let gone = desired && i % 7 == 3;
        let t = if desired && i % 7 == 5 {
            format!("n{i}")
        } else {
            format!("t{i}")
        };
        if gone {
            continue;
        }
        let note = if desired && i % 3 == 0 {
            "character varying(500)"
        } else {
            "text"
        };
        let _ = write!(
            s,
            "--\n-- Name: {t}; Type: TABLE; Schema: public; Owner: -\n--\n\n\
             CREATE TABLE public.{t} (\n    id bigint NOT NULL,\n    \
             name character varying(255) NOT NULL,\n    note {note},\n    \
             amount numeric(12,2) DEFAULT 0.0 NOT NULL,\n    \
             flags integer[] DEFAULT '{{}}'::integer[] NOT NULL,\n    \
             data jsonb DEFAULT '{{}}'::jsonb,\n    active boolean DEFAULT true NOT NULL,\n    \
             created_at timestamp with time zone DEFAULT now() NOT NULL,\n    \
             updated_at timestamp without time zone,\n    parent_id bigint,\n"
        );
        if desired && i % 4 == 0 {
            s.push_str("    archived_at timestamp with time zone,\n");
        }
        let _ = write!(
            s,
            "    CONSTRAINT check_{t}_name CHECK ((char_length((name)::text) <= 255))\n);\n\n\
             --\n-- Name: {t}_id_seq; Type: SEQUENCE; Schema: public; Owner: -\n--\n\n\
             CREATE SEQUENCE public.{t}_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    \
             NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\n\
             ALTER SEQUENCE public.{t}_id_seq OWNED BY public.{t}.id;\n\n\
             ALTER TABLE ONLY public.{t} ALTER COLUMN id SET DEFAULT \
             nextval('public.{t}_id_seq'::regclass);\n\n\
             --\n-- Name: {t} {t}_pkey; Type: CONSTRAINT; Schema: public; Owner: -\n--\n\n\
             ALTER TABLE ONLY public.{t}\n    ADD CONSTRAINT {t}_pkey PRIMARY KEY (id);\n\n"
        );
        let indexed = if desired && i % 5 == 0 {
            "created_at"
        } else {
            "name"
        };
        let _ = write!(
            s,
            "--\n-- Name: index_{t}_on_{indexed}; Type: INDEX; Schema: public; Owner: -\n--\n\n\
             CREATE INDEX index_{t}_on_{indexed} ON public.{t} USING btree ({indexed});\n\n\
             CREATE UNIQUE INDEX index_{t}_on_lower_name ON public.{t} \
             USING btree (lower((name)::text)) WHERE (active = true);\n\n\
             CREATE TRIGGER {t}_touch BEFORE UPDATE ON public.{t} \
             FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();\n\n\
             COMMENT ON COLUMN public.{t}.note IS 'Free text, {i}';\n\n"
        );
    }
    // Foreign keys last, as pg_dump writes them, between tables both sides keep.
    for i in 1..tables {
        let kept = |k: usize| k % 7 != 3 && k % 7 != 5;
        if !kept(i) || !kept(i / 2) || (desired && i % 6 == 0) {
            continue;
        }
        let parent = i / 2;
        let _ = write!(
            s,
            "--\n-- Name: t{i} fk_t{i}_parent; Type: FK CONSTRAINT; Schema: public; Owner: -\n\
             --\n\nALTER TABLE ONLY public.t{i}\n    ADD CONSTRAINT fk_t{i}_parent FOREIGN KEY \
             (parent_id) REFERENCES public.t{parent}(id) ON DELETE CASCADE;\n\n"
        );
    }
    s.push_str(
        "--\n-- Name: active_t0; Type: VIEW; Schema: public; Owner: -\n--\n\n\
         CREATE VIEW public.active_t0 AS\n SELECT t0.id,\n    t0.name\n   FROM public.t0\n  \
         WHERE (t0.active = true);\n\n--\n-- PostgreSQL database dump complete\n--\n\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pair reads cleanly (no diagnostics at all: a warning would mean a path the dumps
    /// users paste do not take) and changes every kind of thing it is meant to.
    #[test]
    fn the_pair_is_a_clean_dump_with_changes() {
        let (current, desired) = dump_pair(TABLES);
        let view = engine::compute(&current, &desired, DialectKind::Postgres);
        assert!(view.diagnostics.is_empty(), "{:#?}", view.diagnostics);
        let up = view.up.expect("an UP script");
        for want in [
            "DROP TABLE t3",
            "CREATE TABLE n5",
            "ALTER COLUMN note TYPE character varying(500)",
            "ADD COLUMN archived_at",
            "DROP INDEX index_t0_on_name",
            "CREATE INDEX index_t0_on_created_at",
            "DROP CONSTRAINT fk_t18_parent",
        ] {
            assert!(up.contains(want), "{want:?} not in:\n{up}");
        }
        assert!(view.alembic.is_some());
        // Each side alone is the same schema again: nothing to do.
        let same = engine::compute(&current, &current, DialectKind::Postgres);
        assert!(same.changes.is_empty());
        // What a round diffs is what a request that replaces the rounds is measured against.
        let bytes = current.len() + desired.len();
        assert!(
            (ROUND_BYTES * 9 / 10..=ROUND_BYTES * 11 / 10).contains(&bytes),
            "a round diffs {bytes} bytes, not about {ROUND_BYTES}"
        );
    }

    #[test]
    fn a_request_as_large_as_the_rounds_left_replaces_them() {
        LEFT.with(|l| l.set(ROUNDS));
        request_of(ROUND_BYTES);
        assert_eq!(LEFT.with(Cell::get), ROUNDS, "a small request leaves them");
        request_of(ROUNDS as usize * ROUND_BYTES);
        assert_eq!(LEFT.with(Cell::get), 0);
    }
}
