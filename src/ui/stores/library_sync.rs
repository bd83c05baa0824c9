//! How the library store keeps storage in step: each change is written in one
//! IndexedDB transaction that checks the revision this tab last saw (compare-and-swap);
//! a save that finds another tab's revision merges by id and saves the merge; a failed
//! write puts the library back as storage holds it and says so. Saves run one at a time.

use leptos::prelude::*;
use leptos::task::spawn_local;
use time::OffsetDateTime;

use super::LibraryStore;
use crate::browser::{clock, persist, storage, tabs};
use crate::library::{merge_three_way, Library, Revision, StorageUse};

/// What this tab knows of the stored library.
#[derive(Clone, Copy)]
pub struct Sync {
    /// The library as storage held it at `revision` (the merge's common ancestor).
    base: StoredValue<Library>,
    revision: StoredValue<Revision>,
    saving: StoredValue<bool>,
    /// A change (or another tab's save) arrived while saving: save again after.
    again: StoredValue<bool>,
    /// When the library was last saved, and last backed up.
    pub saved_at: RwSignal<Option<OffsetDateTime>>,
    pub backed_up_at: RwSignal<Option<OffsetDateTime>>,
    /// Why nothing is kept, when the page runs from memory.
    pub memory_only: StoredValue<Option<String>>,
    /// Whether the browser agreed to keep the data (`None`: not asked or cannot be).
    pub kept: RwSignal<Option<bool>>,
    /// Storage used against what the browser allows (`None` until estimated).
    pub storage_use: RwSignal<Option<StorageUse>>,
}

impl Sync {
    /// Starts from what storage held when the page opened.
    pub fn new(boot: &storage::Boot, library: &Library) -> Self {
        Sync {
            base: StoredValue::new(library.clone()),
            revision: StoredValue::new(boot.revision),
            saving: StoredValue::new(false),
            again: StoredValue::new(false),
            saved_at: RwSignal::new(boot.saved_at),
            backed_up_at: RwSignal::new(boot.backed_up_at),
            memory_only: StoredValue::new(boot.memory_only.clone()),
            kept: RwSignal::new(None),
            storage_use: RwSignal::new(None),
        }
    }
}

impl LibraryStore {
    /// Listens for other tabs' saves, asks the browser to keep the data, and estimates
    /// the storage used.
    pub(super) fn start_sync(self) {
        let kept_here = self.sync.memory_only.get_value().is_none();
        if kept_here {
            tabs::listen(move |revision| self.heard(revision));
        }
        self.start_file();
        spawn_local(async move {
            if kept_here {
                self.sync.kept.set(persist::ask_to_keep().await);
            }
            self.estimate().await;
        });
    }

    async fn estimate(self) {
        if let Some((used, quota)) = persist::estimate().await {
            self.sync.storage_use.set(Some(StorageUse { used, quota }));
        }
    }

    /// Writes the library as it now is (after this save finishes, if one is running).
    pub(super) fn persist(self) {
        if self.sync.saving.get_value() {
            self.sync.again.set_value(true);
            return;
        }
        self.sync.saving.set_value(true);
        storage::mark_saving(true);
        spawn_local(async move {
            loop {
                self.sync.again.set_value(false);
                if !self.save_once().await {
                    self.sync.again.set_value(false);
                }
                if !self.sync.again.get_value() {
                    break;
                }
            }
            self.sync.saving.set_value(false);
            storage::mark_saving(false);
            self.sync_file();
            self.estimate().await;
        });
    }

    /// One compare-and-swap save; false when it failed (the library is then put back).
    async fn save_once(self) -> bool {
        let ours = self.keeper.with_untracked(|k| k.library().clone());
        if ours == self.sync.base.get_value() {
            return true;
        }
        let text = serde_json::to_string(&ours.to_stored()).expect("a library serialises");
        self.estimate().await;
        let room = self.sync.storage_use.get_untracked();
        if room.is_some_and(|u| !u.fits_more(text.len() as f64)) {
            let u = room.expect("checked");
            return self.put_back(format!(
                "the library would need {} more, and the browser's storage for this page is nearly full ({}). Back up everything, then delete personas or their history",
                crate::library::size(text.len() as f64),
                u.describe()
            ));
        }
        match storage::save_library(self.sync.revision.get_value(), &text).await {
            Ok(Ok(revision)) => {
                self.sync.base.set_value(ours);
                self.sync.revision.set_value(revision);
                self.sync.saved_at.set(Some(clock::now()));
                tabs::announce(revision);
                true
            }
            Ok(Err(stale)) => {
                let differs = self.take_in(stale.revision, &stale.text);
                self.sync.again.set_value(differs);
                true
            }
            Err(why) => self.put_back(why),
        }
    }

    /// After a failed write: the library as storage holds it, and why.
    fn put_back(self, why: String) -> bool {
        let stored = self.sync.base.get_value();
        self.keeper.update(|k| k.adopt(stored));
        self.notices.fail(format!(
            "The last change was not saved, so the library is back as it was: {why}."
        ));
        false
    }

    /// Merges a library another tab saved into this one; returns whether the merge
    /// differs from theirs (and so must be saved).
    fn take_in(self, revision: Revision, text: &str) -> bool {
        let theirs = match Library::from_stored(text) {
            Ok(l) => l,
            Err(e) => {
                self.notices.fail(format!(
                    "Another tab saved a library this one cannot read: {e}."
                ));
                return false;
            }
        };
        let base = self.sync.base.get_value();
        let (merged, report) = self
            .keeper
            .with_untracked(|k| merge_three_way(&base, k.library(), &theirs));
        let differs = merged != theirs;
        self.keeper.update(|k| k.adopt(merged));
        self.sync.base.set_value(theirs);
        self.sync.revision.set_value(revision);
        self.sync.saved_at.set(Some(clock::now()));
        if let Some(said) = report.describe() {
            self.notices.inform(said);
        }
        differs
    }

    /// Another tab saved `revision`: take it in, unless this tab has seen it.
    fn heard(self, revision: Revision) {
        if revision == self.sync.revision.get_value() {
            return;
        }
        if self.sync.saving.get_value() {
            self.sync.again.set_value(true); // the next save finds it and merges
            return;
        }
        spawn_local(async move {
            match storage::load_library().await {
                Ok((stored, Some(text))) if stored != self.sync.revision.get_value() => {
                    if self.take_in(stored, &text) {
                        self.persist();
                    }
                    self.sync_file();
                }
                Ok(_) => {}
                Err(e) => self.notices.fail(e),
            }
        });
    }
}
