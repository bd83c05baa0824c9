//! Display wording shared by the pipeline and the UI, worded once here.

/// A count with its noun, singular for exactly one: `counted(1, "persona")` is
/// "1 persona", `counted(3, "saved persona")` is "3 saved personas". `noun` is the
/// singular; every noun the app counts makes its plural with an "s".
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::counted;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(counted(1, "persona"), "1 persona");
        assert_eq!(counted(0, "persona"), "0 personas");
        assert_eq!(counted(2, "answer group"), "2 answer groups");
        assert_eq!(counted(100_000, "row"), "100000 rows");
    }
}
