//! Input text with fast conversion from sqlparser locations (line, column) to byte offsets.

use sqlparser::tokenizer::Location;

pub struct Source<'a> {
    pub text: &'a str,
    /// Byte offsets of line starts, as `u32` (half the memory of `usize` on a multi-MB dump;
    /// an offset past 4 GiB is clamped, and sqlparser counts lines in `u64` anyway).
    line_starts: Vec<u32>,
}

/// A byte offset as stored in the line table.
fn offset32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // One pass; room for lines of 32 bytes on average (a pg_dump's are ~35), grown if
        // shorter.
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| offset32(i + 1)));
        Self { text, line_starts }
    }

    /// The text with lines as editors count them, ending at LF, CRLF or a lone CR (the
    /// tokenizer and [`Source::new`] count LF only); `None` when there is no lone CR, so
    /// both count the same.
    pub fn with_editor_lines(text: &'a str) -> Option<Self> {
        let bytes = text.as_bytes();
        let lone_cr = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
        if memchr::memchr(b'\r', bytes).is_none() || !(0..bytes.len()).any(lone_cr) {
            return None;
        }
        let mut line_starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || lone_cr(i) {
                line_starts.push(offset32(i + 1));
            }
        }
        Some(Self { text, line_starts })
    }

    /// Byte offset of a 1-based (line, column-in-characters) location.
    pub fn offset(&self, loc: Location) -> usize {
        if loc.line == 0 {
            return 0;
        }
        let line = (loc.line as usize - 1).min(self.line_starts.len() - 1);
        let start = self.line_starts[line] as usize;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.text.len(), |&e| e as usize);
        let slice = &self.text[start..end];
        let col = loc.column.saturating_sub(1) as usize;
        if slice.is_ascii() {
            return start + col.min(slice.len());
        }
        start
            + slice
                .char_indices()
                .nth(col)
                .map(|(i, _)| i)
                .unwrap_or(slice.len())
    }

    /// The 0-based line of a byte offset that is on line `from` or after it: a search
    /// forward from `from` (doubling steps, then a binary search in the last one) for callers
    /// that walk the text in order. The chunks of a pg_dump (one per object, ~10k in 4.7 MB)
    /// each asked for their line with a binary search over the whole table: 1.5% of the time.
    pub fn line_from(&self, from: usize, offset: usize) -> usize {
        let from = from.min(self.line_starts.len() - 1);
        let starts = &self.line_starts[from..];
        let off = offset32(offset);
        let mut step = 1;
        while step < starts.len() && starts[step] <= off {
            step *= 2;
        }
        let lo = step / 2;
        let window = &starts[lo..starts.len().min(step + 1)];
        from + lo + window.partition_point(|&s| s <= off).max(1) - 1
    }

    /// 1-based line and column of a byte offset.
    pub fn location(&self, offset: usize) -> (u32, u32) {
        // An offset inside a multi-byte character counts from the character's start (found by
        // the sql_postgres fuzz target: slicing there panicked).
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.line_starts.binary_search(&offset32(offset)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line] as usize;
        let col = self.text[start..offset.min(self.text.len())]
            .chars()
            .count();
        (line as u32 + 1, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_from_agrees_with_location() {
        let text = "a\n\nbb\nccc\n\n\n\n\n\n\n\n\nd\ne\n";
        let src = Source::new(text);
        for offset in 0..=text.len() {
            let line = src.location(offset).0 as usize - 1;
            for from in 0..=line {
                assert_eq!(
                    src.line_from(from, offset),
                    line,
                    "from {from}, offset {offset}"
                );
            }
        }
    }
}
