//! The column store (`survey::Answers`: each distinct answer once, a code per respondent)
//! gives what reading cell by cell gives: every answer in its row, counts as a tally of
//! the rows, and personas by one answer holding exactly the rows that gave it — on
//! generated surveys with spelling variants, stray spaces, check-all answers, ages, dates
//! and free text.

use std::collections::HashMap;
use std::rc::Rc;

use persona_builder::columns::{chosen, ColumnKind};
use persona_builder::pipeline::{build, GroupBy, LoadedSurvey, Recipe};
use persona_builder::privacy::MIN_GROUP_SIZE;
use persona_builder::segments::group_by;
use persona_builder::survey::{read_detected, Answers, Fingerprint};
use proptest::prelude::*;
use time::macros::datetime;

const GENDERS: [&str; 7] = ["Female", "female ", "F", "Male", " male", "M", ""];
const CLINICS: [&str; 4] = ["Riverside", "Northgate", "Harbour View", "Riverside "];
const CONDITIONS: [&str; 5] = ["Diabetes", "Asthma;Diabetes", "Asthma", "", "COPD;Asthma"];
const SATISFIED: [&str; 5] = [
    "Very satisfied",
    "Satisfied",
    "Neutral",
    "Dissatisfied",
    "Very dissatisfied",
];

/// One respondent's choices, by index into the answer lists.
type Row = (usize, usize, usize, usize, u8, u16, u32);

fn csv(rows: &[Row]) -> String {
    let mut text = String::from(
        "Gender,Which clinic?,Conditions (select all that apply),How satisfied are you?,Age,Visit date,Comments\n",
    );
    for &(g, c, k, s, age, day, comment) in rows {
        text.push_str(&format!(
            "{},{},{},{},{age},2026-{:02}-{:02},\"I came on day {day} and waited {comment} minutes\"\n",
            GENDERS[g],
            CLINICS[c],
            CONDITIONS[k],
            SATISFIED[s],
            1 + day % 12,
            1 + day % 28,
        ));
    }
    text
}

/// Counts as the app lists them: most frequent first, ties in first-seen order.
fn tally<'a>(values: impl Iterator<Item = &'a str>) -> Vec<(String, usize)> {
    let mut order: Vec<(String, usize)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for v in values {
        match at.get(v) {
            Some(&i) => order[i].1 += 1,
            None => {
                at.insert(v, order.len());
                order.push((v.to_string(), 1));
            }
        }
    }
    order.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    order
}

fn row_strategy() -> impl Strategy<Value = Row> {
    (
        0..7usize,
        0..4usize,
        0..5usize,
        0..5usize,
        18..99u8,
        0..400u16,
        0..90u32,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_store_reads_counts_and_segments_as_cell_by_cell(
        rows in proptest::collection::vec(row_strategy(), 30..200)
    ) {
        let text = csv(&rows);
        // Reading: every answer in its row, as the csv crate reads the cells.
        let survey = read_detected(text.as_bytes()).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for (c, column) in survey.columns().iter().enumerate() {
            prop_assert_eq!(column.answers.len(), records.len());
            for (row, record) in records.iter().enumerate() {
                prop_assert_eq!(column.answers[row].as_str(), record[c].trim());
            }
            let distinct: std::collections::HashSet<&str> =
                records.iter().map(|r| r[c].trim()).collect();
            prop_assert_eq!(column.answers.distinct().len(), distinct.len());
        }

        // Counts: the summaries are a tally of the guarded survey's rows.
        let loaded = LoadedSurvey::open(
            "generated.csv",
            Rc::new(text.into_bytes().into()),
            Fingerprint::Hash,
            Recipe::default(),
            &mut |_| {},
        )
        .unwrap();
        for summary in &loaded.summaries {
            let answers = &loaded.survey.columns()[summary.index].answers;
            prop_assert_eq!(&loaded.survey.columns()[summary.index].name, &summary.name);
            let expected = if summary.kind == ColumnKind::MultiSelect {
                tally(answers.iter().flat_map(|a| chosen(a)))
            } else {
                tally(answers.iter().map(|a| a.trim()).filter(|a| !a.is_empty()))
            };
            let counts: Vec<(String, usize)> =
                summary.counts.iter().map(|c| (c.value.clone(), c.count)).collect();
            prop_assert_eq!(counts, expected, "{}", summary.name);
        }

        // Segments by one answer hold exactly the rows that gave it (unless the small
        // remainder was merged into one), and each persona is its segment.
        let clinic = loaded.summaries.iter().find(|s| s.name == "Which clinic?").unwrap();
        let grouping = group_by(&loaded.survey, clinic, MIN_GROUP_SIZE);
        let answers = &loaded.survey.columns()[clinic.index].answers;
        for segment in &grouping.segments {
            let merged = grouping.merged_into.as_ref();
            if merged.is_some_and(|m| segment.label.starts_with(m.as_str())) {
                continue;
            }
            let rows: Vec<usize> = (0..answers.len())
                .filter(|&row| answers[row].trim() == segment.label)
                .collect();
            prop_assert_eq!(&segment.members, &rows);
        }
        let now = datetime!(2026-12-01 09:00 UTC);
        if let Ok(built) = build(&loaded, GroupBy::Answer { column: clinic.index }, now) {
            let mut sizes: Vec<usize> = built.personas.iter().map(|p| p.segment.size).collect();
            let mut expected: Vec<usize> = grouping.segments.iter().map(|s| s.size()).collect();
            sizes.sort_unstable();
            expected.sort_unstable();
            prop_assert_eq!(sizes, expected);
        }
    }

    #[test]
    fn rewriting_distinct_answers_is_rewriting_every_cell(
        cells in proptest::collection::vec("[ab ]{0,3}", 0..80)
    ) {
        let mut answers: Answers = cells.iter().map(String::as_str).collect();
        let changed = answers.rewrite(|a| (a.trim() != a.as_str()).then(|| a.trim().into()));
        let trimmed: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        prop_assert!(answers.iter().map(|a| a.as_str()).eq(trimmed.iter().copied()));
        prop_assert_eq!(changed, cells.iter().filter(|c| c.trim() != c.as_str()).count());
    }
}
