//! The segmentation benchmark (`scripts/bench-segments` runs it; not a test: it prints
//! figures and asserts nothing). Planted surveys over a grid of cells (`planted.rs`) go
//! through both automatic methods as the app runs them — read, guard, column kinds,
//! then latent classes (Auto by BIC) and similar answers (k-medoids, Auto by stability
//! and silhouette) — and each cell reports, per method, the planted number against the
//! numbers chosen, the adjusted Rand index with the planted kinds and the time.
//! `reference.rs` writes the data for the StepMix comparison; `real.rs` runs both
//! methods on the real exports in `../shared/survey-samples/`.
//!
//! `cargo bench --bench segmentation -- [--grid reduced|full] [--seeds 10]
//!  [--out target/bench-segments] [--samples DIR]`

mod planted;
#[path = "../pipeline/quality.rs"]
mod quality;
mod real;
mod reference;

use std::time::Instant;

use persona_builder::pipeline::LoadedSurvey;
use persona_builder::privacy::PrivacySettings;
use persona_builder::segments::clustering::segment_among;
use persona_builder::segments::latent::{latent_classes, Verdict};
use persona_builder::segments::{Method, SegmentSettings};
use persona_builder::survey::ReadOptions;
use planted::{Cell, Separation};

/// What one method made of one survey.
pub struct Outcome {
    /// The number of segments reported; `None` for "no clear segments".
    pub chosen: Option<usize>,
    pub adjusted_rand: f64,
    /// The adjusted Rand index of the true model's own assignment (see `planted.rs`).
    pub oracle: f64,
    pub ms: f64,
}

fn main() {
    quality::self_check();
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let full = value("--grid").as_deref() == Some("full");
    let seeds: u64 = value("--seeds").map_or(10, |s| s.parse().expect("--seeds takes a number"));
    let out = std::path::PathBuf::from(value("--out").unwrap_or("target/bench-segments".into()));
    std::fs::create_dir_all(&out).expect("the output folder can be made");

    println!(
        "## Planted surveys ({} grid, {seeds} seeds a cell)\n",
        if full { "full" } else { "reduced" }
    );
    println!("| kinds | separation | missing | questions | respondents | method | chosen (seeds) | planted number | median ARI | oracle ARI | median time |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let methods: Vec<Method> = match value("--methods").as_deref() {
        Some("latent") => vec![Method::LatentClasses],
        _ => Method::ALL.to_vec(),
    };
    for cell in grid(full) {
        for &method in &methods {
            if method == Method::SimilarAnswers && cell.respondents > 20_000 && !full {
                continue;
            }
            let outcomes: Vec<Outcome> = (0..seeds).map(|seed| run(cell, seed, method)).collect();
            print_row(cell, method, &outcomes);
        }
    }
    reference::export(&out.join("reference"), seeds.min(5));
    let samples = value("--samples").unwrap_or_else(|| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/survey-samples").to_string()
    });
    real::report(std::path::Path::new(&samples));
}

/// The cells: every number of kinds and separation at the middle setting, then one
/// setting varied at a time (missing answers, questions, respondents), and pure noise.
fn grid(full: bool) -> Vec<Cell> {
    let base = Cell {
        kinds: 4,
        separation: Separation::Moderate,
        missing: 0.05,
        questions: 20,
        respondents: 3_000,
    };
    let mut cells = Vec::new();
    for kinds in [3, 4, 5, 6] {
        for separation in Separation::ALL {
            cells.push(Cell {
                kinds,
                separation,
                ..base
            });
        }
    }
    for missing in [0.0, 0.2] {
        cells.push(Cell { missing, ..base });
    }
    for questions in [10, 40] {
        cells.push(Cell { questions, ..base });
    }
    let sizes: &[usize] = if full {
        &[1_000, 10_000, 100_000]
    } else {
        &[1_000, 100_000]
    };
    for &respondents in sizes {
        cells.push(Cell {
            respondents,
            ..base
        });
    }
    for questions in [10, 20, 40] {
        cells.push(Cell {
            kinds: 0,
            questions,
            ..base
        });
    }
    cells.push(Cell {
        kinds: 0,
        respondents: 100_000,
        ..base
    });
    cells
}

