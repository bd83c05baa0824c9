//! The rules a persona's sources beyond the survey meet (schema 5): a records extract's
//! fingerprint and a match count that leaves at least k respondents on each side; a
//! weighted share only with the weighting it came from.

use super::validate::{count, fraction, length, PersonaProblem, MAX_LIST, MAX_NAME, MAX_TEXT};
use crate::personas::{Persona, RecordsSource};
use crate::records::Matched;
use crate::survey::is_sha256;

/// The records extract, the community weighting and the quotes (survey answers or
/// interview excerpts) a persona rests on.
pub(super) fn check_sources(p: &Persona, k: usize) -> Result<(), PersonaProblem> {
    use PersonaProblem::Provenance;
    count("quotes", p.quotes.len(), MAX_LIST)?;
    for q in &p.quotes {
        length("quote", &q.text, MAX_TEXT)?;
        if let Some(interview) = &q.interview {
            length("interviewer", &interview.interviewer, MAX_NAME)?;
        }
    }
    let prov = &p.provenance;
    if let Some(records) = &prov.records {
        check_records(records, prov.rows, k)?;
    }
    if let Some(community) = prov.community {
        if community.effective_n < k || community.effective_n > prov.rows {
            return Err(Provenance(
                "community.effective_n must be from k to the survey's rows",
            ));
        }
    }
    if prov.interviews > super::validate::MAX_LIST * 10 {
        return Err(Provenance("interviews is a count of at most 1,000"));
    }
    if let Some(share) = p.segment.weighted_share {
        fraction("weighted share", share, 1)?;
        if prov.community.is_none() {
            return Err(Provenance(
                "a weighted share needs the community weighting in the provenance",
            ));
        }
    }
    Ok(())
}

/// The records extract's fingerprint is a SHA-256, and a matched count rests on at least
/// `k` respondents and leaves at least `k` of the survey's `rows` unmatched (otherwise
/// the file says "all" or "all but a few").
fn check_records(records: &RecordsSource, rows: usize, k: usize) -> Result<(), PersonaProblem> {
    use PersonaProblem::Provenance;
    if !is_sha256(&records.sha256) {
        return Err(Provenance("records.sha256 must be 64 lowercase hex digits"));
    }
    if let Matched::Count(n) = records.matched {
        if n < k || n > rows || rows - n < k {
            return Err(Provenance(
                "records.matched must leave at least k respondents matched and unmatched",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(matched: Matched) -> RecordsSource {
        RecordsSource {
            sha256: "a".repeat(64),
            matched,
        }
    }

    #[test]
    fn a_match_count_keeps_k_on_each_side() {
        assert!(check_records(&source(Matched::All), 150, 11).is_ok());
        assert!(check_records(&source(Matched::AllButFew), 150, 11).is_ok());
        assert!(check_records(&source(Matched::Count(120)), 150, 11).is_ok());
        for n in [5, 145, 151] {
            assert!(
                check_records(&source(Matched::Count(n)), 150, 11).is_err(),
                "{n}"
            );
        }
        let bad = RecordsSource {
            sha256: "not a hash".into(),
            matched: Matched::All,
        };
        assert!(check_records(&bad, 150, 11).is_err());
    }
}
