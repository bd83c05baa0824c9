//! Both automatic methods on the real exports in `../shared/survey-samples/` (data
//! dictionaries left out): what each chooses, with the figures behind the choice.

use std::path::Path;
use std::time::Instant;

use persona_builder::pipeline::LoadedSurvey;
use persona_builder::privacy::PrivacySettings;
use persona_builder::segments::clustering::segment_among;
use persona_builder::segments::latent::{latent_classes, Verdict};
use persona_builder::segments::{can_shape_segments, SegmentSettings};
use persona_builder::survey::ReadOptions;

/// Prints a table of what each method makes of every survey in `dir`.
pub fn report(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("\n(No real samples at {}.)", dir.display());
        return;
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into());
            !name.contains("dictionary") && !name.ends_with(".md")
        })
        .collect();
    files.sort();
    println!("\n## Real exports\n");
    println!("| file | respondents | questions | latent classes: chosen (verdict) | sizes | BIC 1 → best | entropy | membership | stability | time | similar answers: chosen | stability | time |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for path in files {
        let name = path
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .to_string();
        let bytes = std::fs::read(&path).expect("the sample reads");
        let loaded = match LoadedSurvey::read(
            &name,
            bytes,
            ReadOptions::default(),
            PrivacySettings::default(),
        ) {
            Ok(loaded) => loaded,
            Err(e) => {
                println!("| {name} | not read: {e} |");
                continue;
            }
        };
        println!("{}", row(&name, &loaded));
    }
}

fn row(name: &str, loaded: &LoadedSurvey) -> String {
    let rows: Vec<usize> = (0..loaded.survey.respondents()).collect();
    let questions = loaded
        .summaries
        .iter()
        .filter(|s| can_shape_segments(s))
        .count();
    let settings = SegmentSettings::default();
    let started = Instant::now();
    let latent = latent_classes(&loaded.survey, &loaded.summaries, &rows, settings);
    let latent_ms = started.elapsed().as_secs_f64() * 1000.0;
    let latent = match latent {
        Ok(found) => {
            let chosen = match (found.verdict, found.fitted) {
                (Verdict::NoClearSegments, _) | (_, None) => "no clear segments".to_string(),
                (verdict, Some(n)) => format!("{n} ({verdict:?})"),
            };
            let sizes: Vec<String> = found
                .segments
                .iter()
                .map(|s| s.members.len().to_string())
                .collect();
            let best = found
                .candidates
                .iter()
                .map(|c| c.bic)
                .fold(f64::INFINITY, f64::min);
            let mean = |f: &dyn Fn(&persona_builder::segments::latent::LatentSegment) -> f64| {
                let n = found.segments.len().max(1) as f64;
                found.segments.iter().map(f).sum::<f64>() / n
            };
            format!(
                "{chosen} | {} | {:.0} → {:.0} | {} | {:.2} | {:.2} | {latent_ms:.0} ms",
                sizes.join(" / "),
                found.one_class.bic,
                best,
                found
                    .fitted_figures()
                    .map_or("–".into(), |f| format!("{:.2}", f.entropy)),
                mean(&|s| s.membership),
                mean(&|s| s.stability),
            )
        }
        Err(e) => format!("{e} | | | | | | "),
    };
    let started = Instant::now();
    let similar = match segment_among(&loaded.survey, &loaded.summaries, &rows, settings) {
        Ok(found) => {
            let n = found.segments.len().max(1) as f64;
            let stability = found.segments.iter().map(|s| s.stability).sum::<f64>() / n;
            format!("{} | {stability:.2}", found.fitted)
        }
        Err(e) => format!("{e} | "),
    };
    let similar_ms = started.elapsed().as_secs_f64() * 1000.0;
    format!(
        "| {name} | {} | {questions} | {latent} | {similar} | {similar_ms:.0} ms |",
        rows.len()
    )
}
