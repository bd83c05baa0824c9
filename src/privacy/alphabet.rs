//! Sets of ASCII bytes, and the stretches of a text made of one: the patterns that name
//! the bytes their matches are made of (`patterns::Pattern::made_of`) are searched only
//! in such stretches.

/// A set of ASCII bytes, as a table to look each byte up in.
#[derive(Clone, Copy)]
pub struct Alphabet([bool; 256]);

impl Alphabet {
    /// The bytes of `ranges` (inclusive), `\s`'s white space when `spaces`.
    pub const fn of(ranges: &[(u8, u8)], spaces: bool) -> Alphabet {
        let mut table = [false; 256];
        let mut r = 0;
        while r < ranges.len() {
            let mut b = ranges[r].0;
            while b <= ranges[r].1 {
                table[b as usize] = true;
                b += 1;
            }
            r += 1;
        }
        if spaces {
            let mut b = 0;
            while b < 128 {
                if is_space(b) {
                    table[b as usize] = true;
                }
                b += 1;
            }
        }
        Alphabet(table)
    }

    pub fn has(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }
}

/// The maximal runs of bytes of `text` that `alphabet` takes, as byte ranges.
pub fn stretches(text: &str, alphabet: Alphabet) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + bytes[at..].iter().position(|&b| alphabet.has(b))?;
        let end = bytes[start..]
            .iter()
            .position(|&b| !alphabet.has(b))
            .map_or(bytes.len(), |n| start + n);
        at = end;
        Some((start, end))
    })
}

/// White space as `\s` in the patterns sees it (ASCII, vertical tab included).
pub const fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0B
}
