//! The figures a persona's own data holds — its respondent counts, the survey's rows, its
//! number figures — which the app writes into the persona's texts ("…of 100000
//! respondents"). Such a figure is the app's, not a record number, so the identifier check
//! reads the texts with each one standing alone set aside; a figure joined to letters,
//! dashes or other digits ("MRN100000", "100000-4471", "07700 100000") is left in place
//! and still refused.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::personas::{Distribution, Persona};

/// The whole numbers a persona's data holds, which its texts may quote.
pub(super) struct OwnFigures(FxHashSet<u64>);

impl OwnFigures {
    /// The figures of `p`: its segment's size, the survey's rows (and a refreshing
    /// wave's), each trait's count, the model's fitted respondents, every whole number
    /// figure of its number questions and the counts of its timeline (a plan's reason
    /// quotes the figures of the wave it was adopted at).
    pub(super) fn of(p: &Persona) -> Self {
        let mut counts = vec![p.segment.size, p.provenance.rows];
        counts.extend(p.provenance.refreshed.as_ref().map(|w| w.rows));
        counts.extend(p.provenance.fit.as_ref().map(|f| f.fitted));
        counts.extend(p.traits.iter().map(|t| t.n));
        for wave in &p.waves {
            counts.extend([wave.size, wave.respondents]);
            counts.extend(wave.figures.iter().map(|f| f.n));
        }
        let mut figures: FxHashSet<u64> = counts.into_iter().map(|n| n as u64).collect();
        for number in &p.numbers {
            for d in [&number.segment, &number.overall] {
                figures.extend(distribution_figures(d));
            }
            figures.extend(number.edges.iter().filter_map(|&e| whole(e)));
        }
        OwnFigures(figures)
    }

    /// `text` with each of the figures that stands alone replaced by a placeholder word,
    /// for the identifier patterns to read; unchanged (and not copied) when it has none.
    pub(super) fn set_aside<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let bytes = text.as_bytes();
        let mut out: Option<String> = None;
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let own = text[start..i]
                .parse::<u64>()
                .is_ok_and(|n| self.0.contains(&n));
            if own && stands_alone(bytes, start, i) {
                let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
                out.push_str(&text[copied..start]);
                out.push_str("figure");
                copied = i;
            }
        }
        match out {
            Some(mut out) => {
                out.push_str(&text[copied..]);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(text),
        }
    }
}

fn distribution_figures(d: &Distribution) -> impl Iterator<Item = u64> + '_ {
    let quartiles = d.quartiles().into_iter().flatten().filter_map(whole);
    let bins = d.bins.iter().flatten().map(|&n| n as u64);
    std::iter::once(d.n as u64).chain(quartiles).chain(bins)
}

fn whole(x: f64) -> Option<u64> {
    (x.is_finite() && x >= 0.0 && x.fract() == 0.0 && x < 1e15).then_some(x as u64)
}

/// Whether the digits `bytes[start..end]` are a number of their own: not part of a
/// code (letters, `#`, `-`, `_`, `/`, `+`, `@` beside it), a decimal or grouped number
/// (`.` or `,` between digits), nor of a number written in spaced groups.
fn stands_alone(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let beyond_before = start.checked_sub(2).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    let beyond_after = bytes.get(end + 1).copied();
    side_free(before, beyond_before) && side_free(after, beyond_after)
}

/// Whether `next` (the byte beside the digits) and `beyond` (the one past it) leave them
/// standing alone on that side.
fn side_free(next: Option<u8>, beyond: Option<u8>) -> bool {
    let digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
    match next {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() || b"#-_/+@:'".contains(&b) => false,
        Some(b' ' | b'\t' | b'.' | b',' | b'(' | b')') => !digit(beyond),
        // Other punctuation, or a character beyond ASCII such as the en dash of a
        // range the app wrote ("100000–150000").
        Some(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(of: &[u64]) -> OwnFigures {
        OwnFigures(of.iter().copied().collect())
    }

    #[test]
    fn sets_aside_figures_standing_alone() {
        let own = figures(&[100_000, 4_200]);
        assert_eq!(
            own.set_aside("4200 of 100000 respondents (4%)."),
            "figure of figure respondents (4%)."
        );
        assert_eq!(own.set_aside("(100000)"), "(figure)");
        assert_eq!(own.set_aside("100000."), "figure.");
    }

    #[test]
    fn leaves_figures_joined_to_more() {
        let own = figures(&[100_000]);
        for text in [
            "MRN100000",
            "MRN-100000",
            "#100000",
            "100000-4471",
            "07700 100000",
            "100000 4471",
            "1000009",
            "3.100000",
            "100000,5",
            "x@100000",
        ] {
            assert_eq!(own.set_aside(text), text);
        }
        assert!(matches!(own.set_aside("no figure"), Cow::Borrowed(_)));
    }
}
