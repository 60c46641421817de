// The web app's code editor: CodeMirror 6 with what the app's panes need. web/src/editor.rs
// binds to `create` (boot.js imports this module as `globalThis.schemashiftEditor` before the
// app starts); the tests read editors through `viewOf` / `textOf` / `selectionOf`.
//
// CodeMirror renders only the lines in view, so a multi-megabyte dump costs what a screenful
// does. What an editor has: SQL (per dialect) or Python highlighting, selection,
// search (Ctrl+F), undo (history), the core's diagnostics as lint marks (squiggles with
// their messages on hover, the line number marked), read-only mode for outputs.
import { Compartment, EditorState, RangeSet, StateEffect, StateField, Transaction } from "@codemirror/state";
import {
  EditorView,
  GutterMarker,
  drawSelection,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumberMarkers,
  lineNumbers,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
import { lintKeymap, setDiagnostics } from "@codemirror/lint";
import { bracketMatching, syntaxHighlighting } from "@codemirror/language";
import { tagHighlighter, tags as t } from "@lezer/highlight";
import { MariaSQL, MySQL, PostgreSQL, SQLite, sql } from "@codemirror/lang-sql";
import { python } from "@codemirror/lang-python";

// Token classes: the ones web/style.css colours (light and dark themes).
const highlighter = tagHighlighter([
  { tag: [t.keyword, t.typeName, t.bool, t.null, t.self, t.operatorKeyword, t.definitionKeyword, t.controlKeyword, t.moduleKeyword], class: "tk-kw" },
  { tag: [t.special(t.string)], class: "tk-qid" },
  { tag: [t.string, t.docString], class: "tk-str" },
  { tag: t.number, class: "tk-num" },
  { tag: t.comment, class: "tk-com" },
  { tag: [t.punctuation, t.paren, t.squareBracket, t.brace, t.separator], class: "tk-pun" },
  { tag: t.operator, class: "tk-op" },
  { tag: [t.special(t.name), t.labelName], class: "tk-par" },
  { tag: [t.name, t.variableName, t.propertyName, t.className, t.function(t.variableName)], class: "tk-id" },
]);

// What the text is: "python" (models and revision files), or SQL of one of the app's dialects
// ("postgres", the default, "sqlite", "mysql", "mariadb"): each has its own keywords, types
// and quoting (backquoted names in MySQL).
const SQL_DIALECTS = { postgres: PostgreSQL, sqlite: SQLite, mysql: MySQL, mariadb: MariaSQL };
const language = (name) => (name === "python" ? python() : sql({ dialect: SQL_DIALECTS[name] ?? PostgreSQL }));

// A line's number in the gutter takes the class of its worst diagnostic ("gl err" / "gl warn").
class LineClass extends GutterMarker {
  constructor(elementClass) {
    super();
    this.elementClass = elementClass;
  }
  eq(other) {
    return other.elementClass === this.elementClass;
  }
}
const ERR_LINE = new LineClass("gl err");
const WARN_LINE = new LineClass("gl warn");
const setLineMarks = StateEffect.define();
const lineMarks = StateField.define({
  create: () => RangeSet.empty,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setLineMarks)) return e.value;
    return tr.docChanged ? marks.map(tr.changes) : marks;
  },
  provide: (f) => lineNumberMarkers.from(f),
});

/**
 * The UTF-16 offset in `doc` of a 1-based line and a 1-based column counted in characters
 * (Unicode scalar values, as the core's diagnostics count them); clamped to the document.
 */
export function position(doc, line, column) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  let off = 0;
  for (let c = 1; c < column && off < l.length; c++) off += l.text.codePointAt(off) > 0xffff ? 2 : 1;
  return l.from + Math.min(off, l.length);
}

// The end of the token a diagnostic points at: a word, a quoted name, or one character.
function tokenEnd(doc, pos) {
  const l = doc.lineAt(pos);
  const rest = l.text.slice(pos - l.from);
  const m = /^(?:[\p{L}\p{N}_$]+|"[^"]*"?|`[^`]*`?|\S)/u.exec(rest);
  return pos + (m ? m[0].length : 0);
}

