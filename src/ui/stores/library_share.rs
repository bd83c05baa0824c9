//! **Copy a share link** and a link's **Import**: the library store's side.

use crate::wording::counted;
use std::collections::BTreeSet;

use js_sys::Reflect;
use wasm_bindgen::JsCast;

use super::LibraryStore;
use crate::browser::clock;
use crate::library::share_link;
use crate::personas::Persona;

impl LibraryStore {
    /// The share link for the selected personas (copied to the clipboard where the
    /// browser allows), or why none was made.
    pub fn share_link(&self, selected: &BTreeSet<String>) -> Result<String, String> {
        let personas: Vec<Persona> = self.with_untracked(|l| {
            l.personas()
                .iter()
                .filter(|p| selected.contains(&p.id))
                .cloned()
                .collect()
        });
        let location = leptos::prelude::window().location();
        let base = format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        );
        let link = share_link(&base, &personas, clock::now()).map_err(|e| e.to_string())?;
        copy_to_clipboard(&link);
        self.notices.inform(format!(
            "Made a share link for {} ({} characters), copied where the browser allows. Anyone with the link can read these personas (without quotes); it is never sent to a server.",
            counted(personas.len(), "persona"),
            link.len()
        ));
        Ok(link)
    }

    /// Adds a share link's personas, merged by id (newer wins); whether it worked.
    pub fn import_shared(&self, personas: &[Persona]) -> bool {
        let (who, now) = (self.who(), clock::now());
        match self.try_change("import of a share link", |l| l.merge(personas, &who, now)) {
            Ok(s) => {
                self.notices.inform(format!(
                    "Imported the shared personas: {} added, {} updated, {} skipped (the library's copy is as new or newer).",
                    s.added, s.updated, s.unchanged
                ));
                true
            }
            Err(e) => {
                self.notices.fail(format!(
                    "The shared personas were not imported. {e} The library is unchanged."
                ));
                false
            }
        }
    }
}

/// `navigator.clipboard.writeText(text)`, where there is a clipboard (its promise is
/// left to settle: the link is also shown on the page).
fn copy_to_clipboard(text: &str) {
    let navigator = leptos::prelude::window().navigator();
    let Ok(clipboard) = Reflect::get(&navigator, &"clipboard".into()) else {
        return;
    };
    if let Ok(write) = Reflect::get(&clipboard, &"writeText".into()) {
        if let Ok(write) = write.dyn_into::<js_sys::Function>() {
            let _ = write.call1(&clipboard, &text.into());
        }
    }
}
