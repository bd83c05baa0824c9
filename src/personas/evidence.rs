//! The strength of a persona's evidence: how strongly an answer sets a segment apart
//! (two-proportion z), and the order traits are shown in.

use super::Trait;

/// Traits by persona section (demographics first), each section's questions ordered by
/// how strongly their answers set the segment apart, and each question's answers too.
/// The strength is the two-proportion z statistic (segment vs everyone else): it grows
/// with the difference and with the evidence, so 3 of 12 does not outrank 300 of 900.
/// Each trait comes with its z, worked out once from exact counts ([`z_score`]).
pub(super) fn in_sections(traits: Vec<(Trait, f64)>) -> Vec<Trait> {
    let mut by_question: Vec<Vec<(Trait, f64)>> = Vec::new();
    for scored in traits {
        match by_question
            .iter_mut()
            .find(|g| g[0].0.attribute == scored.0.attribute)
        {
            Some(group) => group.push(scored),
            None => by_question.push(vec![scored]),
        }
    }
    for group in &mut by_question {
        group.sort_by(|a, b| b.1.total_cmp(&a.1));
    }
    by_question.sort_by(|a, b| {
        let section = |g: &[(Trait, f64)]| g[0].0.role.map_or(usize::MAX, |r| r.section().0);
        section(a).cmp(&section(b)).then(b[0].1.total_cmp(&a[0].1))
    });
    by_question.into_iter().flatten().map(|(t, _)| t).collect()
}

/// z at or above which an over-represented answer counts as distinctive (p < 0.05).
pub(super) const SIGNIFICANT_Z: f64 = 1.96;

/// The two-proportion z statistic of `n` of the segment's `size` against the rest of the
/// `overall` of `total` who gave the answer; 0 when there is no one to compare with.
pub(super) fn z_score(n: usize, size: usize, overall: usize, total: usize) -> f64 {
    let rest = total.saturating_sub(size);
    if size == 0 || rest == 0 || total == 0 {
        return 0.0;
    }
    let (n, size, rest) = (n as f64, size as f64, rest as f64);
    let overall = overall as f64;
    let pooled = overall / total as f64;
    let spread = (pooled * (1.0 - pooled) * (1.0 / size + 1.0 / rest)).sqrt();
    if spread == 0.0 {
        return 0.0;
    }
    (n / size - (overall - n) / rest) / spread
}

pub(super) fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

pub(super) fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    // Tenths of a percent from the integers in one division, so a half (51 of 80 is
    // 63.75 %) rounds up as a person would, never down through a float's error.
    (1000.0 * part as f64 / whole as f64).round() / 10.0
}

pub(super) fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn a_half_tenth_rounds_up_as_a_person_would() {
        assert_eq!(percent(51, 80), 63.8);
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(0, 0), 0.0);
    }
}
