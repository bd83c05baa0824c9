//! Several tabs (or a library file a colleague also changes) saving one library: each
//! saved library carries a revision number, a save is a compare-and-swap on it, and a
//! save that finds a revision it has not seen merges by id (three-way, against the
//! library both sides started from) and says what it did.
//!
//! The merge rules, per persona id:
//! - changed on one side only (or added, or deleted): that side's change is taken;
//! - changed on both sides the same way: taken once;
//! - changed on both sides differently: the version updated more recently wins (ours on
//!   a tie) and the persona is named in [`SyncReport::conflicts`];
//! - deleted on one side and changed on the other: the changed version is kept (nothing
//!   is lost silently), and named in the conflicts too.
//!
//! A persona's history goes with the version taken.

use super::Library;
use crate::wording::counted;

/// The revision of a saved library: 0 when nothing was ever saved, then one more per save.
pub type Revision = u64;

/// Why a compare-and-swap save did not write: storage holds a revision this tab has not
/// seen, with its library's stored text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub revision: Revision,
    pub text: String,
}

/// What a three-way merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Personas whose change came from the other side (added, changed or deleted there).
    pub taken: usize,
    /// Names of personas both sides changed: the newer version was kept.
    pub conflicts: Vec<String>,
}

impl SyncReport {
    /// One sentence for the page, or none when nothing came from the other side.
    pub fn describe(&self) -> Option<String> {
        if self.taken == 0 && self.conflicts.is_empty() {
            return None;
        }
        let mut text = format!(
            "Another tab or the library file changed the library: {} taken in.",
            counted(self.taken, "change")
        );
        if !self.conflicts.is_empty() {
            text.push_str(&format!(
                " Changed in both places, the newer version kept: {}.",
                self.conflicts
                    .iter()
                    .map(|n| format!("“{n}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Some(text)
    }
}

/// Merges `ours` and `theirs`, both changed from `base`, by persona id (the rules in the
/// module's documentation). The order is theirs, then personas only ours has.
pub fn merge_three_way(base: &Library, ours: &Library, theirs: &Library) -> (Library, SyncReport) {
    let mut report = SyncReport::default();
    let mut merged = Library {
        set_aside: ours.set_aside.clone(),
        ..Library::default()
    };
    let theirs_ids = theirs.personas.iter().map(|p| p.id.as_str());
    let ours_only = ours
        .personas
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| theirs.get(id).is_none());
    let base_only = base
        .personas
        .iter()
        .map(|p| p.id.as_str())
        .filter(|id| theirs.get(id).is_none() && ours.get(id).is_none());
    let ids: Vec<&str> = theirs_ids.chain(ours_only).chain(base_only).collect();
    for id in ids {
        let (b, o, t) = (base.get(id), ours.get(id), theirs.get(id));
        let from_theirs = if o == b {
            report.taken += usize::from(t != b);
            true
        } else if t == b || o == t {
            false
        } else {
            let name = o.or(t).map(|p| p.name.clone()).unwrap_or_default();
            report.conflicts.push(name);
            match (o, t) {
                (Some(o), Some(t)) => t.updated_at > o.updated_at,
                (None, Some(_)) => true,
                _ => false,
            }
        };
        let side = if from_theirs { theirs } else { ours };
        if let Some(p) = side.get(id) {
            merged.personas.push(p.clone());
            if let Some(h) = side.history.get(id) {
                merged.history.insert(id.to_string(), h.clone());
            }
        }
    }
    (merged, report)
}

#[cfg(test)]
mod tests {
    use time::Duration;

    use super::*;
    use crate::test_support::persona;

    fn names(l: &Library) -> Vec<&str> {
        l.personas().iter().map(|p| p.name.as_str()).collect()
    }

    fn renamed(l: &Library, id: &str, name: &str, minutes: i64) -> Library {
        let mut next = l.clone();
        let now = persona(id, "").updated_at + Duration::minutes(minutes);
        next.edit(id, "Sam", now, |p| p.name = name.into()).unwrap();
        next
    }

    #[test]
    fn changes_to_different_personas_both_survive() {
        let base = Library::new(vec![persona("a", "A"), persona("b", "B")]);
        let ours = renamed(&base, "a", "A ours", 1);
        let theirs = renamed(&base, "b", "B theirs", 2);
        let (merged, report) = merge_three_way(&base, &ours, &theirs);
        assert_eq!(names(&merged), ["A ours", "B theirs"]);
        assert_eq!(report.taken, 1);
        assert!(report.conflicts.is_empty());
        assert_eq!(
            merged.history("a").len(),
            1,
            "history goes with the version"
        );
        assert_eq!(merged.history("b").len(), 1);
    }

    #[test]
    fn additions_and_deletions_on_either_side_are_taken() {
        let base = Library::new(vec![persona("a", "A"), persona("b", "B")]);
        let mut ours = base.clone();
        ours.merge(&[persona("c", "C")], "", persona("c", "").updated_at)
            .unwrap();
        let mut theirs = base.clone();
        theirs.remove("a");
        let (merged, report) = merge_three_way(&base, &ours, &theirs);
        assert_eq!(names(&merged), ["B", "C"]);
        assert_eq!(report.taken, 1);
        assert!(report.describe().unwrap().contains("1 change taken in"));
    }

    #[test]
    fn the_same_persona_changed_twice_keeps_the_newer_and_says_so() {
        let base = Library::new(vec![persona("a", "A")]);
        let ours = renamed(&base, "a", "A ours", 5);
        let theirs = renamed(&base, "a", "A theirs", 9);
        let (merged, report) = merge_three_way(&base, &ours, &theirs);
        assert_eq!(names(&merged), ["A theirs"]);
        assert_eq!(report.conflicts, ["A ours"]);
        let (merged, _) = merge_three_way(&base, &theirs, &ours);
        assert_eq!(
            names(&merged),
            ["A theirs"],
            "the newer wins on either side"
        );
        assert!(report.describe().unwrap().contains("newer version kept"));
    }

    #[test]
    fn a_deletion_never_silently_drops_a_change_made_elsewhere() {
        let base = Library::new(vec![persona("a", "A")]);
        let theirs = renamed(&base, "a", "A theirs", 1);
        let mut ours = base.clone();
        ours.remove("a");
        let (merged, report) = merge_three_way(&base, &ours, &theirs);
        assert_eq!(names(&merged), ["A theirs"]);
        assert_eq!(report.conflicts.len(), 1);
    }

    #[test]
    fn nothing_from_the_other_side_reports_nothing() {
        let base = Library::new(vec![persona("a", "A")]);
        let ours = renamed(&base, "a", "A ours", 1);
        let (merged, report) = merge_three_way(&base, &ours, &base);
        assert_eq!(merged, ours);
        assert_eq!(report.describe(), None);
    }
}
