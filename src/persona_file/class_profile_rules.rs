//! The rules a latent class's profile in a persona meets.

use super::validate::{count, fraction, length, PersonaProblem, MAX_LEVELS, MAX_TEXT, MAX_TRAITS};
use crate::segments::latent::{ClassProfile, ItemProfile, OptionShare};

/// A class profile's limits, and its small-cell rules as far as a file can show them:
/// every listed share stands for at least k of the segment (share × size ≥ k), and so
/// does what an option's listed share leaves.
pub(super) fn check_profile(
    profile: &ClassProfile,
    size: usize,
    k: usize,
) -> Result<(), PersonaProblem> {
    use PersonaProblem::*;
    fraction("class share", profile.share, 1)?;
    if let Some(t) = profile.typical {
        if !(t.mean.is_finite() && t.mean <= 0.0 && t.sd.is_finite() && t.sd >= 0.0) {
            return Err(ClassProfile(
                "its typical log-probability must be a mean ≤ 0 and a deviation ≥ 0",
            ));
        }
    }
    count("class profile", profile.items.len(), MAX_TRAITS)?;
    let rests_on_k = |share: f64| share * size as f64 + 1e-9 >= k as f64;
    for item in &profile.items {
        length("class profile", item.question(), MAX_TEXT)?;
        let (answers, unlisted) = match item {
            ItemProfile::Choice {
                answers, unlisted, ..
            } => (answers, *unlisted),
            ItemProfile::Bands {
                answers,
                unlisted,
                edges,
                ..
            } => {
                count("class profile bands", edges.len(), MAX_LEVELS)?;
                if !edges.windows(2).all(|w| w[0] < w[1]) || edges.iter().any(|e| !e.is_finite()) {
                    return Err(ClassProfile("band edges must be ascending numbers"));
                }
                (answers, *unlisted)
            }
            ItemProfile::Option { option, chosen, .. } => {
                length("class profile", option, MAX_TEXT)?;
                if let OptionShare::Share(p) = chosen {
                    fraction("class profile share", *p, 1)?;
                    if !rests_on_k(*p) || !rests_on_k(1.0 - p) {
                        return Err(ClassProfile("a share rests on fewer than k respondents"));
                    }
                }
                continue;
            }
        };
        count("class profile answers", answers.len(), MAX_LEVELS)?;
        if unlisted > MAX_LEVELS {
            return Err(TooMany {
                field: "class profile answers",
                max: MAX_LEVELS,
            });
        }
        let mut total = 0.0;
        for a in answers {
            length("class profile", &a.answer, MAX_TEXT)?;
            fraction("class profile share", a.share, 1)?;
            if !rests_on_k(a.share) {
                return Err(ClassProfile("a share rests on fewer than k respondents"));
            }
            total += a.share;
        }
        if total > 1.0 + 1e-6 {
            return Err(ClassProfile("the listed shares add up to more than 1"));
        }
    }
    Ok(())
}
