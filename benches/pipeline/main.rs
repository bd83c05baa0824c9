//! The native half of the performance benchmark (`scripts/bench` runs it, then the
//! browser half): writes the synthetic surveys, then times the same core the worker
//! runs — `LoadedSurvey::open` (read, guard, type columns) and `build` with Auto k —
//! built natively, and checks how well the segments recover the planted kinds.
//!
//! `cargo bench --bench pipeline -- [--rows 10000,100000] [--out target/bench]`
//! writes `<out>/survey-<rows>.csv` and `<out>/native.json`.

mod quality;
use persona_builder::survey::sample as synthetic;

use std::time::Instant;

use persona_builder::pipeline::{build, GroupBy, LoadedSurvey, Recipe};
use persona_builder::segments::latent::latent_classes;
use persona_builder::segments::{Method, SegmentSettings, DEFAULT_SEED};
use persona_builder::survey::{Fingerprint, Progress, Stage, MAX_SURVEY_BYTES};
use serde::Serialize;
use time::OffsetDateTime;

/// One survey size, timed natively (medians over the runs, in milliseconds).
#[derive(Debug, Serialize)]
struct Figures {
    rows: usize,
    bytes: usize,
    runs: usize,
    /// Bytes → rows of text answers.
    parse_ms: f64,
    /// The privacy guard, merged spellings and folded multi-selects.
    guard_ms: f64,
    /// Column kinds and answer counts.
    summarise_ms: f64,
    /// The whole read step: parse + guard + summarise.
    read_ms: f64,
    /// Auto segmentation (latent classes, the default method) and persona synthesis.
    build_ms: f64,
    pipeline_ms: f64,
    /// The survey's description as it crosses from the worker to the page (JSON).
    view_bytes: usize,
    personas: usize,
    /// Agreement of the found segments with the planted kinds (adjusted Rand index).
    adjusted_rand: f64,
    /// Share of respondents whose segment's most common planted kind is theirs.
    purity: f64,
    /// Past the app's size cap the browser refuses the file; natively it is read anyway.
    over_cap: bool,
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
    let rows: Vec<usize> = value("--rows")
        .unwrap_or_else(|| "10000,100000,1000000".into())
        .split(',')
        .map(|r| {
            r.trim()
                .parse()
                .expect("--rows takes numbers, comma-separated")
        })
        .collect();
    let out = std::path::PathBuf::from(value("--out").unwrap_or_else(|| "target/bench".into()));
    std::fs::create_dir_all(&out).expect("the output folder can be made");

    let mut all = Vec::new();
    for &count in &rows {
        let generated = synthetic::generate(count);
        let path = out.join(format!("survey-{count}.csv"));
        std::fs::write(&path, &generated.csv).expect("the survey can be written");
        let runs = if count <= 100_000 { 3 } else { 1 };
        let figures = measure(&generated, runs);
        eprintln!(
            "native {count:>9} rows {:>6.1} MB: parse {:>7.0} ms, read {:>7.0} ms, build {:>7.0} ms, pipeline {:>7.0} ms; {} personas, ARI {:.2}",
            figures.bytes as f64 / 1e6,
            figures.parse_ms,
            figures.read_ms,
            figures.build_ms,
            figures.pipeline_ms,
            figures.personas,
            figures.adjusted_rand
        );
        all.push(figures);
    }
    let json = serde_json::to_string_pretty(&all).expect("figures serialise");
    std::fs::write(out.join("native.json"), json).expect("native.json can be written");
    wide_refusal(&out);
}

/// How long refusing the probe's over-wide file takes (100,000 columns × 30 rows, the
/// width cap being `MAX_COLUMNS`): every stage before the check must be linear. The
/// file is left in `out` (`wide.csv`) for the browser half to time the same refusal.
fn wide_refusal(out: &std::path::Path) {
    let header: Vec<String> = (0..100_000).map(|c| format!("q{c}")).collect();
    let mut csv = header.join(",") + "\n";
    for row in 0..30 {
        let answers: Vec<String> = (0..100_000).map(|c| ((row + c) % 7).to_string()).collect();
        csv += &(answers.join(",") + "\n");
    }
    let csv_bytes = csv.len();
    std::fs::write(out.join("wide.csv"), &csv).expect("wide.csv can be written");
    let bytes = std::rc::Rc::new(csv.into_bytes().into());
    let started = Instant::now();
    let refused = LoadedSurvey::open(
        "wide.csv",
        bytes,
        Fingerprint::Hash,
        Recipe::default(),
        &mut |_| {},
    );
    let refused_ms = ms(started);
    assert!(refused.is_err(), "the wide file is refused");
    eprintln!(
        "native refusal of 100,000 columns × 30 rows ({:.1} MB): {refused_ms:.0} ms",
        csv_bytes as f64 / 1e6
    );
}

/// Times `runs` reads and builds of one survey; the medians are kept.
fn measure(generated: &synthetic::Generated, runs: usize) -> Figures {
    let now = OffsetDateTime::UNIX_EPOCH;
    let mut timings: Vec<[f64; 5]> = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let mut marks: Vec<(Stage, f64)> = Vec::new();
        let mut progress = |p: Progress| {
            if marks.last().is_none_or(|(stage, _)| *stage != p.stage) {
                marks.push((p.stage, ms(started)));
            }
        };
        let loaded = LoadedSurvey::open(
            "survey.csv",
            std::rc::Rc::new(generated.csv.clone().into()),
            Fingerprint::Hash,
            Recipe::default(),
            &mut progress,
        )
        .expect("the synthetic survey reads");
        let read = ms(started);
        let at = |stage| {
            marks
                .iter()
                .find(|(s, _)| *s == stage)
                .map_or(read, |m| m.1)
        };
        let (guarding, summarising) = (at(Stage::Guarding), at(Stage::Summarising));
        let group_by = GroupBy::Similarity {
            count: None,
            seed: DEFAULT_SEED,
            method: Method::default(),
        };
        let built = build(&loaded, group_by, now).expect("personas are built");
        let total = ms(started);
        timings.push([
            guarding,
            summarising - guarding,
            read - summarising,
            read,
            total - read,
        ]);
        last = Some((loaded, built.personas.len()));
    }
    let (loaded, personas) = last.expect("at least one run");
    let median = |i: usize| {
        let mut values: Vec<f64> = timings.iter().map(|t| t[i]).collect();
        values.sort_by(f64::total_cmp);
        values[values.len() / 2]
    };
    let everyone: Vec<usize> = (0..loaded.survey.respondents()).collect();
    let settings = SegmentSettings::default();
    let found = latent_classes(&loaded.survey, &loaded.summaries, &everyone, settings)
        .expect("the synthetic survey segments");
    let members: Vec<Vec<usize>> = found.segments.into_iter().map(|s| s.members).collect();
    let agreement = quality::agreement(&members, &generated.planted);
    Figures {
        rows: generated.planted.len(),
        bytes: generated.csv.len(),
        runs,
        parse_ms: median(0),
        guard_ms: median(1),
        summarise_ms: median(2),
        read_ms: median(3),
        build_ms: median(4),
        pipeline_ms: median(3) + median(4),
        view_bytes: serde_json::to_string(&loaded.view())
            .expect("the view serialises")
            .len(),
        personas,
        adjusted_rand: agreement.adjusted_rand,
        purity: agreement.purity,
        over_cap: generated.csv.len() > MAX_SURVEY_BYTES,
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}
