//! Columns that belong with others: the rows of a grid (matrix) question, which share
//! its stem — `Question [Row]` (Google Forms, LimeSurvey `Q3[SQ001]`), `Question — Row`
//! (SurveyMonkey), `Stem - Row (Q3_1)` or bare `Q3_1…Q3_7` (Qualtrics), or three or
//! more `Stem - Row` in a row (REDCap labels such as `Comorbidities - Asthma`) — and the text
//! typed for a question's "Other (please specify)", which belongs to that question.

use super::Part;
use crate::survey::{is_other_text, Column};

/// Each column's part, in file order (`None` for a question of its own).
pub fn parts(columns: &[Column]) -> Vec<Option<Part>> {
    let mut parts: Vec<Option<Part>> = vec![None; columns.len()];
    let mut question: Option<&str> = None;
    for (i, column) in columns.iter().enumerate() {
        if is_other_text(&column.name) {
            let named = column
                .name
                .rsplit_once(" — ")
                .map(|(q, _)| q)
                .filter(|q| columns[..i].iter().any(|c| c.name == *q));
            if let Some(question) = named.or(question) {
                parts[i] = Some(Part::OtherText {
                    question: question.to_string(),
                });
            }
        } else {
            question = Some(&column.name);
        }
    }
    let rows: Vec<Option<GridRow>> = columns
        .iter()
        .zip(&parts)
        .map(|(c, part)| part.is_none().then(|| grid_row(&c.name)).flatten())
        .collect();
    let mut start = 0;
    while start < columns.len() {
        let Some(first) = &rows[start] else {
            start += 1;
            continue;
        };
        let end = (start..columns.len())
            .find(|&j| rows[j].as_ref().is_none_or(|r| r.key != first.key))
            .unwrap_or(columns.len());
        if end - start >= first.least {
            for j in start..end {
                let row = rows[j].clone().expect("in the run");
                parts[j] = Some(Part::GridRow {
                    stem: row.stem,
                    row: row.row,
                });
            }
        }
        start = end;
    }
    parts
}

/// A column's name read as one row of a grid.
#[derive(Clone)]
struct GridRow {
    /// What rows of one grid share (a Qualtrics tag's stem, or the stem itself).
    key: String,
    stem: String,
    row: String,
    /// How many such rows in a row make a grid.
    least: usize,
}

/// The column's name as one row of a grid, if it reads as one.
fn grid_row(name: &str) -> Option<GridRow> {
    let name = name.trim();
    // Qualtrics, as shaped: "Stem - Row (Q3_1)"; or a bare export tag "Q3_1".
    let (text, tag) = match name.rsplit_once(" (") {
        Some((text, tag)) if tag.ends_with(')') => (Some(text), &tag[..tag.len() - 1]),
        _ => (None, name),
    };
    if let Some((tag_stem, number)) = tag.rsplit_once('_') {
        let numbered = !number.is_empty() && number.chars().all(|c| c.is_ascii_digit());
        let tag_like = !tag_stem.is_empty() && !tag_stem.contains(' ');
        if numbered && tag_like {
            let (stem, row) = match text.and_then(|t| t.rsplit_once(" - ")) {
                Some((stem, row)) => (stem.trim(), row.trim()),
                None => (text.unwrap_or(tag_stem), number),
            };
            return Some(GridRow {
                key: tag_stem.to_string(),
                stem: stem.to_string(),
                row: row.to_string(),
                least: 2,
            });
        }
    }
    let marked = name
        .strip_suffix(']')
        .and_then(|rest| rest.rsplit_once('['))
        .or_else(|| name.rsplit_once(" — "));
    let (least, (stem, row)) = match marked {
        Some(split) => (2, split),
        None => (3, name.split_once(" - ")?),
    };
    let (stem, row) = (stem.trim(), row.trim());
    (!stem.is_empty() && !row.is_empty()).then(|| GridRow {
        key: stem.to_string(),
        stem: stem.to_string(),
        row: row.to_string(),
        least,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(names: &[&str]) -> Vec<Column> {
        names
            .iter()
            .map(|n| Column {
                name: n.to_string(),
                answers: crate::survey::Answers::default(),
            })
            .collect()
    }

    fn grid(stem: &str, row: &str) -> Option<Part> {
        Some(Part::GridRow {
            stem: stem.into(),
            row: row.into(),
        })
    }

    #[test]
    fn grid_rows_share_their_stem_in_every_tools_naming() {
        let found = parts(&columns(&[
            "Age",
            "How easy is it to use? [Booking]",
            "How easy is it to use? [Parking]",
            "Q3[SQ001]",
            "Q3[SQ002]",
            "How satisfied are you with - Staff (Q4_1)",
            "How satisfied are you with - Waiting time (Q4_2)",
            "Q5_1",
            "Q5_2",
            "Q5_3",
            "Lonely [row]",
            "Comorbidities - Asthma",
            "Comorbidities - COPD",
            "Comorbidities - Stroke",
            "Travel - by bus",
            "Travel - by car",
        ]));
        assert_eq!(found[0], None);
        assert_eq!(found[1], grid("How easy is it to use?", "Booking"));
        assert_eq!(found[4], grid("Q3", "SQ002"));
        assert_eq!(found[6], grid("How satisfied are you with", "Waiting time"));
        assert_eq!(found[9], grid("Q5", "3"));
        assert_eq!(found[10], None, "one row alone is no grid");
        assert_eq!(found[13], grid("Comorbidities", "Stroke"));
        assert_eq!(found[14], None, "two plain dashes are not enough");
    }

    #[test]
    fn other_text_belongs_to_its_question() {
        let found = parts(&columns(&[
            "Where do you sleep?",
            "Where do you sleep? — Other (please specify)",
            "How did you hear? (Q5)",
            "How did you hear? - Other - Text (Q5_4_TEXT)",
        ]));
        assert_eq!(
            found[1],
            Some(Part::OtherText {
                question: "Where do you sleep?".into()
            })
        );
        assert_eq!(
            found[3],
            Some(Part::OtherText {
                question: "How did you hear? (Q5)".into()
            })
        );
        assert_eq!(found[0], None);
    }
}
