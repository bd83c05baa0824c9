//! Survey-tool layouts through the whole reading path (read → guard → fold → kinds), for
//! the tools whose exports are not among the shared samples: our own small fixtures
//! written as those tools write them.

use persona_builder::columns::{chosen, ColumnKind};
use persona_builder::pipeline::LoadedSurvey;
use persona_builder::privacy::PrivacySettings;
use persona_builder::survey::{Layout, ReadOptions};

mod support;
use support::dropped;

fn load(name: &str, bytes: &[u8]) -> LoadedSurvey {
    LoadedSurvey::read(
        name,
        bytes,
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn layout(loaded: &LoadedSurvey) -> Layout {
    loaded.survey.format.as_ref().unwrap().layout
}

fn options_of(loaded: &LoadedSurvey, question: &str) -> Vec<Vec<String>> {
    let column = loaded
        .survey
        .columns()
        .iter()
        .find(|c| c.name == question)
        .unwrap_or_else(|| panic!("no column {question}"));
    column
        .answers
        .iter()
        .map(|a| chosen(a).map(String::from).collect())
        .collect()
}

fn kind_of(loaded: &LoadedSurvey, question: &str) -> ColumnKind {
    loaded
        .summaries
        .iter()
        .find(|s| s.name == question)
        .unwrap()
        .kind
}

/// KoboToolbox CSV: `;`, every field quoted, `group/question` headers, metadata at the end.
fn kobo(with_option_columns: bool) -> String {
    let mut header = vec!["start", "end", "clinic/travel", "clinic/channels"];
    let options = ["app", "text", "phone_call", "letter"];
    let option_headers: Vec<String> = options
        .iter()
        .map(|o| format!("clinic/channels/{o}"))
        .collect();
    if with_option_columns {
        header.extend(option_headers.iter().map(String::as_str));
    }
    header.extend(["_id", "_uuid", "_submission_time", "_index"]);
    let quoted = |cells: &[String]| {
        cells
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(";")
    };
    let mut lines = vec![quoted(
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )];
    let picks = [
        vec!["app", "text"],
        vec!["phone_call"],
        vec!["letter", "phone_call"],
        vec!["app"],
    ];
    for i in 0..24 {
        let picked = &picks[i % 4];
        let mut row = vec![
            format!("2025-03-{:02}T09:00:00.000+01:00", 1 + i % 20),
            format!("2025-03-{:02}T09:05:00.000+01:00", 1 + i % 20),
            ["bus", "car", "on_foot"][i % 3].to_string(),
            picked.join(" "),
        ];
        if with_option_columns {
            row.extend(
                options
                    .iter()
                    .map(|o| if picked.contains(o) { "1" } else { "0" }.to_string()),
            );
        }
        row.extend([
            format!("{}", 1000 + i),
            format!("6b3c1a2e-0000-4000-8000-{:012}", i),
            format!("2025-03-{:02}T08:05:10", 1 + i % 20),
            format!("{}", i + 1),
        ]);
        lines.push(quoted(&row));
    }
    lines.join("\r\n") + "\r\n"
}

#[test]
fn kobo_select_multiple_folds_with_or_without_its_option_columns() {
    for with_option_columns in [false, true] {
        let loaded = load("kobo.csv", kobo(with_option_columns).as_bytes());
        assert_eq!(layout(&loaded), Layout::KoboToolbox);
        for meta in ["_id", "_uuid", "_submission_time", "start", "end"] {
            assert!(dropped(&loaded).contains(&meta), "{meta} dropped");
        }
        let mut options = options_of(&loaded, "clinic/channels");
        options.iter_mut().for_each(|o| o.sort());
        assert_eq!(options[0], ["app", "text"], "{with_option_columns}");
        assert_eq!(
            options[2],
            ["letter", "phone_call"],
            "{with_option_columns}"
        );
        assert_eq!(kind_of(&loaded, "clinic/channels"), ColumnKind::MultiSelect);
        // A single choice of option names is not split.
        assert_eq!(kind_of(&loaded, "clinic/travel"), ColumnKind::Categorical);
    }
}

#[test]
fn space_separated_free_text_is_not_a_multi_select_even_in_kobo() {
    let mut csv = String::from("\"comment\";\"rating\";\"_id\";\"_uuid\";\"_submission_time\"\n");
    for i in 0..20 {
        csv.push_str(&format!(
            "\"the bus was late {}\";\"{}\";\"{i}\";\"u{i}\";\"2025-03-01T08:00:00\"\n",
            ["again", "today", "as ever"][i % 3],
            ["Very good", "Good", "Very poor"][i % 3]
        ));
    }
    let loaded = load("kobo.csv", csv.as_bytes());
    assert_eq!(layout(&loaded), Layout::KoboToolbox);
    assert_ne!(kind_of(&loaded, "comment"), ColumnKind::MultiSelect);
    assert_ne!(
        kind_of(&loaded, "rating"),
        ColumnKind::MultiSelect,
        "labels stay whole"
    );
}

#[test]
fn a_microsoft_forms_workbook_drops_its_fields_and_folds_its_multi_selects() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ms-forms.xlsx");
    let loaded = load("ms-forms.xlsx", &std::fs::read(path).unwrap());
    assert_eq!(layout(&loaded), Layout::MicrosoftForms);
    for field in ["ID", "Start time", "Completion time", "Email", "Name"] {
        assert!(dropped(&loaded).contains(&field), "{field} dropped");
    }
    let question = "How would you like to hear from us?";
    assert_eq!(kind_of(&loaded, question), ColumnKind::MultiSelect);
    let options = options_of(&loaded, question);
    assert_eq!(options[0], ["Text message", "App"]);
    assert_eq!(
        options[1],
        ["Phone call"],
        "the trailing ; leaves no empty option"
    );
    assert_eq!(
        kind_of(&loaded, "How do you get to the clinic?"),
        ColumnKind::Categorical
    );
}
