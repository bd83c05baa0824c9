//! The survey store's records extract (see [`crate::records`]): linked in a fresh
//! worker with the survey read again, its key changed or the extract taken away in the
//! survey's own worker. The extract's `File` is kept only to send with the next read of
//! the same survey; nothing of it is stored.

use leptos::task::spawn_local;
use web_sys::File;

use super::survey::Opening;
use super::SurveyStore;
use crate::protocol::Request;
use crate::records::KeyChoice;
use crate::survey::check_size;

impl SurveyStore {
    /// Links a records extract to the loaded survey (the key proposed by the worker);
    /// on failure the survey stays as it was, with any extract linked before.
    pub fn add_extract(&self, extract: File) {
        let Some((file, mut recipe, mapping)) = self.current() else {
            return;
        };
        if let Err(e) = check_size(extract.size() as usize) {
            let name = extract.name();
            self.notices.fail(format!("“{name}” was not linked. {e}"));
            return;
        }
        recipe.link = None;
        self.read_again(
            (file, recipe, mapping),
            None,
            Some(extract),
            Opening::Extract,
        );
    }

    /// Links the extract on another key pair.
    pub fn link_on(&self, key: KeyChoice) {
        let store = *self;
        spawn_local(async move {
            store
                .change(Request::LinkKey { key }, "Linking the records again")
                .await;
        });
    }

    /// Takes the records extract away; the survey is read again without it.
    pub fn unlink(&self) {
        let store = *self;
        spawn_local(async move {
            if store
                .change(Request::Unlink, "Taking the records away")
                .await
                .is_some()
            {
                store.forget_extract();
                store
                    .notices
                    .inform("The records extract is no longer linked.");
            }
        });
    }
}
