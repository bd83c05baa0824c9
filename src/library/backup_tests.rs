use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use super::*;
use crate::pipeline::ColumnMapping;
use crate::test_support::persona;

const NOW: OffsetDateTime = datetime!(2026-12-02 09:00 UTC);

fn library() -> Library {
    let mut l = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    l.edit("a", "Sam", NOW, |p| {
        p.notes.push(crate::personas::Note {
            date: NOW.date(),
            author: "Sam".into(),
            text: "A plan for the winter clinic.".into(),
        })
    })
    .unwrap();
    l
}

fn mappings() -> Mappings {
    let mut m = Mappings::new();
    m.insert("layout-1".into(), ColumnMapping::default());
    m
}

#[test]
fn a_backup_round_trips_personas_histories_notes_and_mappings() {
    let text = write_backup(&library(), &mappings(), NOW);
    let backup = read_backup(text.as_bytes()).unwrap();
    assert_eq!(backup.library, library());
    assert_eq!(backup.mappings, mappings());
    assert_eq!(backup.created_at, NOW);
    let plan = backup.plan(&Library::default());
    assert_eq!((plan.personas, plan.versions, plan.mappings), (2, 1, 1));
    assert_eq!(plan.merge.added, 2);
}

#[test]
fn a_bad_backup_is_refused_whole() {
    let text = write_backup(&library(), &mappings(), NOW);
    let truncated = &text.as_bytes()[..text.len() / 2];
    assert!(matches!(
        read_backup(truncated),
        Err(BackupError::Damaged(_))
    ));
    let newer = text.replace("\"backup_version\":1", "\"backup_version\":2");
    assert_eq!(read_backup(newer.as_bytes()), Err(BackupError::Newer(2)));
    let other = text.replace(BACKUP_FORMAT, "persona-builder");
    assert_eq!(read_backup(other.as_bytes()), Err(BackupError::NotBackup));
    let big = vec![b' '; MAX_BACKUP_BYTES + 1];
    assert!(matches!(read_backup(&big), Err(BackupError::TooBig { .. })));
    let twice = text.replacen('{', "{\"mappings\":{},", 1);
    assert!(matches!(
        read_backup(twice.as_bytes()),
        Err(BackupError::Damaged(_))
    ));
    // A persona resting on too few people is refused like an import would be.
    let small = text.replace("\"size\":25", "\"size\":5");
    assert!(matches!(
        read_backup(small.as_bytes()),
        Err(BackupError::BadPersonas(_))
    ));
}

#[test]
fn restore_replaces_or_merges_with_the_import_rules() {
    let backup = read_backup(write_backup(&library(), &mappings(), NOW).as_bytes()).unwrap();
    let mut here = Library::new(vec![persona("c", "C")]);
    here.restore_from(&backup, RestoreMode::Replace, "Sam", NOW)
        .unwrap();
    assert_eq!(here, library());

    let mut newer_b = persona("b", "B newer");
    newer_b.updated_at += Duration::days(30);
    let mut here = Library::new(vec![persona("c", "C"), newer_b]);
    let plan = backup.plan(&here);
    assert_eq!((plan.merge.added, plan.merge.unchanged), (1, 1));
    here.restore_from(&backup, RestoreMode::Merge, "Sam", NOW)
        .unwrap();
    let names: Vec<_> = here.personas().iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["C", "B newer", "A"]);
    assert_eq!(
        here.history("a").len(),
        1,
        "an added persona brings its history"
    );
}
