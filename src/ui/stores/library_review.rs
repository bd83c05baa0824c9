//! The quarterly review's record: the library store's side of **Record the review**.

use super::LibraryStore;
use crate::browser::clock;
use crate::follow_up::Review;

impl LibraryStore {
    /// Records a review of a persona — who, the decision, a note, the next date — kept
    /// in its reviews and its history; says so, or why it was not kept. True when kept.
    pub fn record_review(&self, id: &str, review: Review) -> bool {
        let name = self.name_of(id);
        let by = match review.by.trim() {
            "" => self.who(),
            named => named.to_string(),
        };
        let next = review.next_due;
        match self.try_change(format!("review of “{name}”"), |l| {
            l.record_review(id, review, &by, clock::now())
        }) {
            Ok(()) => {
                self.notices.inform(format!(
                    "Recorded the review of “{name}”; next review due {next}."
                ));
                true
            }
            Err(e) => {
                self.notices.fail(e);
                false
            }
        }
    }
}
