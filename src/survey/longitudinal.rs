//! REDCap longitudinal projects: a record's answers are spread over one row per event
//! (`redcap_event_name`: `enrollment_arm_1`, `visit_1_arm_1`…). Analysis wants one
//! respondent per record, so the rows are brought together: each question's answer is
//! the record's at the event chosen (by default the first event with most answers), and
//! a question nobody answered at that event (a form filled in at another event, such as
//! demographics at enrolment) takes the record's earliest answer.

use crate::wording::counted;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::{Answer, Column, Survey};

/// The column REDCap names each row's event in.
pub const EVENT_COLUMN: &str = "redcap_event_name";
/// Columns of REDCap's repeating instruments: rows that repeat a form.
const REPEAT_COLUMNS: [&str; 2] = ["redcap_repeat_instrument", "redcap_repeat_instance"];

/// One event of the project, as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The event's unique name without its arm (`visit_1` for `visit_1_arm_1`).
    pub name: String,
    /// Records with a row at this event (a count of people: shown only when 0 or ≥ k).
    pub records: usize,
    /// Answers given at this event, all records together.
    pub answers: usize,
}

/// How a longitudinal export was brought to one row per record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Longitudinal {
    /// Every event, in the order the file first names them.
    pub events: Vec<Event>,
    /// The event whose answers are analysed.
    pub chosen: String,
    /// Questions nobody answered at the chosen event, taken from the record's earliest
    /// answer at another event.
    pub carried: Vec<String>,
}

/// The event's name without REDCap's `_arm_N` suffix.
fn event_name(value: &str) -> &str {
    let value = value.trim();
    match value.rsplit_once("_arm_") {
        Some((name, arm)) if !arm.is_empty() && arm.chars().all(|c| c.is_ascii_digit()) => name,
        _ => value,
    }
}

