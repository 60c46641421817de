//! The app's whole state as a compact string: JSON, raw-deflated, base64url. Used for Share
//! links (`#s=...` in the URL fragment, which browsers never send to a server) and for the
//! localStorage autosave.

use serde::{Deserialize, Serialize};

use crate::engine::ModelFiles;

/// Format version written into every encoded state.
pub const STATE_VERSION: u32 = 1;

/// The fragment key: `#s=<encoded>`.
pub const FRAGMENT_KEY: &str = "s";

/// Largest decompressed state accepted (guards against deflate bombs in crafted links).
const MAX_STATE_BYTES: usize = 64 << 20;

/// Everything a shared link restores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedState {
    /// Format version ([`STATE_VERSION`]).
    #[serde(rename = "v")]
    pub version: u32,
    /// Dialect name, as `DialectKind::from_name` accepts it.
    #[serde(rename = "d")]
    pub dialect: String,
    /// The current schema (left editor).
    #[serde(rename = "c")]
    pub current: String,
    /// The desired schema (right editor).
    #[serde(rename = "t")]
    pub desired: String,
    /// Selected output tab (`up`, `down`, `changes`, `alembic`).
    #[serde(rename = "o", default)]
    pub tab: String,
    /// Alembic header: the revision message.
    #[serde(rename = "m", default)]
    pub message: String,
    /// Alembic header: the revision id (empty: derived from the content).
    #[serde(rename = "r", default)]
    pub revision: String,
    /// Alembic header: the down revision (empty: none, a first migration).
    #[serde(rename = "p", default)]
    pub down_revision: String,
    /// Globs of objects left out of the comparison (the CLI's `--exclude`).
    #[serde(rename = "x", default, skip_serializing_if = "String::is_empty")]
    pub exclude: String,
    /// Non-empty: the current side is models files (`(path, source)`, in tab order), shown in
    /// the editor's "models.py" mode; `current` keeps the SQL the editor had before.
    #[serde(rename = "cm", default, skip_serializing_if = "Vec::is_empty")]
    pub current_models: ModelFiles,
    /// Non-empty: the desired side is models files (as `current_models`).
    #[serde(rename = "tm", default, skip_serializing_if = "Vec::is_empty")]
    pub desired_models: ModelFiles,
    /// What the page does: `review` ("Review a revision"), else (empty) the diff.
    #[serde(rename = "w", default, skip_serializing_if = "String::is_empty")]
    pub view: String,
    /// Review mode: the revision files (`(path, source)`, in tab order).
    #[serde(rename = "rf", default, skip_serializing_if = "Vec::is_empty")]
    pub review_files: ModelFiles,
    /// Review mode: the schema the first revision starts from (SQL DDL; the CLI's `--base`).
    #[serde(rename = "rb", default, skip_serializing_if = "String::is_empty")]
    pub review_base: String,
    /// The Verify badge of these schemas when the tab that made the link had verified them
    /// ("verified on PostgreSQL 18.7 (PGlite): up, down, rows kept"); the page that opens the
    /// link shows it as the link's claim until the schemas change or Verify runs there.
    #[serde(rename = "vb", default, skip_serializing_if = "String::is_empty")]
    pub verify_badge: String,
}

/// Encode a state: JSON, deflate at `level` (0-10; 6 is a good default), base64url.
pub fn encode(state: &SavedState, level: u8) -> String {
    let json = serde_json::to_vec(state).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(&json, level);
    base64url_encode(&packed)
}

/// Decode what [`encode`] made.
pub fn decode(s: &str) -> Result<SavedState, String> {
    let packed = base64url_decode(s.trim()).ok_or("the link is damaged (not base64url)")?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_STATE_BYTES)
        .map_err(|_| "the link is damaged (cannot be decompressed)".to_string())?;
    let state: SavedState =
        serde_json::from_slice(&json).map_err(|e| format!("the link is damaged ({e})"))?;
    if state.version > STATE_VERSION {
        return Err(format!(
            "the link was made by a newer version (format {}); some settings may be lost",
            state.version
        ));
    }
    Ok(state)
}

