//! The library as the page keeps it: every change is made on a copy and kept only once
//! storage holds it, and the library before each change goes on an Undo stack. Pure, so
//! the page's rules for changing the library are tested natively; the browser edge
//! passes the function that writes to storage.

use super::Library;

/// How many changes Undo can take back.
pub const UNDO_DEPTH: usize = 30;

/// The saved library, the changes Undo can take back, and whether saving is allowed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Keeper {
    library: Library,
    /// Library states before the latest changes, newest last, each with what the change
    /// was ("delete of “Commuters”").
    undo: Vec<(String, Library)>,
    /// Why saving is turned off (the stored library could not be read), if it is.
    saving_off: Option<String>,
}

impl Keeper {
    /// Keeps a library read from storage.
    pub fn new(library: Library) -> Self {
        Keeper {
            library,
            ..Keeper::default()
        }
    }

    /// A keeper that refuses every change, because the stored library could not be read
    /// (`why`) and must not be overwritten.
    pub fn saving_off(why: String) -> Self {
        Keeper {
            saving_off: Some(why),
            ..Keeper::default()
        }
    }

    /// The library as storage holds it.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Why saving is off, if it is.
    pub fn why_saving_is_off(&self) -> Option<&str> {
        self.saving_off.as_deref()
    }

    /// What Undo would take back ("delete of “Commuters”"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|(what, _)| what.as_str())
    }

    /// Changes a copy of the library and keeps it only once `save` has stored it: a
    /// refused change, or a failed save, leaves library and storage as they were. `what`
    /// names the change for Undo. A change that changes nothing is not saved.
    pub fn change<R, E: std::fmt::Display>(
        &mut self,
        what: impl Into<String>,
        change: impl FnOnce(&mut Library) -> Result<R, E>,
        save: impl FnOnce(&Library) -> Result<(), String>,
    ) -> Result<R, String> {
        let mut next = self.library.clone();
        let result = change(&mut next).map_err(|e| e.to_string())?;
        if next == self.library {
            return Ok(result);
        }
        let before = self.keep(next, save)?;
        self.undo.push((what.into(), before));
        let excess = self.undo.len().saturating_sub(UNDO_DEPTH);
        self.undo.drain(..excess);
        Ok(result)
    }

    /// Takes a library this tab did not make — merged with another tab's or the library
    /// file's changes, or the one storage still holds after a failed write. It is not an
    /// Undo step, and Undo is cleared: what it would bring back predates changes it has
    /// not seen.
    pub fn adopt(&mut self, library: Library) {
        self.library = library;
        self.undo.clear();
    }

    /// Takes back the latest change, once `save` has stored the library before it;
    /// returns what the change was.
    pub fn undo(
        &mut self,
        save: impl FnOnce(&Library) -> Result<(), String>,
    ) -> Result<String, String> {
        let Some((what, before)) = self.undo.last().cloned() else {
            return Err("There is nothing to undo.".into());
        };
        self.keep(before, save)?;
        self.undo.pop();
        Ok(what)
    }

    /// Stores `next` and keeps it; returns the library it replaced.
    fn keep(
        &mut self,
        next: Library,
        save: impl FnOnce(&Library) -> Result<(), String>,
    ) -> Result<Library, String> {
        if let Some(why) = &self.saving_off {
            return Err(format!(
                "Saving is turned off because {why}. The stored library is kept as it is."
            ));
        }
        if !next.fits() {
            return Err(format!(
                "The library can hold at most {} personas; nothing was changed.",
                super::LIBRARY_CAP
            ));
        }
        save(&next)?;
        Ok(std::mem::replace(&mut self.library, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::persona;

    fn stored(into: &mut Vec<usize>) -> impl FnOnce(&Library) -> Result<(), String> + '_ {
        |library| {
            into.push(library.personas().len());
            Ok(())
        }
    }

    fn add(id: &str) -> impl FnOnce(&mut Library) -> Result<(), String> + '_ {
        move |l| {
            let now = time::OffsetDateTime::UNIX_EPOCH;
            l.save(&[persona(id, id)], "", now)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }
    }

    #[test]
    fn a_change_is_kept_only_once_stored_and_undo_takes_it_back() {
        let mut keeper = Keeper::new(Library::default());
        let mut writes = Vec::new();
        keeper
            .change("adding a", add("a"), stored(&mut writes))
            .unwrap();
        keeper
            .change("adding b", add("b"), stored(&mut writes))
            .unwrap();
        assert_eq!(writes, [1, 2]);
        assert_eq!(keeper.undo_label(), Some("adding b"));
        let full = |_: &Library| Err("The storage is full.".to_string());
        assert_eq!(
            keeper.change("adding c", add("c"), full),
            Err("The storage is full.".into())
        );
        assert_eq!(
            keeper.library().personas().len(),
            2,
            "a failed save keeps nothing"
        );
        assert_eq!(keeper.undo_label(), Some("adding b"));
        assert_eq!(keeper.undo(stored(&mut writes)), Ok("adding b".into()));
        assert_eq!(keeper.library().personas().len(), 1);
        assert_eq!(writes, [1, 2, 1]);
        keeper.undo(stored(&mut writes)).unwrap();
        assert!(
            keeper.undo(stored(&mut writes)).is_err(),
            "nothing left to undo"
        );
    }

    #[test]
    fn refused_and_empty_changes_store_nothing_and_undo_is_bounded() {
        let mut keeper = Keeper::new(Library::default());
        let mut writes = Vec::new();
        let refused = keeper.change("x", |_| Err::<(), _>("No."), stored(&mut writes));
        assert_eq!(refused, Err("No.".into()));
        keeper
            .change("nothing", |_| Ok::<_, String>(()), stored(&mut writes))
            .unwrap();
        assert!(writes.is_empty() && keeper.undo_label().is_none());
        for i in 0..UNDO_DEPTH + 5 {
            let id = format!("p{i}");
            keeper
                .change(format!("adding {id}"), add(&id), stored(&mut writes))
                .unwrap();
        }
        let mut undone = 0;
        while keeper.undo(stored(&mut writes)).is_ok() {
            undone += 1;
        }
        assert_eq!(undone, UNDO_DEPTH);
    }

    #[test]
    fn an_unreadable_stored_library_is_never_overwritten() {
        let mut keeper = Keeper::saving_off("the stored library is damaged".into());
        let mut writes = Vec::new();
        let refused = keeper.change("adding a", add("a"), stored(&mut writes));
        assert!(refused.unwrap_err().contains("Saving is turned off"));
        assert!(writes.is_empty());
        assert_eq!(
            keeper.why_saving_is_off(),
            Some("the stored library is damaged")
        );
    }
}
