//! Sorting a new wave's respondents into the personas already kept. A persona defined by
//! an answer or a rule takes exactly the respondents who meet it. Latent classes kept
//! with their class profiles are sorted with the same model: each respondent goes to
//! their likeliest class if their answers are typical of it
//! (`segments::latent::ProfileModel::sort`). Other personas found across the questions
//! have only their published figures to go on: each respondent is scored by
//! how much likelier their answers are among the persona's segment than among everyone
//! (a log-likelihood ratio over its traits) and goes to the persona of its build that
//! scores highest — if they give the persona's typical answer (one more common in the
//! segment than overall) to at least half of its questions they answered; otherwise
//! they fit none.

use std::collections::HashMap;

use super::KeptPersona;
use crate::columns::{chosen, ColumnKind, ColumnSummary};
use crate::segments::latent::ProfileModel;
use crate::survey::Survey;

/// Shares are kept inside this margin so one unusual answer cannot veto a persona.
const FLOOR: f64 = 0.02;

/// The build a found persona came from: its source file, method, number and seed.
type BuildKey<'a> = (&'a str, &'a str, usize, u64);

/// Each persona's members in the new wave, in the personas' order; `None` when the
/// persona's questions are not in this survey.
pub fn assign(
    survey: &Survey,
    summaries: &[ColumnSummary],
    personas: &[KeptPersona],
) -> Vec<Option<Vec<usize>>> {
    let mut members: Vec<Option<Vec<usize>>> = vec![None; personas.len()];
    // Personas found together compete for respondents; keyed by the build they came from.
    let mut builds: HashMap<BuildKey, Vec<(usize, Profile)>> = HashMap::new();
    for (i, persona) in personas.iter().enumerate() {
        match &persona.segment.definition {
            Some(rule) => members[i] = rule.members(survey).ok(),
            None => {
                if let Some(profile) = Profile::of(persona, survey, summaries) {
                    let p = &persona.build;
                    let key = (
                        p.source_sha256.as_str(),
                        p.method.as_str(),
                        p.segment_count,
                        p.seed,
                    );
                    builds.entry(key).or_default().push((i, profile));
                    members[i] = Some(Vec::new());
                }
            }
        }
    }
    for profiles in builds.values() {
        if let Some(model) = kept_model(personas, profiles, summaries) {
            for row in 0..survey.respondents() {
                if let Some(c) = model.sort(survey, row) {
                    members[profiles[c].0]
                        .get_or_insert_with(Vec::new)
                        .push(row);
                }
            }
            continue;
        }
        for row in 0..survey.respondents() {
            let best = profiles
                .iter()
                .map(|(i, profile)| (*i, profile.score(survey, row)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some((i, _)) = best else { continue };
            let profile = &profiles.iter().find(|(j, _)| *j == i).expect("scored").1;
            let (typical, answered) = profile.agreement(survey, row);
            if answered > 0 && 2 * typical >= answered {
                members[i].get_or_insert_with(Vec::new).push(row);
            }
        }
    }
    members
}

/// The latent class model of one build's personas, when every one kept its class
/// profile and enough of their questions are in the wave.
fn kept_model(
    personas: &[KeptPersona],
    profiles: &[(usize, Profile)],
    summaries: &[ColumnSummary],
) -> Option<ProfileModel> {
    let classes: Vec<_> = profiles
        .iter()
        .map(|(i, _)| {
            let segment = &personas[*i].segment;
            segment.class_profile.as_ref().map(|p| (p, segment.size))
        })
        .collect::<Option<_>>()?;
    let k = personas[profiles[0].0].build.min_group_size;
    ProfileModel::new(&classes, summaries, k)
}

/// Whether `answer` gives `value` (for a multi-select: chose it).
pub fn gives(answer: &str, value: &str, multi: bool) -> bool {
    if multi {
        chosen(answer).any(|o| o == value)
    } else {
        answer.trim() == value
    }
}

/// A persona's traits as evidence to score respondents with.
struct Profile {
    questions: Vec<Question>,
}

struct Question {
    column: usize,
    multi: bool,
    /// (answer, share in the segment, share overall), shares from 0 to 1.
    listed: Vec<(String, f64, f64)>,
}

impl Profile {
    /// `None` when fewer than half the persona's questions are in the survey.
    fn of(persona: &KeptPersona, survey: &Survey, summaries: &[ColumnSummary]) -> Option<Profile> {
        let mut questions: Vec<Question> = Vec::new();
        let mut asked = 0;
        for t in &persona.traits {
            if !questions
                .iter()
                .any(|q| survey.columns()[q.column].name == t.attribute)
            {
                asked += 1;
                let Some(summary) = summaries.iter().find(|s| s.name == t.attribute) else {
                    continue;
                };
                questions.push(Question {
                    column: summary.index,
                    multi: summary.kind == ColumnKind::MultiSelect,
                    listed: Vec::new(),
                });
            }
            if let Some(q) = questions
                .iter_mut()
                .find(|q| survey.columns()[q.column].name == t.attribute)
            {
                q.listed.push((
                    t.value.clone(),
                    t.segment_pct / 100.0,
                    t.overall_pct / 100.0,
                ));
            }
        }
        (!questions.is_empty() && questions.len() * 2 >= asked).then_some(Profile { questions })
    }

    /// To how many of the persona's questions the row gives a typical answer (one more
    /// common in the segment than overall), of how many it answered.
    fn agreement(&self, survey: &Survey, row: usize) -> (usize, usize) {
        let mut typical = 0;
        let mut answered = 0;
        for q in &self.questions {
            let answer = survey.columns()[q.column].answers[row].trim();
            if answer.is_empty() {
                continue;
            }
            answered += 1;
            let gives_typical = q.listed.iter().any(|(value, segment, overall)| {
                segment > overall && gives(answer, value, q.multi)
            });
            typical += usize::from(gives_typical);
        }
        (typical, answered)
    }

    /// How much likelier the row's answers are in the persona's segment than overall
    /// (natural log); blank answers count for nothing.
    fn score(&self, survey: &Survey, row: usize) -> f64 {
        let ratio = |segment: f64, overall: f64| {
            (segment.clamp(FLOOR, 1.0 - FLOOR) / overall.clamp(FLOOR, 1.0 - FLOOR)).ln()
        };
        let mut score = 0.0;
        for q in &self.questions {
            let answer = survey.columns()[q.column].answers[row].trim();
            if answer.is_empty() {
                continue;
            }
            if q.multi {
                for (value, segment, overall) in &q.listed {
                    score += if gives(answer, value, true) {
                        ratio(*segment, *overall)
                    } else {
                        ratio(1.0 - segment, 1.0 - overall)
                    };
                }
            } else {
                score += match q.listed.iter().find(|(value, _, _)| value == answer) {
                    Some((_, segment, overall)) => ratio(*segment, *overall),
                    None => {
                        let segment: f64 = q.listed.iter().map(|l| l.1).sum();
                        let overall: f64 = q.listed.iter().map(|l| l.2).sum();
                        ratio(1.0 - segment, 1.0 - overall)
                    }
                };
            }
        }
        score
    }
}