/// The URL fragment (without `#`) that holds `state`.
pub fn to_fragment(state: &SavedState) -> String {
    format!("{FRAGMENT_KEY}={}", encode(state, 9))
}

/// The state in a URL fragment (with or without the leading `#`), if it holds one.
pub fn from_fragment(hash: &str) -> Option<Result<SavedState, String>> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&')
        .find_map(|part| {
            part.strip_prefix(FRAGMENT_KEY)
                .and_then(|r| r.strip_prefix('='))
        })
        .map(decode)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 section 5).
pub fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for k in 0..chars {
            out.push(B64[((n >> (18 - 6 * k)) & 63) as usize] as char);
        }
    }
    out
}

/// Decode base64url (padding and standard-alphabet `+/` tolerated); `None` if malformed.
pub fn base64url_decode(s: &str) -> Option<Vec<u8>> {
    let s = s.trim_end_matches('=');
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 {
        return None; // a lone trailing character cannot encode a byte
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trip() {
        for len in 0..40 {
            let data: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let enc = base64url_encode(&data);
            assert!(!enc.contains('=') && !enc.contains('+') && !enc.contains('/'));
            assert_eq!(base64url_decode(&enc).unwrap(), data, "len {len}");
        }
        assert_eq!(base64url_encode(b"hello"), "aGVsbG8");
        assert!(base64url_decode("a").is_none());
        assert!(base64url_decode("a b").is_none());
    }

    #[test]
    fn state_round_trip_through_fragment() {
        let state = SavedState {
            version: STATE_VERSION,
            dialect: "postgres".into(),
            current: "CREATE TABLE t (id int);\n-- ünïcode ✓".into(),
            desired: "CREATE TABLE t (id bigint);".into(),
            tab: "down".into(),
            message: "widen ids".into(),
            revision: String::new(),
            down_revision: "abc123".into(),
            exclude: "audit_*".into(),
            current_models: Vec::new(),
            desired_models: vec![
                ("app/models.py".into(), "from .enums import Status\n".into()),
                ("app/enums.py".into(), "import enum\n".into()),
            ],
            view: "review".into(),
            review_files: vec![("versions/1_a.py".into(), "revision = '1'\n".into())],
            review_base: "CREATE TABLE t (id int);".into(),
            verify_badge: "verified on SQLite 3.54.1 (sql.js): up, down, rows kept".into(),
        };
        let frag = to_fragment(&state);
        assert!(frag.starts_with("s="));
        assert_eq!(from_fragment(&format!("#{frag}")).unwrap().unwrap(), state);
        assert_eq!(
            from_fragment(&format!("x=1&{frag}")).unwrap().unwrap(),
            state
        );
        assert!(from_fragment("#other=1").is_none());
        assert!(from_fragment("#s=!!!").unwrap().is_err());
        assert!(from_fragment("#s=AAAA").unwrap().is_err());
        // A link made before models existed opens as SQL on both sides.
        let old = r#"{"v":1,"d":"postgres","c":"a","t":"b","o":"up"}"#;
        let packed = miniz_oxide::deflate::compress_to_vec(old.as_bytes(), 6);
        let st = decode(&base64url_encode(&packed)).unwrap();
        assert!(st.current_models.is_empty() && st.desired_models.is_empty());
        assert_eq!(st.desired, "b");
    }

    #[test]
    fn large_state_compresses() {
        let table = "CREATE TABLE t (id integer PRIMARY KEY, name text NOT NULL);\n";
        let state = SavedState {
            version: STATE_VERSION,
            current: table.repeat(2000),
            desired: table.repeat(2001),
            ..Default::default()
        };
        let enc = encode(&state, 6);
        assert!(enc.len() < state.current.len() / 20, "{} bytes", enc.len());
        assert_eq!(decode(&enc).unwrap(), state);
    }
}
