use time::macros::datetime;
use time::Duration;

use super::*;
use crate::library::{write_backup, Mappings};
use crate::test_support::persona;

fn file_of(library: &Library) -> Vec<u8> {
    write_backup(library, &Mappings::new(), datetime!(2026-12-02 09:00 UTC)).into_bytes()
}

fn renamed(l: &Library, id: &str, name: &str, minutes: i64) -> Library {
    let mut next = l.clone();
    let now = persona(id, "").updated_at + Duration::minutes(minutes);
    next.edit(id, "Sam", now, |p| p.name = name.into()).unwrap();
    next
}

fn names(l: &Library) -> Vec<&str> {
    l.personas().iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn a_new_empty_file_takes_the_library_here() {
    let ours = Library::new(vec![persona("a", "A")]);
    for empty in [&b""[..], b"\n  "] {
        let r = reconcile(None, &ours, empty).unwrap();
        assert_eq!(r.library, ours);
        assert!(r.write);
        assert_eq!(r.changes.describe("library.json"), None);
    }
}

#[test]
fn a_colleagues_changes_are_merged_by_id_and_named() {
    let base = Library::new(vec![
        persona("a", "A"),
        persona("b", "B"),
        persona("c", "C"),
    ]);
    let ours = renamed(&base, "a", "A here", 1);
    let mut theirs = renamed(&renamed(&base, "b", "B there", 2), "c", "C there", 2);
    theirs
        .merge(&[persona("d", "D")], "Kim", persona("d", "").updated_at)
        .unwrap();
    let r = reconcile(Some(&base), &ours, &file_of(&theirs)).unwrap();
    assert_eq!(names(&r.library), ["A here", "B there", "C there", "D"]);
    assert!(r.write, "the file lacks our change to A");
    assert_eq!(r.changes.changed, ["B there", "C there"]);
    assert_eq!(r.changes.added, ["D"]);
    assert_eq!(
        r.changes.describe("team.json").unwrap(),
        "2 personas changed by a colleague in “team.json”: “B there”, “C there”. \
         1 persona added by a colleague in “team.json”: “D”."
    );
}

#[test]
fn a_removal_there_and_a_conflict_are_said_and_an_unchanged_file_is_not_rewritten() {
    let base = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    let ours = renamed(&base, "a", "A here", 1);
    let mut theirs = renamed(&base, "a", "A there", 9);
    theirs.remove("b");
    let r = reconcile(Some(&base), &ours, &file_of(&theirs)).unwrap();
    assert_eq!(names(&r.library), ["A there"], "the newer wins");
    assert!(!r.write, "the file already holds the merge");
    assert_eq!(r.changes.removed, ["B"]);
    assert!(r.changes.changed.is_empty(), "a conflict is named once");
    let said = r.changes.describe("f.json").unwrap();
    assert!(said.contains("1 persona removed by a colleague in “f.json”: “B”."));
    assert!(said.contains("Changed here too, the newer version kept: “A here”."));

    let same = reconcile(Some(&theirs), &theirs, &file_of(&theirs)).unwrap();
    assert!(!same.write && same.changes.is_empty());
}

#[test]
fn a_file_chosen_for_the_first_time_adds_what_it_holds_and_removes_nothing() {
    let ours = Library::new(vec![persona("a", "A"), persona("b", "B")]);
    let theirs = Library::new(vec![persona("b", "B"), persona("c", "C")]);
    let r = reconcile(None, &ours, &file_of(&theirs)).unwrap();
    assert_eq!(names(&r.library), ["B", "C", "A"]);
    assert!(r.write);
    assert_eq!(r.changes.added, ["C"]);
    assert!(r.changes.removed.is_empty() && r.changes.changed.is_empty());
    assert_eq!(
        r.changes.describe("team.json").unwrap(),
        "1 persona added from “team.json”: “C”."
    );
}

#[test]
fn a_long_list_of_names_is_cut_short() {
    let changes = FileChanges {
        added: (1..=7).map(|i| format!("P{i}")).collect(),
        ..FileChanges::default()
    };
    assert!(changes
        .describe("f.json")
        .unwrap()
        .ends_with("“P1”, “P2”, “P3”, “P4”, “P5”, and 2 more."));
}

#[test]
fn a_corrupt_newer_or_wrong_file_is_refused() {
    let ours = Library::new(vec![persona("a", "A")]);
    let good = String::from_utf8(file_of(&ours)).unwrap();
    let cut = &good[..good.len() / 2];
    assert!(matches!(
        reconcile(Some(&ours), &ours, cut.as_bytes()),
        Err(BackupError::Damaged(_))
    ));
    let newer = good.replace("\"backup_version\":1", "\"backup_version\":9");
    assert_eq!(
        reconcile(Some(&ours), &ours, newer.as_bytes()),
        Err(BackupError::Newer(9))
    );
    assert_eq!(
        reconcile(None, &ours, b"{\"format\":\"something else\"}"),
        Err(BackupError::NotBackup)
    );
}

#[test]
fn browser_errors_mean_the_problems_the_page_words() {
    assert_eq!(
        FileProblem::from_dom("NotFoundError", "x"),
        FileProblem::Gone
    );
    assert_eq!(
        FileProblem::from_dom("NoModificationAllowedError", ""),
        FileProblem::Locked
    );
    let denied = FileProblem::from_dom("NotAllowedError", "");
    assert!(denied.needs_permission());
    assert_eq!(
        FileProblem::from_dom("AbortError", "The write was cut off."),
        FileProblem::Unreadable("The write was cut off.".into())
    );
    let trouble = |problem| FileState::Trouble {
        name: "f.json".into(),
        problem,
    };
    assert!(trouble(FileProblem::Locked).in_use(), "tried again later");
    assert!(!trouble(FileProblem::NoPermission).in_use());
    assert!(!FileState::Remembered { name: "f".into() }.in_use());
    assert_eq!(trouble(FileProblem::Gone).file_name(), Some("f.json"));
}
