//! The survey store's community profile (see [`crate::community`]): the shares as the
//! user typed or chose them, sent to the survey's worker, which compares respondents
//! with them and weights respondents when asked. Names and percentages only.

use crate::wording::counted;
use leptos::task::spawn_local;

use super::SurveyStore;
use crate::community::CommunityProfile;
use crate::protocol::Request;

impl SurveyStore {
    /// Compares respondents with the community shares in `text` and, when `weighted`,
    /// weights them to it; a profile that cannot be read or used changes nothing.
    pub fn set_community(&self, text: &str, weighted: bool) {
        let profile = match CommunityProfile::parse(text) {
            Ok(profile) => profile,
            Err(e) => {
                self.notices
                    .fail(format!("The community profile was not used. {e}"));
                return;
            }
        };
        let store = *self;
        spawn_local(async move {
            let request = Request::Community {
                profile: Some(profile),
                weighted,
            };
            let what = if weighted {
                "Weighting respondents to the community"
            } else {
                "Comparing respondents with the community"
            };
            if let Some(view) = store.change(request, what).await {
                let under = view
                    .community
                    .as_ref()
                    .map_or(0, |c| c.representation.iter().filter(|r| r.under).count());
                store.notices.inform(format!(
                    "Compared with the community profile: {} under-represented among respondents.",
                    counted(under, "group")
                ));
            }
        });
    }

    /// Takes the community profile away (and any weighting).
    pub fn clear_community(&self) {
        let store = *self;
        spawn_local(async move {
            let request = Request::Community {
                profile: None,
                weighted: false,
            };
            store
                .change(request, "Removing the community profile")
                .await;
        });
    }
}
