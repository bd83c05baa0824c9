//! Where the library is kept: the memory-only banner, storage used of what the browser
//! allows (with a warning well before it is full), whether the browser agreed to keep
//! the data, when it was last backed up, and **Back up everything** / **Restore from a
//! back-up** with the summary shown before anything changes.

use crate::wording::counted;
use leptos::prelude::*;

use crate::browser::files;
use crate::library::RestoreMode;
use crate::ui::stores::{LibraryStore, PendingRestore};

/// Shown when IndexedDB is unavailable: the page works, but keeps nothing.
#[component]
pub fn MemoryBanner() -> impl IntoView {
    let sync = expect_context::<LibraryStore>().sync;
    sync.memory_only.get_value().map(|why| {
        view! {
            <p class="storage-problem memory-only" role="alert">
                {format!(
                    "Nothing will be kept: {why}. The library lives in this tab's memory only and is gone when the tab closes. Back up everything before you leave."
                )}
            </p>
        }
    })
}

/// Storage used, the browser's promise to keep it, and a warning well before it is full.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let sync = expect_context::<LibraryStore>().sync;
    let share = move || sync.storage_use.get().map_or(0.0, |u| u.share().min(1.0));
    let nearing = move || sync.storage_use.get().is_some_and(|u| u.nearing());
    view! {
        <p class="storage-meter" class:nearing=nearing>
            <meter min="0" max="1" high="0.8" value=move || share().to_string() aria-label="Browser storage used"></meter>
            {move || {
                sync.storage_use
                    .get()
                    .map_or(" Storage used: not known yet".to_string(), |u| format!(" Storage used: {}", u.describe()))
            }}
        </p>
        <p class="hint storage-kept">
            {move || match sync.kept.get() {
                Some(true) => "The browser agreed to keep this library even when space runs low.",
                Some(false) => "The browser may clear this library when space runs low: back up everything regularly.",
                None => "Asking the browser to keep this library, so it is not cleared when space runs low.",
            }}
        </p>
        {move || {
            nearing().then(|| {
                view! {
                    <p class="storage-problem storage-nearing" aria-live="polite">
                        "Browser storage for this page is nearly full. Back up everything, then delete personas you no longer need (their history goes with them) before saving more."
                    </p>
                }
            })
        }}
    }
}

/// Back-up state and the back-up and restore controls.
#[component]
pub fn BackupPanel() -> impl IntoView {
    let library = expect_context::<LibraryStore>();
    let sync = library.sync;
    let pending = RwSignal::new(None::<PendingRestore>);
    let since = move || {
        let (saved, backed) = (sync.saved_at.get(), sync.backed_up_at.get());
        match (saved, backed) {
            (_, None) if library.with(|l| !l.is_empty()) => Some("Not backed up yet.".to_string()),
            (Some(s), Some(b)) if s > b => Some(format!("Not backed up since {}.", b.date())),
            _ => None,
        }
    };
    let pick = move |ev: leptos::ev::Event| {
        if let Some(file) = files::take_from_input(&ev) {
            library.read_restore(file, pending);
        }
    };
    let choose = move |mode: RestoreMode| {
        if let Some(p) = pending.get_untracked() {
            pending.set(None);
            library.restore_backup(p, mode);
        }
    };
    view! {
        <div class="library-backup no-print">
            <p class="backup-state" aria-live="polite">{since}</p>
            <button type="button" on:click=move |_| library.back_up()>
                "Back up everything"
            </button>
            <label for="restore-backup">"Restore from a back-up"</label>
            <input id="restore-backup" type="file" accept=".json,application/json" on:change=pick />
            {move || {
                pending.get().map(|p| {
                    let plan = p.plan.clone();
                    view! {
                        <section class="restore-summary" role="region" aria-label="Restore summary">
                            <p>{format!(
                                "“{}”, backed up {}: {}, {}, {}. Replacing puts exactly this in place of the library; merging adds {} and updates {} (newer wins) and leaves {}.",
                                p.file_name, p.backup.created_at.date(), counted(plan.personas, "persona"),
                                counted(plan.versions, "earlier version"), counted(plan.mappings, "column mapping"),
                                plan.merge.added, plan.merge.updated, plan.merge.unchanged
                            )}</p>
                            <button type="button" on:click=move |_| choose(RestoreMode::Replace)>"Replace the library"</button>
                            <button type="button" on:click=move |_| choose(RestoreMode::Merge)>"Merge into the library"</button>
                            <button type="button" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </section>
                    }
                })
            }}
        </div>
    }
}
