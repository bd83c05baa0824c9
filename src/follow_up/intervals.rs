//! Sampling error of the figures a plan is judged by, at 95 %: the Wilson score
//! interval for a share, Newcombe's hybrid score interval for the difference of two
//! independent shares (Newcombe 1998, "Interval estimation for the difference between
//! independent proportions", method 10), and a normal approximation for the difference
//! of two medians (standard error 1.2533 σ / √n, σ estimated as IQR / 1.349).

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_964;

/// The Wilson score interval of `count` out of `base`, as fractions.
pub fn wilson(count: usize, base: usize) -> (f64, f64) {
    if base == 0 {
        return (0.0, 1.0);
    }
    let n = base as f64;
    let p = count as f64 / n;
    let z2 = Z95 * Z95;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z95 / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// The 95 % interval of `after − before`, two independent shares given as (count, base).
pub fn difference_of_shares(before: (usize, usize), after: (usize, usize)) -> (f64, f64) {
    let share = |(count, base): (usize, usize)| count as f64 / base.max(1) as f64;
    let (p1, p2) = (share(before), share(after));
    let (l1, u1) = wilson(before.0, before.1);
    let (l2, u2) = wilson(after.0, after.1);
    let d = p2 - p1;
    (
        d - ((p2 - l2).powi(2) + (u1 - p1).powi(2)).sqrt(),
        d + ((u2 - p2).powi(2) + (p1 - l1).powi(2)).sqrt(),
    )
}

/// The 95 % interval of `after − before`, two medians given as (median, IQR, n).
pub fn difference_of_medians(before: (f64, f64, usize), after: (f64, f64, usize)) -> (f64, f64) {
    let variance = |(_, iqr, n): (f64, f64, usize)| {
        let se = 1.2533 * (iqr / 1.349) / (n.max(1) as f64).sqrt();
        se * se
    };
    let d = after.0 - before.0;
    let half = Z95 * (variance(before) + variance(after)).sqrt();
    (d - half, d + half)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.0005
    }

    #[test]
    fn wilson_matches_newcombes_worked_examples() {
        // Newcombe (1998), table II: 81/263 → 0.2553 to 0.3662; 0/10 → 0 to 0.2775.
        let (l, u) = wilson(81, 263);
        assert!(close(l, 0.2553) && close(u, 0.3662), "{l} {u}");
        let (l, u) = wilson(0, 10);
        assert!(close(l, 0.0) && close(u, 0.2775), "{l} {u}");
    }

    #[test]
    fn difference_matches_newcombes_worked_example() {
        // Newcombe (1998), table II, example (a): 56/70 − 48/80 → 0.0524 to 0.3339.
        let (l, u) = difference_of_shares((48, 80), (56, 70));
        assert!(close(l, 0.0524) && close(u, 0.3339), "{l} {u}");
    }

    #[test]
    fn a_median_difference_narrows_with_more_answers() {
        let small = difference_of_medians((5.0, 4.0, 20), (3.0, 4.0, 20));
        let large = difference_of_medians((5.0, 4.0, 2000), (3.0, 4.0, 2000));
        assert!(small.0 < -2.0 && small.1 > -2.0);
        assert!(large.1 - large.0 < small.1 - small.0);
        assert!(large.1 < 0.0, "a two-point drop on 2,000 answers is real");
    }
}