/// The survey with one row per record, answers taken at `event` (or the first event
/// with most answers when `event` is `None` or not in the file); unchanged, with `None`,
/// when it has no event column.
pub fn one_row_per_record(survey: Survey, event: Option<&str>) -> (Survey, Option<Longitudinal>) {
    let columns = survey.columns();
    let Some(event_index) = columns.iter().position(|c| c.name == EVENT_COLUMN) else {
        return (survey, None);
    };
    let record_index = usize::from(event_index == 0);
    let repeat_index = columns.iter().position(|c| c.name == REPEAT_COLUMNS[0]);
    let skipped = |i: usize| i == event_index || REPEAT_COLUMNS.contains(&columns[i].name.as_str());
    let row_event = |row: usize| event_name(&columns[event_index].answers[row]);
    let repeated =
        |row: usize| repeat_index.is_some_and(|i| !columns[i].answers[row].trim().is_empty());

    // Records in order of first appearance, with their rows.
    let mut records: Vec<(&str, Vec<usize>)> = Vec::new();
    let mut position: FxHashMap<&str, usize> = FxHashMap::default();
    for row in 0..survey.respondents() {
        let id = columns[record_index].answers[row].trim();
        let at = *position.entry(id).or_insert_with(|| {
            records.push((id, Vec::new()));
            records.len() - 1
        });
        records[at].1.push(row);
    }
    let mut events: Vec<Event> = Vec::new();
    for (_, rows) in &records {
        let mut seen: Vec<&str> = Vec::new();
        for &row in rows {
            let name = row_event(row);
            let answers = (0..columns.len())
                .filter(|&i| i != record_index && !skipped(i))
                .filter(|&i| !columns[i].answers[row].trim().is_empty())
                .count();
            let index = match events.iter().position(|e| e.name == name) {
                Some(i) => i,
                None => {
                    events.push(Event {
                        name: name.to_string(),
                        records: 0,
                        answers: 0,
                    });
                    events.len() - 1
                }
            };
            events[index].answers += answers;
            if !seen.contains(&name) {
                seen.push(name);
                events[index].records += 1;
            }
        }
    }
    let most = events.iter().map(|e| e.answers).max().unwrap_or(0);
    let chosen = event
        .map(event_name)
        .filter(|name| events.iter().any(|e| e.name == *name))
        .or_else(|| {
            events
                .iter()
                .find(|e| e.answers == most)
                .map(|e| e.name.as_str())
        })
        .unwrap_or_default()
        .to_string();
    let at_chosen: Vec<Option<usize>> = records
        .iter()
        .map(|(_, rows)| {
            rows.iter()
                .copied()
                .find(|&r| row_event(r) == chosen && !repeated(r))
        })
        .collect();
    let mut carried = Vec::new();
    let merged: Vec<Column> = columns
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped(*i))
        .map(|(i, column)| {
            let answered_at_chosen = at_chosen
                .iter()
                .flatten()
                .any(|&row| !column.answers[row].trim().is_empty());
            if !answered_at_chosen && i != record_index {
                carried.push(column.name.clone());
            }
            let answers = records
                .iter()
                .zip(&at_chosen)
                .map(|((id, rows), chosen_row)| {
                    if i == record_index {
                        Answer::from(*id)
                    } else if answered_at_chosen {
                        chosen_row.map_or_else(Answer::default, |row| column.answers[row].clone())
                    } else {
                        rows.iter()
                            .map(|&row| &column.answers[row])
                            .find(|a| !a.trim().is_empty())
                            .cloned()
                            .unwrap_or_default()
                    }
                })
                .collect();
            Column {
                name: column.name.clone(),
                answers,
            }
        })
        .collect();
    let mut survey = survey.with_columns(merged);
    survey.warnings.push(format!(
        "REDCap longitudinal project: one respondent per record, with the answers given at the event “{chosen}”{}.",
        if carried.is_empty() {
            String::new()
        } else {
            format!(
                "; {} not asked at that event keep each record's earliest answer",
                counted(carried.len(), "question")
            )
        }
    ));
    let longitudinal = Longitudinal {
        events,
        chosen,
        carried,
    };
    (survey, Some(longitudinal))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::read_detected;

    const CSV: &str = "study_id,redcap_event_name,age,sex,weight,pmq1\n\
        100,enrollment_arm_1,31,1,80,\n\
        100,visit_1_arm_1,,,82,2\n\
        100,visit_2_arm_1,,,83,3\n\
        220,enrollment_arm_1,45,0,66,\n\
        220,visit_1_arm_1,,,67,1\n\
        304,enrollment_arm_2,52,1,70,\n\
        304,visit_1_arm_2,,,71,0\n";

    fn merged(event: Option<&str>) -> (Survey, Longitudinal) {
        let (survey, longitudinal) =
            one_row_per_record(read_detected(CSV.as_bytes()).unwrap(), event);
        (survey, longitudinal.expect("longitudinal"))
    }

    fn column<'a>(survey: &'a Survey, name: &str) -> Vec<&'a str> {
        let column = survey.columns().iter().find(|c| c.name == name).unwrap();
        column.answers.iter().map(|a| a.as_str()).collect()
    }

    #[test]
    fn one_respondent_per_record_at_the_event_with_most_answers() {
        let (survey, longitudinal) = merged(None);
        assert_eq!(survey.respondents(), 3);
        let names: Vec<_> = longitudinal
            .events
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(names, ["enrollment", "visit_1", "visit_2"]);
        assert_eq!(longitudinal.chosen, "enrollment");
        assert_eq!(
            longitudinal.events[0].records, 3,
            "both arms count as one event"
        );
        assert_eq!(column(&survey, "study_id"), ["100", "220", "304"]);
        assert_eq!(column(&survey, "weight"), ["80", "66", "70"]);
        // Asked only at visits: each record's earliest answer.
        assert_eq!(column(&survey, "pmq1"), ["2", "1", "0"]);
        assert_eq!(longitudinal.carried, ["pmq1"]);
        assert!(survey.columns().iter().all(|c| c.name != EVENT_COLUMN));
    }

    #[test]
    fn another_event_can_be_chosen() {
        let (survey, longitudinal) = merged(Some("visit_1_arm_1"));
        assert_eq!(longitudinal.chosen, "visit_1");
        assert_eq!(column(&survey, "weight"), ["82", "67", "71"]);
        assert_eq!(
            column(&survey, "age"),
            ["31", "45", "52"],
            "demographics carried"
        );
        let (_, unknown) = merged(Some("no_such_event"));
        assert_eq!(unknown.chosen, "enrollment");
    }

    #[test]
    fn a_survey_without_events_is_left_alone() {
        let survey = read_detected(b"a,b\n1,2\n").unwrap();
        let (same, none) = one_row_per_record(survey.clone(), None);
        assert_eq!((same, none), (survey, None));
    }
}
