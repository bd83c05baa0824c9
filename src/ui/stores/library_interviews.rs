//! The library store's side of interview notes (see [`crate::interviews`]): an excerpt
//! staff chose becomes a quote "from an interview" on a saved persona, named by **Your
//! name**. Only the attached, scrubbed excerpt is stored; the notes never are.

use time::Date;

use super::LibraryStore;
use crate::interviews::interview_quote;

impl LibraryStore {
    /// Attaches `excerpt` (scrubbed again) to the saved persona `id` as a quote from the
    /// interview held on `date`; says why when it cannot.
    pub fn attach_interview_quote(&self, id: &str, excerpt: &str, date: Date) {
        match interview_quote(excerpt, date, &self.who()) {
            Ok(quote) => self.edit(id, |p| p.attach_interview_quote(quote)),
            Err(e) => self
                .notices
                .fail(format!("The excerpt was not attached. {e}")),
        }
    }
}
