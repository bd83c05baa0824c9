//! Proves the privacy guard end to end on generated surveys, through the same pipeline
//! the UI runs: planted identifiers never reach a persona, the library or an export, and
//! every exported count is 0 or at least the minimum group size.

use std::collections::HashSet;

use persona_builder::library::Library;
use persona_builder::persona_file::{export, import, ExportOptions};
use persona_builder::pipeline::{build_by_answer, LoadedSurvey};
use persona_builder::privacy::PrivacySettings;
use persona_builder::survey::ReadOptions;
use proptest::prelude::*;
use time::macros::datetime;
use time::OffsetDateTime;

const NOW: OffsetDateTime = datetime!(2026-11-24 10:00 UTC);

/// A planted column: its header and the value it holds for respondent i.
type Planted = (&'static str, fn(usize) -> String);

/// Identifier columns, named by the tools that write them, and their value for row i.
fn planted_columns() -> Vec<Planted> {
    vec![
        ("ResponseId", |i| format!("R_7QzPlanted{i:04}")),
        ("IPAddress", |i| format!("203.0.113.{}", i % 250)),
        ("LocationLatitude", |i| {
            format!("{:.6}", 52.205337 + i as f64 / 1e4)
        }),
        ("LocationLongitude", |i| {
            format!("{:.6}", 0.121817 + i as f64 / 1e4)
        }),
        ("RecipientEmail", |i| format!("r{i}@plant.example")),
        ("RecipientFirstName", |i| format!("Plantfirst{i}")),
        ("RecipientLastName", |i| format!("Plantlast{i}")),
        ("ExternalReference", |i| format!("EXTREF{i}")),
        ("Respondent ID", |i| format!("{}", 118_000_000_000usize + i)),
        ("Collector ID", |_| "431999999".to_string()),
        ("Email Address", |i| format!("m{i}@plant.example")),
        ("Email", |i| format!("f{i}@plant.example")),
        ("Name", |i| format!("Plantname Person{i}")),
        ("_uuid", |i| {
            format!("6fa459ea-ee8a-3ca4-894e-{:012}", 700_000_000 + i)
        }),
        ("_id", |i| format!("{}", 55_000 + i)),
        ("record_id", |i| format!("{}", 9_000 + i)),
        ("telephone_1", |i| format!("(555) 201-{:04}", i)),
        ("Home address", |i| format!("{i} Plantroad Lane")),
        ("Patient MRN", |i| format!("MRN{}", 6_100_000 + i)),
        ("NHS number", |i| format!("485 777 {:04}", 3_000 + i)),
        ("dob", |i| format!("1948-02-{:02}", 1 + i % 28)),
        ("ZIP", |i| format!("{:05}", 20_000 + i * 3)),
        ("Contact", |i| format!("c{i}@plant.example")),
        ("Call on", |i| format!("+1 415 555 {:04}", 4_000 + i)),
        ("Here", |i| format!("{:.6}", -33.868820 + i as f64 / 1e5)),
        ("Token ref", |i| format!("TK{i}Q{}", (i * 7_919) % 1_000)),
    ]
}

fn planted_survey(rows: usize) -> (String, HashSet<String>) {
    let columns = planted_columns();
    let mut planted = HashSet::new();
    let mut csv: Vec<String> = columns.iter().map(|(n, _)| n.to_string()).collect();
    csv.extend(["Who do you live with?", "Age", "Transport", "Comments"].map(String::from));
    let mut out = csv.join(",") + "\n";
    for i in 1..=rows {
        let mut row: Vec<String> = columns
            .iter()
            .map(|(_, make)| {
                let value = make(i);
                planted.insert(value.clone());
                format!("\"{value}\"")
            })
            .collect();
        row.push(["Partner", "Alone", "Family"][i % 3].to_string());
        row.push(format!("{}", if i % 9 == 0 { 92 } else { 30 + i % 50 }));
        row.push(["Car", "Bus", "Walk", "Car"][i % 4].to_string());
        let email = format!("note{i}@plant.example");
        planted.insert(email.clone());
        row.push(format!(
            "\"Ring 0161 496 {:04} or write to {email}, week {i}\"",
            i
        ));
        out.push_str(&(row.join(",") + "\n"));
    }
    planted.retain(|v| v.len() >= 6);
    (out, planted)
}

#[test]
fn planted_identifiers_reach_no_persona_library_or_export() {
    let (csv, planted) = planted_survey(150);
    let loaded = LoadedSurvey::read(
        "planted.csv",
        csv.as_bytes(),
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .expect("generated survey reads");
    let dropped: HashSet<&str> = loaded
        .report
        .dropped
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    for (name, _) in planted_columns() {
        assert!(dropped.contains(name), "{name} was not dropped");
    }
    assert!(loaded
        .report
        .dropped
        .iter()
        .all(|d| !d.reason.to_string().is_empty()));

    let column = loaded
        .summaries
        .iter()
        .position(|s| s.name == "Who do you live with?")
        .unwrap();
    let mut built = build_by_answer(&loaded, column, NOW).unwrap();
    while !built.quote_suggestions.is_empty() {
        built.approve_quote(0);
    }
    assert!(built.personas.iter().any(|p| !p.quotes.is_empty()));
    let mut library = Library::default();
    library.save(&built.personas, "", NOW).unwrap();
    let stored = serde_json::to_string(&library.to_stored()).unwrap();
    let exported = export(
        library.personas(),
        ExportOptions {
            include_quotes: true,
        },
        NOW,
    )
    .unwrap();

    // The analysed survey, the stored library and the export hold none of them.
    let analysed: String = loaded
        .survey
        .columns()
        .iter()
        .flat_map(|c| {
            c.answers
                .iter()
                .map(|a| a.to_string())
                .chain([c.name.clone()])
        })
        .collect::<Vec<_>>()
        .join("\n");
    for value in &planted {
        for (place, text) in [
            ("analysis", &analysed),
            ("library", &stored),
            ("export", &exported),
        ] {
            assert!(
                !text.contains(value.as_str()),
                "{value} reached the {place}"
            );
        }
    }
    assert!(exported.contains("[phone]") && exported.contains("[email]"));
    assert_eq!(import(exported.as_bytes()).unwrap(), library.personas());
}

/// A survey of three choice questions with the given answer-group sizes.
fn choice_survey(groups: &[usize], second: &[usize]) -> String {
    let mut csv = String::from("Group,Second,Third\n");
    let mut row = 0;
    for (g, &size) in groups.iter().enumerate() {
        for _ in 0..size {
            let s = second
                .iter()
                .scan(0, |acc, &n| {
                    *acc += n;
                    Some(*acc)
                })
                .position(|end| row % second.iter().sum::<usize>().max(1) < end)
                .unwrap_or(0);
            csv.push_str(&format!("G{g},S{s},T{}\n", (row * 7) % 3));
            row += 1;
        }
    }
    csv
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_exported_count_is_zero_or_at_least_k(
        groups in prop::collection::vec(0usize..40, 2..6),
        second in prop::collection::vec(1usize..30, 2..5),
        k in 11usize..25,
    ) {
        let csv = choice_survey(&groups, &second);
        let mut settings = PrivacySettings::default();
        settings.set_min_group_size(k).unwrap();
        let Ok(loaded) = LoadedSurvey::read("p.csv", csv.as_bytes(), ReadOptions::default(), settings) else {
            return Ok(()); // an empty survey is refused by the reader
        };
        let total = loaded.survey.respondents();
        let Some(column) = loaded.summaries.iter().position(|s| s.name == "Group" && s.can_group()) else {
            return Ok(());
        };
        let Ok(built) = build_by_answer(&loaded, column, NOW) else { return Ok(()) };
        let sizes: usize = built.personas.iter().map(|p| p.segment.size).sum();
        let outside = total - sizes;
        prop_assert!(outside == 0 || outside >= k, "outside {}", outside);
        let exported = export(&built.personas, ExportOptions::default(), NOW).unwrap();
        let file: serde_json::Value = serde_json::from_str(&exported).unwrap();
        for p in file["personas"].as_array().unwrap() {
            let size = p["segment"]["size"].as_u64().unwrap() as usize;
            prop_assert!(size >= k);
            let mut listed: std::collections::HashMap<&str, (usize, f64)> = Default::default();
            for t in p["traits"].as_array().unwrap() {
                let n = t["n"].as_u64().unwrap() as usize;
                prop_assert!(n >= k, "trait count {}", n);
                let overall = t["overall_pct"].as_f64().unwrap();
                let entry = listed.entry(t["attribute"].as_str().unwrap()).or_default();
                entry.0 += n;
                entry.1 += overall;
            }
            // Whatever a question's listed answers leave over is 0 or at least k,
            // in the segment and (to within rounding) among all respondents.
            for (attribute, (n, overall_pct)) in listed {
                let rest = size - n;
                prop_assert!(rest == 0 || rest >= k, "{} leaves {}", attribute, rest);
                let overall_rest = total as f64 * (100.0 - overall_pct) / 100.0;
                prop_assert!(overall_rest < 0.5 || overall_rest > k as f64 - 0.5,
                    "{} leaves {} overall", attribute, overall_rest);
            }
        }
    }
}
