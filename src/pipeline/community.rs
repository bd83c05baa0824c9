//! The community profile applied to a loaded survey (see [`crate::community`]): the
//! comparison the page shows and, when the user asks, respondents' weights, which give
//! each persona its weighted share of the community.

use serde::{Deserialize, Serialize};

use super::LoadedSurvey;
use crate::community::{compare, margins, rake, CommunityError, CommunityProfile, Representation};
use crate::privacy::ShownCount;
use crate::segments::Segment;

/// What the page sees of the community profile on this survey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommunityView {
    pub profile: CommunityProfile,
    /// Each category: the community against the respondents (and weighted).
    pub representation: Vec<Representation>,
    /// Categories found in no question of the survey.
    pub unmatched: Vec<String>,
    /// How respondents were weighted, when they are.
    pub weighting: Option<Weighting>,
}

/// The cost of weighting, as the page reports it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Weighting {
    /// Kish's effective sample size, to the nearest respondent.
    pub effective_n: usize,
    /// Respondents whose weight sits at a cap, when at least k.
    pub capped: Option<usize>,
    pub rounds: usize,
}

/// The profile, the comparison and the weights, kept with the loaded survey.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Community {
    view: CommunityView,
    weights: Option<Vec<f64>>,
}

impl LoadedSurvey {
    /// Compares respondents with the community (`None` takes the profile away) and,
    /// when `weighted`, weights them to it by raking. A profile or weighting that cannot
    /// be used changes nothing.
    pub fn set_community(
        &mut self,
        profile: Option<CommunityProfile>,
        weighted: bool,
    ) -> Result<(), CommunityError> {
        let Some(profile) = profile else {
            self.community = None;
            return Ok(());
        };
        let k = self.recipe.settings.min_group_size;
        let (margins, unmatched) = margins(&self.survey, &self.summaries, &profile)?;
        let raked = weighted
            .then(|| rake(&margins, self.survey.respondents()))
            .transpose()?;
        let weighting = raked.as_ref().map(|w| Weighting {
            effective_n: w.effective_n.round() as usize,
            capped: match ShownCount::of(w.capped) {
                ShownCount::Exact(n) => Some(n),
                ShownCount::Suppressed => None,
            },
            rounds: w.rounds,
        });
        let weights = raked.map(|w| w.weights);
        let view = CommunityView {
            representation: compare(&margins, weights.as_deref(), k),
            profile,
            unmatched,
            weighting,
        };
        self.community = Some(Community { view, weights });
        Ok(())
    }

    /// What the page sees of the community profile, if one is applied.
    pub fn community_view(&self) -> Option<CommunityView> {
        self.community.as_ref().map(|c| c.view.clone())
    }

    /// Applies the profile of `before` again after the survey was read again: weighted
    /// if it still can be, else only compared, else dropped (its reason is the page's
    /// next message when the user applies it again).
    pub(super) fn keep_community(&mut self, before: &LoadedSurvey) {
        if let Some(c) = &before.community {
            let profile = c.view.profile.clone();
            let weighted = c.weights.is_some();
            if self.set_community(Some(profile.clone()), weighted).is_err() && weighted {
                let _ = self.set_community(Some(profile), false);
            }
        }
    }

    /// The weighting as a persona's provenance records it, when respondents are weighted.
    pub(super) fn community_source(&self) -> Option<crate::personas::CommunitySource> {
        let weighting = self.community.as_ref()?.view.weighting?;
        Some(crate::personas::CommunitySource {
            effective_n: weighting.effective_n,
        })
    }

    /// Each segment's weighted share of the community, when respondents are weighted
    /// (to three decimals).
    pub(super) fn weighted_shares(&self, segments: &[Segment]) -> Option<Vec<f64>> {
        let weights = self.community.as_ref()?.weights.as_ref()?;
        let total: f64 = weights.iter().sum();
        Some(
            segments
                .iter()
                .map(|s| {
                    let share = s.members.iter().map(|&r| weights[r]).sum::<f64>() / total;
                    (share * 1000.0).round() / 1000.0
                })
                .collect(),
        )
    }
}
