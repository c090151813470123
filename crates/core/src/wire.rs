//! geul's own compact binary form for what the build hands the app: the embedded index,
//! the search index and the text chunks.
//!
//! A generic decoder (serde with postcard) cost more of the app's wasm (docs/PERFORMANCE.md)
//! and read byte arrays one element at a time; this one is a few dozen lines. Integers are
//! LEB128 varints, strings and byte arrays are a length then their bytes, lists are a count
//! then their items. Each type writes and reads its fields in the same order; the
//! round-trip tests hold the two sides together.
//!
//! Every file starts with a header: `geul`, a byte for the kind of file and a byte for the
//! version of the format. A file of another kind, or written by a build of another format,
//! is refused by its header, never read as if it were this one.

/// The first bytes of every file in geul's binary form.
const MAGIC: &[u8; 4] = b"geul";

/// The version of the format, in every file's header. Raise it whenever what any file
/// holds, or the order it is written in, changes.
pub const FORMAT_VERSION: u8 = 2;

/// Which of geul's files a header announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// The post index the app embeds.
    SiteIndex = b'i' as isize,
    /// Cards beyond the embedded ones.
    CardChunk = b'c' as isize,
    /// The search index.
    SearchIndex = b's' as isize,
    /// Post texts, for result snippets.
    TextChunk = b't' as isize,
}

/// Why bytes could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum Damaged {
    /// Not the kind of file asked for (or not one of geul's files at all).
    OtherKind,
    /// This kind of file, written in another version of the format: by a build older or
    /// newer than the reader.
    OtherVersion(u8),
    /// Cut short or garbled.
    Garbled,
}

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damaged::OtherKind => write!(f, "not the kind of geul file expected here"),
            Damaged::OtherVersion(found) => write!(
                f,
                "written in format version {found}, and this build reads version \
                 {FORMAT_VERSION}: it comes from another build of the site"
            ),
            Damaged::Garbled => write!(f, "cut short or damaged"),
        }
    }
}

/// Appends values to a byte buffer.
#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    /// A file of `kind`, starting with its header.
    pub fn file(kind: FileKind) -> Writer {
        let mut bytes = MAGIC.to_vec();
        bytes.extend([kind as u8, FORMAT_VERSION]);
        Writer { bytes }
    }

    pub fn u32(&mut self, value: u32) {
        self.u64(u64::from(value));
    }

    pub fn u64(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    /// Signed, zigzag-encoded so small negative numbers stay small.
    pub fn i64(&mut self, value: i64) {
        self.u64(((value << 1) ^ (value >> 63)) as u64);
    }

    pub fn bool(&mut self, value: bool) {
        self.bytes.push(u8::from(value));
    }

    pub fn bytes(&mut self, value: &[u8]) {
        self.u32(value.len() as u32);
        self.bytes.extend_from_slice(value);
    }

    pub fn str(&mut self, value: &str) {
        self.bytes(value.as_bytes());
    }

    pub fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.u32(items.len() as u32);
        for item in items {
            each(self, item);
        }
    }
}

