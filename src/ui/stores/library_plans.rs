//! The library store's follow-up changes: adopting an action into a persona's plan,
//! editing and removing plan items, and staff ratings. Each is one checked library edit
//! (saved, in the persona's history, undoable).

use super::LibraryStore;
use crate::browser::clock;
use crate::follow_up::{rate, Plan, Rating};

impl LibraryStore {
    /// Adds `action` (with its reason) to the persona's plan, measured by the answer its
    /// reason names when there is one.
    pub fn adopt(&self, id: &str, action: &str, why: &str) {
        let today = clock::now().date();
        self.edit(id, |p| {
            let plan = Plan::adopt(p, action, why, today);
            p.plans.push(plan);
        });
    }

    /// Changes one plan item.
    pub fn edit_plan(&self, id: &str, plan_id: &str, change: impl FnOnce(&mut Plan)) {
        self.edit(id, |p| {
            if let Some(plan) = p.plans.iter_mut().find(|plan| plan.id == plan_id) {
                change(plan);
            }
        });
    }

    /// Takes one item out of the plan (Undo brings it back).
    pub fn remove_plan(&self, id: &str, plan_id: &str) {
        self.edit(id, |p| p.plans.retain(|plan| plan.id != plan_id));
    }

    /// Records the editing person's answer to "Does this match the patients you see?";
    /// their earlier rating of this persona is replaced. Refused without a name, so each
    /// person counts once.
    pub fn rate(&self, id: &str, score: u8, comment: String) {
        let by = self.who().trim().to_string();
        if by.is_empty() {
            self.notices
                .fail("Write your name in “Your name” first, so your rating counts once.");
            return;
        }
        let rating = Rating {
            by,
            date: clock::now().date(),
            score,
            comment: comment.trim().to_string(),
        };
        self.edit(id, |p| rate(p, rating));
    }
}
