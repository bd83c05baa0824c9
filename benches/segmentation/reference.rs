//! The data for the StepMix comparison (`scripts/stepmix-reference.py`, run by
//! `scripts/bench-segments` in a throwaway virtual environment): for planted surveys
//! of 3–6 kinds (clear and moderate, 20 questions, 3,000 respondents) the items exactly
//! as our model sees them (level codes, blank when missing), our fit with the planted
//! number of classes on all respondents (log-likelihood, parameters, BIC) and our
//! partition. StepMix then fits the same number of classes to the same codes.

use std::fmt::Write;
use std::path::Path;

use persona_builder::columns::ColumnSummary;
use persona_builder::segments::latent::{fit, ClassCount, Data, MISSING, STARTS};
use persona_builder::segments::{can_shape_segments, DEFAULT_SEED};
use rand::SeedableRng;
use rand_xorshift::XorShiftRng;

use crate::planted::{self, Cell, Separation};

/// Writes `<dir>/<cell>.csv` (codes and our class per respondent) and `<dir>/<cell>.json`
/// (our figures) for each reference cell and seed.
pub fn export(dir: &Path, seeds: u64) {
    std::fs::create_dir_all(dir).expect("the reference folder can be made");
    for kinds in [3, 4, 5, 6] {
        for separation in [Separation::Clear, Separation::Moderate] {
            for seed in 0..seeds {
                let cell = Cell {
                    kinds,
                    separation,
                    missing: 0.05,
                    questions: 20,
                    respondents: 3_000,
                };
                let name = format!("{kinds}-{}-{seed}", separation.label());
                write_one(dir, &name, cell, seed);
            }
        }
    }
}

fn write_one(dir: &Path, name: &str, cell: Cell, seed: u64) {
    let survey = planted::generate(cell, seed);
    let loaded = crate::load(survey.csv);
    let questions: Vec<&ColumnSummary> = loaded
        .summaries
        .iter()
        .filter(|s| can_shape_segments(s))
        .collect();
    let rows: Vec<usize> = (0..loaded.survey.respondents()).collect();
    let k = loaded.recipe.settings.min_group_size;
    let data = Data::encode(&loaded.survey, &questions, &rows, k);
    let mut rng = XorShiftRng::seed_from_u64(DEFAULT_SEED + seed);
    let ours = fit(&data, cell.kinds, STARTS, &mut rng);
    let figures = ClassCount::new(
        cell.kinds,
        ours.log_likelihood(),
        ours.model.parameters(),
        ours.stats.entropy,
        &ours.stats.hard,
        (rows.len(), rows.len(), k),
    );
    let mut labels = Vec::with_capacity(rows.len());
    ours.model.posteriors(&data, &mut |_, r| {
        labels.push((0..r.len()).fold(0, |b, c| if r[c] > r[b] { c } else { b }));
    });
    let mut csv = String::new();
    let header: Vec<String> = (0..data.items.len()).map(|j| format!("item{j}")).collect();
    writeln!(csv, "{},ours", header.join(",")).expect("writes to a string");
    for (row, label) in labels.iter().enumerate() {
        for &code in data.codes_of(row) {
            if code != MISSING {
                write!(csv, "{code}").expect("writes to a string");
            }
            csv.push(',');
        }
        writeln!(csv, "{label}").expect("writes to a string");
    }
    std::fs::write(dir.join(format!("{name}.csv")), csv).expect("the codes can be written");
    let json = serde_json::json!({
        "cell": name,
        "classes": cell.kinds,
        "seed": seed,
        "log_likelihood": figures.log_likelihood,
        "parameters": figures.parameters,
        "bic": figures.bic,
    });
    std::fs::write(dir.join(format!("{name}.json")), json.to_string())
        .expect("the figures can be written");
}
