//! The kind a user gives a column when the one worked out from its answers is wrong:
//! codes read as numbers that are really choices, a rating read as plain choices, short
//! comments read as choices.

use super::{is_number, scale_order, ColumnKind, ColumnSummary};

/// The kinds a user may choose for a column.
pub const CHOSEN_KINDS: [ColumnKind; 4] = [
    ColumnKind::Categorical,
    ColumnKind::Scale,
    ColumnKind::Numeric,
    ColumnKind::FreeText,
];

/// Why a column's answers do not fit the kind a user chose for it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum KindRefusal {
    #[error("“{column}” is a multi-select question; its answers count per option, so it keeps its kind.")]
    MultiSelect { column: String },
    #[error("“{column}” cannot be made “{}”.", .kind.label())]
    NotChoosable { column: String, kind: ColumnKind },
    #[error(
        "The answers to “{column}” have no order the app knows (such as Disagree … Agree, \
         Never … Always, or numbers), so it stays “{}”.",
        .stays.label()
    )]
    NoOrder { column: String, stays: ColumnKind },
    #[error("“{answer}” is not a number, so “{column}” stays “{}”.", .stays.label())]
    NotANumber {
        column: String,
        answer: String,
        stays: ColumnKind,
    },
}

/// The column described as being of `kind`, or why its answers do not fit that kind.
pub fn summarise_as(
    summary: &ColumnSummary,
    kind: ColumnKind,
) -> Result<ColumnSummary, KindRefusal> {
    let column = summary.name.clone();
    if summary.kind == ColumnKind::MultiSelect {
        return Err(KindRefusal::MultiSelect { column });
    }
    if !CHOSEN_KINDS.contains(&kind) {
        return Err(KindRefusal::NotChoosable { column, kind });
    }
    let stays = summary.kind;
    let scale = match kind {
        ColumnKind::Scale => Some(order(summary).ok_or(KindRefusal::NoOrder { column, stays })?),
        ColumnKind::Numeric => {
            if let Some(other) = summary.counts.iter().find(|a| !is_number(&a.value)) {
                return Err(KindRefusal::NotANumber {
                    column,
                    answer: other.value.to_string(),
                    stays,
                });
            }
            None
        }
        _ => None,
    };
    Ok(ColumnSummary {
        kind,
        scale,
        ..summary.clone()
    })
}

/// The answers from lowest to highest: a known scale, or numbers in numeric order.
fn order(summary: &ColumnSummary) -> Option<Vec<String>> {
    let values: Vec<&str> = summary.counts.iter().map(|a| a.value.as_str()).collect();
    if let Some(known) = scale_order(&values) {
        return Some(known);
    }
    let mut numbers: Vec<(f64, &str)> = values
        .iter()
        .map(|v| v.parse::<f64>().ok().map(|n| (n, *v)))
        .collect::<Option<_>>()?;
    numbers.sort_by(|a, b| a.0.total_cmp(&b.0));
    Some(numbers.into_iter().map(|(_, v)| v.to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::super::summarise;
    use super::*;
    use crate::survey::read_detected;

    fn summary(csv: &str) -> ColumnSummary {
        summarise(&read_detected(csv.as_bytes()).unwrap()).remove(0)
    }

    #[test]
    fn codes_become_choices_and_numbers_an_ordered_scale() {
        let mut csv = String::from("Clinic code\n");
        for i in 0..40 {
            csv.push_str(&format!("{}\n", [30, 100, 20][i % 3]));
        }
        let codes = summary(&csv);
        assert_eq!(codes.kind, ColumnKind::Categorical);
        let scale = summarise_as(&codes, ColumnKind::Scale).unwrap();
        assert_eq!(
            scale.scale,
            Some(vec!["20".into(), "30".into(), "100".into()])
        );
        let choice = summarise_as(&scale, ColumnKind::Categorical).unwrap();
        assert_eq!((choice.kind, choice.scale), (ColumnKind::Categorical, None));
        let number = summarise_as(&codes, ColumnKind::Numeric).unwrap();
        assert_eq!((number.kind, number.scale), (ColumnKind::Numeric, None));
        assert_eq!(number.counts, codes.counts);
    }

    #[test]
    fn answers_that_do_not_fit_are_refused_with_the_reason() {
        let travel = summary("How do you travel?\nBus\nCar\nBus\nCar\n");
        let error = summarise_as(&travel, ColumnKind::Numeric).unwrap_err();
        assert!(matches!(&error, KindRefusal::NotANumber { answer, .. } if answer == "Bus"));
        assert!(
            error.to_string().contains("“Bus” is not a number"),
            "{error}"
        );
        let error = summarise_as(&travel, ColumnKind::Scale).unwrap_err();
        assert!(error.to_string().contains("no order"), "{error}");
        let text = summarise_as(&travel, ColumnKind::FreeText).unwrap();
        assert_eq!(text.kind, ColumnKind::FreeText);
        let folded = summary("Channels\nApp; Text\nText\n");
        if folded.kind == ColumnKind::MultiSelect {
            assert!(summarise_as(&folded, ColumnKind::Categorical).is_err());
        }
        assert!(summarise_as(&travel, ColumnKind::Unique).is_err());
    }
}