/// A planted survey read as the app reads it.
fn load(csv: Vec<u8>) -> LoadedSurvey {
    LoadedSurvey::read(
        "planted.csv",
        csv,
        ReadOptions::default(),
        PrivacySettings::default(),
    )
    .expect("the planted survey reads")
}

/// One survey of `cell` through one method.
fn run(cell: Cell, seed: u64, method: Method) -> Outcome {
    let survey = planted::generate(cell, seed);
    let loaded = load(survey.csv);
    let rows: Vec<usize> = (0..loaded.survey.respondents()).collect();
    let settings = SegmentSettings {
        seed: 11 + seed,
        ..SegmentSettings::default()
    };
    let started = Instant::now();
    let (chosen, members): (Option<usize>, Vec<Vec<usize>>) = match method {
        Method::LatentClasses => {
            let found = latent_classes(&loaded.survey, &loaded.summaries, &rows, settings)
                .expect("the planted survey segments");
            let members = found.segments.into_iter().map(|s| s.members).collect();
            let chosen = (found.verdict != Verdict::NoClearSegments).then_some(found.fitted);
            (chosen.flatten(), members)
        }
        Method::SimilarAnswers => {
            let found = segment_among(&loaded.survey, &loaded.summaries, &rows, settings)
                .expect("the planted survey segments");
            (
                Some(found.fitted),
                found.segments.into_iter().map(|s| s.members).collect(),
            )
        }
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let labels: Vec<u8> = survey.truth.iter().map(|&t| t as u8).collect();
    let adjusted_rand = if members.is_empty() {
        0.0
    } else {
        quality::agreement(&members, &labels).adjusted_rand
    };
    let mut by_oracle = vec![Vec::new(); cell.kinds.max(1)];
    for (row, &kind) in survey.oracle.iter().enumerate() {
        by_oracle[kind].push(row);
    }
    let oracle = quality::agreement(&by_oracle, &labels).adjusted_rand;
    Outcome {
        chosen,
        adjusted_rand,
        oracle,
        ms,
    }
}

fn print_row(cell: Cell, method: Method, outcomes: &[Outcome]) {
    let mut chosen: Vec<String> = Vec::new();
    let mut tally: Vec<(Option<usize>, usize)> = Vec::new();
    for o in outcomes {
        match tally.iter_mut().find(|(c, _)| *c == o.chosen) {
            Some((_, n)) => *n += 1,
            None => tally.push((o.chosen, 1)),
        }
    }
    tally.sort();
    for (c, n) in tally {
        let what = c.map_or("none".to_string(), |c| c.to_string());
        chosen.push(format!("{what}×{n}"));
    }
    let planted = if cell.kinds == 0 {
        None
    } else {
        Some(cell.kinds)
    };
    let hits = outcomes.iter().filter(|o| o.chosen == planted).count();
    let median = |f: &dyn Fn(&Outcome) -> f64| {
        let mut v: Vec<f64> = outcomes.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (ari, oracle) = if cell.kinds == 0 {
        ("–".to_string(), "–".to_string())
    } else {
        let ari = format!("{:.3}", median(&|o| o.adjusted_rand));
        (ari, format!("{:.3}", median(&|o| o.oracle)))
    };
    println!(
        "| {} | {} | {:.0}% | {} | {} | {} | {} | {}% | {} | {} | {:.0} ms |",
        if cell.kinds == 0 {
            "noise".to_string()
        } else {
            cell.kinds.to_string()
        },
        if cell.kinds == 0 {
            "–"
        } else {
            cell.separation.label()
        },
        cell.missing * 100.0,
        cell.questions,
        cell.respondents,
        method.label(),
        chosen.join(", "),
        100 * hits / outcomes.len(),
        ari,
        oracle,
        median(&|o| o.ms),
    );
}