/**
 * Create an editor inside `host`. `opts`: { id, label, text, readonly, language }; the content
 * element (focusable, role textbox) gets `id` and `label`. `onChange(text, whole)` is called
 * with the whole text after each edit by the user (not after `setText`); `whole` is true for a
 * paste or a drop (an edit no keystrokes follow, so the app need not wait for more). Returns
 * the handle the Rust side keeps.
 */
export function create(host, opts, onChange) {
  const lang = new Compartment();
  let external = false;
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: opts.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        bracketMatching(),
        highlightSelectionMatches(),
        search({ top: true }),
        syntaxHighlighting(highlighter),
        lang.of(language(opts.language)),
        lineMarks,
        EditorState.readOnly.of(!!opts.readonly),
        EditorView.contentAttributes.of({
          id: opts.id,
          "aria-label": opts.label,
          ...(opts.readonly ? { "aria-readonly": "true" } : {}),
        }),
        // Tab moves the focus on (no indentWithTab): the editors are no keyboard trap.
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
        // Dropped files are the pane's (it opens them); only dragged text is CodeMirror's.
        EditorView.domEventHandlers({
          drop: (e) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files"),
        }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged && !external && onChange) {
            // A paste or a drop is a whole edit: no more keystrokes follow it.
            const whole = u.transactions.some((tr) => tr.isUserEvent("input.paste") || tr.isUserEvent("input.drop"));
            onChange(u.state.doc.toString(), whole);
          }
        }),
      ],
    }),
  });
  return {
    view,
    /** Replace the whole text (a loaded file, an example, a new output). */
    setText(text) {
      const doc = view.state.doc;
      if (doc.length === text.length && doc.toString() === text) return;
      external = true;
      try {
        view.dispatch({
          changes: { from: 0, to: doc.length, insert: text },
          selection: { anchor: 0 },
          annotations: opts.readonly ? Transaction.addToHistory.of(false) : [],
        });
        view.scrollDOM.scrollTop = 0;
      } finally {
        external = false;
      }
    },
    /** Highlight as Python (models files) or SQL. */
    setLanguage(name) {
      view.dispatch({ effects: lang.reconfigure(language(name)) });
    },
    /**
     * Show the core's diagnostics: `marks` is [{ error, line, column, message }] (1-based
     * line, 1-based column in characters).
     */
    setMarks(marks) {
      const doc = view.state.doc;
      const diagnostics = marks.map((m) => {
        const from = position(doc, m.line, m.column);
        return { from, to: tokenEnd(doc, from), severity: m.error ? "error" : "warning", message: m.message };
      });
      const byLine = new Map();
      for (const d of diagnostics) {
        const from = doc.lineAt(d.from).from;
        byLine.set(from, byLine.get(from) === ERR_LINE || d.severity === "error" ? ERR_LINE : WARN_LINE);
      }
      const ranges = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([from, m]) => m.range(from));
      const spec = setDiagnostics(view.state, diagnostics);
      view.dispatch(spec, { effects: setLineMarks.of(RangeSet.of(ranges)) });
    },
    /** Put the cursor at a 1-based line and character column, scroll there, focus. */
    jump(line, column) {
      const pos = position(view.state.doc, line, column);
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}

/** The EditorView an element (the content element with the editor's id, or any inside) is in. */
export function viewOf(el) {
  const root = el && el.closest(".cm-editor");
  return root ? EditorView.findFromDOM(root) : null;
}

/** The whole text of the editor `el` is in (what a textarea's value was); "" without one. */
export function textOf(el) {
  const v = viewOf(el);
  return v ? v.state.doc.toString() : "";
}

/** The main selection of the editor `el` is in, as UTF-16 offsets { start, end }. */
export function selectionOf(el) {
  const v = viewOf(el);
  if (!v) return null;
  const r = v.state.selection.main;
  return { start: r.from, end: r.to };
}