/// Reads values back; every method gives `None` for truncated or malformed input.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes }
    }

    /// A reader of a file of `kind`, past its header; refused if the header announces
    /// another kind of file or another version of the format.
    pub fn file(bytes: &'a [u8], kind: FileKind) -> Result<Reader<'a>, Damaged> {
        match bytes {
            [m0, m1, m2, m3, found_kind, version, rest @ ..]
                if [*m0, *m1, *m2, *m3] == *MAGIC && *found_kind == kind as u8 =>
            {
                if *version == FORMAT_VERSION {
                    Ok(Reader::new(rest))
                } else {
                    Err(Damaged::OtherVersion(*version))
                }
            }
            _ => Err(Damaged::OtherKind),
        }
    }

    /// True when every byte was read.
    pub fn is_done(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn u64(&mut self) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    pub fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    pub fn i64(&mut self) -> Option<i64> {
        let value = self.u64()?;
        Some((value >> 1) as i64 ^ -((value & 1) as i64))
    }

    pub fn bool(&mut self) -> Option<bool> {
        let (&byte, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        (byte <= 1).then_some(byte == 1)
    }

    pub fn bytes(&mut self) -> Option<&'a [u8]> {
        let len = self.u32()? as usize;
        if len > self.bytes.len() {
            return None;
        }
        let (value, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        Some(value)
    }

    pub fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?.to_vec()).ok()
    }

    /// A list of numbers written by [`Writer::list`] with [`Writer::u32`], in one tight
    /// loop: the site index holds one per post and per facet of a post (500,000 at 100,000
    /// posts), and a closure call per item was most of the time reading them.
    pub fn u32_list(&mut self) -> Option<Vec<u32>> {
        let count = self.u32()? as usize;
        // Every number takes at least a byte: a longer count is damage, not a reason to
        // reserve gigabytes.
        if count > self.bytes.len() {
            return None;
        }
        // Filled in place: at `opt-level = "z"` a `push` per number is a call per number.
        let mut items = vec![0u32; count];
        for item in &mut items {
            *item = self.u32()?;
        }
        Some(items)
    }

    pub fn list<T>(
        &mut self,
        mut each: impl FnMut(&mut Reader<'a>) -> Option<T>,
    ) -> Option<Vec<T>> {
        let count = self.u32()? as usize;
        // Every item takes at least a byte, so a damaged count cannot reserve gigabytes.
        let mut items = Vec::with_capacity(count.min(self.bytes.len()));
        for _ in 0..count {
            items.push(each(self)?);
        }
        Some(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut w = Writer::default();
        w.u32(0);
        w.u32(300);
        w.u32(u32::MAX);
        w.u64(u64::MAX);
        w.i64(-1_700_000_000);
        w.i64(i64::MIN);
        w.bool(true);
        w.str("라인에서");
        w.list(&[1u32, 2, 3], |w, &n| w.u32(n));
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.u32(), Some(0));
        assert_eq!(r.u32(), Some(300));
        assert_eq!(r.u32(), Some(u32::MAX));
        assert_eq!(r.u64(), Some(u64::MAX));
        assert_eq!(r.i64(), Some(-1_700_000_000));
        assert_eq!(r.i64(), Some(i64::MIN));
        assert_eq!(r.bool(), Some(true));
        assert_eq!(r.string().as_deref(), Some("라인에서"));
        assert_eq!(r.list(|r| r.u32()), Some(vec![1, 2, 3]));
        assert!(r.is_done());
    }

    #[test]
    fn a_list_of_numbers_reads_as_the_generic_list_does() {
        let numbers = [0u32, 127, 128, 300, 16_383, 16_384, u32::MAX, 5];
        let mut w = Writer::default();
        w.list(&numbers, |w, &n| w.u32(n));
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.u32_list().as_deref(), Some(&numbers[..]));
        assert!(r.is_done());
        // Cut anywhere, it is damaged, as the generic list says.
        for cut in 0..w.bytes.len() {
            let bytes = &w.bytes[..cut];
            assert_eq!(Reader::new(bytes).u32_list(), None, "cut at {cut}");
            assert_eq!(Reader::new(bytes).list(Reader::u32), None);
        }
        let huge_count = [0xff, 0xff, 0xff, 0xff, 0x0f];
        assert_eq!(Reader::new(&huge_count).u32_list(), None);
    }

    #[test]
    fn damaged_input_reads_as_none_not_a_panic() {
        let mut w = Writer::default();
        w.str("라인");
        let cut = &w.bytes[..w.bytes.len() - 1];
        assert_eq!(Reader::new(cut).string(), None);
        assert_eq!(Reader::new(&[0xff; 11]).u64(), None, "an endless varint");
        assert_eq!(Reader::new(&[2]).bool(), None);
        assert_eq!(
            Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10]).u32(),
            None,
            "too big"
        );
        let huge_count = [0xff, 0xff, 0xff, 0xff, 0x0f];
        assert_eq!(Reader::new(&huge_count).list(|r| r.u32()), None);
        let mut bad_utf8 = Writer::default();
        bad_utf8.bytes(&[0xff, 0xfe]);
        assert_eq!(Reader::new(&bad_utf8.bytes).string(), None);
    }

    #[test]
    fn a_file_is_read_only_under_its_own_header() {
        let mut w = Writer::file(FileKind::CardChunk);
        w.str("카드");
        let file = w.bytes;
        let mut r = Reader::file(&file, FileKind::CardChunk).unwrap();
        assert_eq!(r.string().as_deref(), Some("카드"));
        assert!(r.is_done());
        // Another kind of file, however well formed, is not read as this one.
        assert_eq!(
            Reader::file(&file, FileKind::SearchIndex).err(),
            Some(Damaged::OtherKind)
        );
        // Nor is anything without the header, or cut inside it.
        for bytes in [&b"gzip\x1f\x8b"[..], &file[..5], &[], &file[4..]] {
            assert_eq!(
                Reader::file(bytes, FileKind::CardChunk).err(),
                Some(Damaged::OtherKind)
            );
        }
        // A build of another format version: refused, and the message says so.
        let mut newer = file.clone();
        newer[5] = FORMAT_VERSION + 1;
        let refused = Reader::file(&newer, FileKind::CardChunk).err().unwrap();
        assert_eq!(refused, Damaged::OtherVersion(FORMAT_VERSION + 1));
        assert!(refused.to_string().contains("another build"), "{refused}");
    }
}
