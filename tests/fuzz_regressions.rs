//! The fuzz targets' corpus as native tests: every seed (`fuzz/seeds/<target>/`) and every
//! input that once crashed a target (`fuzz/regressions/<target>/`) goes through the same
//! check the target makes (`fuzz/checks.rs`).

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::PathBuf;

use persona_builder::library::Library;
use persona_builder::persona_file::read_file;

/// The seeds and regressions of one target, with their paths.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut found = Vec::new();
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a readable entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("a readable input");
            found.push((path, bytes));
        }
    }
    found.sort();
    assert!(!found.is_empty(), "{target} has seeds");
    found
}

fn run(target: &str, check: fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} fails {target}", path.display());
    }
}

#[test]
fn the_survey_reader_corpus_passes() {
    run("survey_reader", checks::survey_reader);
}

#[test]
fn the_persona_file_corpus_passes() {
    run("persona_file", checks::persona_file);
}

#[test]
fn the_library_loader_corpus_passes() {
    run("library_loader", checks::library_loader);
}

/// Seeds that reach deep: they must stay valid as the formats change.
#[test]
fn the_seeds_are_what_they_say() {
    let seed = |target: &str, name: &str| {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/seeds")
            .join(target)
            .join(name);
        std::fs::read(path).expect("the seed exists")
    };
    let export = read_file(&seed("persona_file", "export.json")).unwrap();
    assert_eq!((export.personas.len(), export.refused.len()), (2, 0));
    let one_bad = read_file(&seed("persona_file", "one-bad.json")).unwrap();
    assert_eq!((one_bad.personas.len(), one_bad.refused.len()), (1, 1));
    let text = String::from_utf8(seed("library_loader", "v2.json")).unwrap();
    let library = Library::from_stored(&text).unwrap();
    assert_eq!(library.personas().len(), 2);
    assert_eq!(library.history("p1").len(), 1);
    let text = String::from_utf8(seed("library_loader", "v1-one-bad.json")).unwrap();
    let library = Library::from_stored(&text).unwrap();
    assert_eq!(
        (library.personas().len(), library.set_aside().len()),
        (1, 1)
    );
}
