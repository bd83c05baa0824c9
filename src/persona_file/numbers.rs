//! The rules a persona's number figures meet (persona file version 3): the small-cell
//! rule for every figure — no group, quartile or histogram bar rests on 1 to k−1
//! respondents, and no such count follows by subtraction.

use super::validate::PersonaProblem;
use crate::columns::numbers::{quantile_rests_on_k, MAX_BINS};
use crate::personas::{Distribution, NumberTrait, Persona, QUARTILES};

/// Checks every number figure of `p` against the minimum group size `k`.
pub(super) fn check_numbers(p: &Persona, k: usize) -> Result<(), PersonaProblem> {
    let rows = p
        .provenance
        .refreshed
        .as_ref()
        .map_or(p.provenance.rows, |wave| wave.rows);
    for number in &p.numbers {
        check_number(number, p.segment.size, rows, k)?;
    }
    Ok(())
}

fn check_number(
    number: &NumberTrait,
    size: usize,
    rows: usize,
    k: usize,
) -> Result<(), PersonaProblem> {
    use PersonaProblem::{NumberFigure, NumberTooFew};
    let edges = &number.edges;
    if edges.len() >= MAX_BINS
        || edges.iter().any(|e| !e.is_finite())
        || edges.windows(2).any(|w| w[0] >= w[1])
    {
        return Err(NumberFigure("its histogram's bins are not in order"));
    }
    for (distribution, group) in [(&number.segment, size), (&number.overall, rows)] {
        let n = distribution.n;
        if n < k || n > group || (n < group && group - n < k) {
            return Err(NumberTooFew { k });
        }
        check_quartiles(distribution, k)?;
        let bins = &distribution.bins;
        if !(bins.is_empty() || bins.len() == edges.len() + 1) {
            return Err(NumberFigure("its histogram has the wrong number of bars"));
        }
        let shown: usize = bins.iter().flatten().sum();
        let rest = n
            .checked_sub(shown)
            .ok_or(NumberFigure("its bars add up to more than answered"))?;
        if bins.iter().flatten().any(|&c| c > 0 && c < k) || (rest > 0 && rest < k) {
            return Err(NumberTooFew { k });
        }
    }
    Ok(())
}

/// Each quartile shown rests on at least `k` answers on either side, and they are in order.
fn check_quartiles(distribution: &Distribution, k: usize) -> Result<(), PersonaProblem> {
    let mut last = f64::NEG_INFINITY;
    for (p, quartile) in QUARTILES.into_iter().zip(distribution.quartiles()) {
        let Some(q) = quartile else { continue };
        if !quantile_rests_on_k(distribution.n, p, k) {
            return Err(PersonaProblem::NumberTooFew { k });
        }
        if !q.is_finite() || q < last {
            return Err(PersonaProblem::NumberFigure(
                "its quartiles are not in order",
            ));
        }
        last = q;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use time::macros::datetime;
    use time::OffsetDateTime;

    use super::*;
    use crate::persona_file::{check_persona, export, import, ExportOptions, SCHEMA_VERSION};
    use crate::test_support::persona;

    const NOW: OffsetDateTime = datetime!(2026-11-24 12:00 UTC);

    /// A persona of 25 among 40 respondents with a count question.
    fn with_visits() -> Persona {
        let mut p = persona("p1", "Partner");
        p.numbers.push(NumberTrait {
            attribute: "Clinic visits in the last 12 months".into(),
            role: None,
            segment: Distribution {
                n: 25,
                q1: None,
                median: Some(2.0),
                q3: None,
                bins: vec![Some(14), None, None],
            },
            overall: Distribution {
                n: 40,
                q1: None,
                median: Some(4.0),
                q3: None,
                bins: vec![Some(18), Some(22), Some(0)],
            },
            edges: vec![3.0, 6.0],
            whole: true,
            distinctive: true,
        });
        p
    }

    #[test]
    fn number_figures_round_trip_in_the_current_version() {
        let personas = vec![with_visits()];
        let text = export(&personas, ExportOptions::default(), NOW).unwrap();
        assert!(text.contains(&format!("\"schema_version\": {SCHEMA_VERSION}")));
        assert_eq!(import(text.as_bytes()).unwrap(), personas);
    }

    #[test]
    fn older_files_without_numbers_still_import() {
        let mut value: serde_json::Value = serde_json::from_str(
            &export(&[persona("p1", "Partner")], ExportOptions::default(), NOW).unwrap(),
        )
        .unwrap();
        value["schema_version"] = json!(2);
        let imported = import(value.to_string().as_bytes()).unwrap();
        assert!(imported[0].numbers.is_empty());
    }

    #[test]
    fn no_figure_rests_on_fewer_than_k() {
        let refused = |change: &dyn Fn(&mut NumberTrait)| {
            let mut p = with_visits();
            change(&mut p.numbers[0]);
            check_persona(&p).is_err()
        };
        assert!(check_persona(&with_visits()).is_ok());
        assert!(refused(&|n| n.segment.n = 10), "a group under k");
        assert!(
            refused(&|n| n.segment.n = 20),
            "5 blanks in the segment by subtraction"
        );
        assert!(refused(&|n| n.segment.bins[1] = Some(5)), "a bar of 5");
        assert!(
            refused(&|n| n.segment.bins = vec![Some(20), None, None]),
            "5 left unshown"
        );
        assert!(
            refused(&|n| n.segment.q1 = Some(1.0)),
            "6 answers below the lower quartile"
        );
        assert!(refused(&|n| n.overall.median = Some(f64::NAN)));
        assert!(refused(&|n| n.edges = vec![6.0, 3.0]));
        assert!(refused(&|n| n.overall.bins.truncate(2)));
        assert!(refused(&|n| n.attribute = "Call 0161 496 0000".into()));
    }
}
