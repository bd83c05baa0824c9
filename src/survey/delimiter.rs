//! Finding the delimiter of a CSV-like file: comma, semicolon, tab or pipe. Candidates
//! are tried with the csv parser itself, so a delimiter inside quotes never counts.

/// Delimiters tried, in order of preference when they fit equally well.
pub const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Records looked at when sniffing.
const SAMPLE_RECORDS: usize = 50;

/// A delimiter's name for the user.
pub fn name(delimiter: u8) -> &'static str {
    match delimiter {
        b',' => "comma",
        b';' => "semicolon",
        b'\t' => "tab",
        b'|' => "pipe",
        _ => "other",
    }
}

/// The delimiter that splits the first records into the most fields, most consistently.
pub fn sniff(text: &str) -> u8 {
    CANDIDATES
        .iter()
        .copied()
        .max_by_key(|&delimiter| {
            let widths = record_widths(text, delimiter);
            let header = widths.first().copied().unwrap_or(1);
            let consistent = widths.iter().filter(|&&w| w == header).count();
            // Prefer: more than one field, rows agreeing with the header, more fields;
            // ties go to the earlier candidate (max_by_key keeps the last, so reverse).
            (
                header > 1,
                consistent,
                header,
                std::cmp::Reverse(CANDIDATES.iter().position(|&c| c == delimiter)),
            )
        })
        .unwrap_or(b',')
}

fn record_widths(text: &str, delimiter: u8) -> Vec<usize> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
        .records()
        .take(SAMPLE_RECORDS)
        .map_while(Result::ok)
        .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
        .map(|r| r.len())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_delimiter() {
        assert_eq!(sniff("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff("a;b;c\n1;2,5;3\n"), b';');
        assert_eq!(sniff("a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff("a|b|c\n1|2|3\n"), b'|');
    }

    #[test]
    fn ignores_delimiters_inside_quotes() {
        // Tabs and semicolons inside quoted comments must not win over the commas.
        let text = "id,comment,score\n1,\"a\tb\tc\td;e;f\",3\n2,\"x\ty\",4\n";
        assert_eq!(sniff(text), b',');
        let kobo = "\"start\";\"group/q1\";\"comment\"\n\"2024\";\"yes\";\"one, two, three\"\n";
        assert_eq!(sniff(kobo), b';');
    }

    #[test]
    fn a_single_column_file_falls_back_to_comma() {
        assert_eq!(sniff("answer\nyes\nno\n"), b',');
    }
}
