//! How a tool joins a check-all question's options in one cell, and a cell's options
//! split apart again (brackets and numbers with thousands commas kept whole).

/// How the options of one answer are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Separator {
    /// `,` — `comma_space` when the tool writes `, ` (Google Forms) rather than `,`
    /// (Qualtrics choice text).
    Comma {
        space: bool,
    },
    Semicolon,
    Pipe,
    Newline,
    /// KoboToolbox: option names joined by single spaces.
    Space,
}

impl Separator {
    /// A cell's options as written: its pieces between separators, trimmed, empty
    /// ones dropped.
    pub(super) fn pieces(self, cell: &str) -> Vec<&str> {
        match self {
            Separator::Space => cell.split(' ').filter(|p| !p.is_empty()).collect(),
            other => pieces(cell, other.char()),
        }
    }

    /// The character that splits options.
    fn char(self) -> char {
        match self {
            Separator::Comma { .. } => ',',
            Separator::Semicolon => ';',
            Separator::Pipe => '|',
            Separator::Newline => '\n',
            Separator::Space => ' ',
        }
    }

    /// How options are joined again ([`super::Fold::unfold`]).
    pub fn joiner(self) -> &'static str {
        match self {
            Separator::Comma { space: true } => ", ",
            Separator::Comma { space: false } => ",",
            Separator::Semicolon => ";",
            Separator::Pipe => "|",
            Separator::Newline => "\n",
            Separator::Space => " ",
        }
    }

    /// The separator as the page names it.
    pub fn label(self) -> &'static str {
        match self {
            Separator::Comma { .. } => "commas",
            Separator::Semicolon => "semicolons",
            Separator::Pipe => "“|”",
            Separator::Newline => "line breaks",
            Separator::Space => "spaces",
        }
    }
}

/// The separators tried, in this order, in any tool's export.
pub(super) const SEPARATORS: [Separator; 4] = [
    Separator::Pipe,
    Separator::Semicolon,
    Separator::Newline,
    Separator::Comma { space: true },
];

/// The pieces of a cell between separators outside brackets, trimmed, empty ones
/// dropped (Microsoft Forms ends every list with `;`). A comma between digits
/// (`$50,000`) is part of a number, not a separator.
fn pieces(cell: &str, separator: char) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    let bytes = cell.as_bytes();
    let in_number = |i: usize| {
        separator == ','
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    for (i, c) in cell.char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = (depth - 1).max(0),
            c if c == separator && depth == 0 && !in_number(i) => {
                pieces.push(cell[start..i].trim());
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    pieces.push(cell[start..].trim());
    pieces.retain(|p| !p.is_empty());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_splits_outside_brackets_and_numbers() {
        let comma = Separator::Comma { space: true };
        assert_eq!(
            comma.pieces("Bus, Car (mine, or a friend's), $50,000 a year,"),
            ["Bus", "Car (mine, or a friend's)", "$50,000 a year"]
        );
        assert_eq!(Separator::Semicolon.pieces("App;Text;"), ["App", "Text"]);
        assert_eq!(
            Separator::Space.pieces("sms  phone_call"),
            ["sms", "phone_call"]
        );
    }
}
