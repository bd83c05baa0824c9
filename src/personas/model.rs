//! The persona record, as kept in the library and written to persona files.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use super::dates::{optional_date, review_date};
use super::numbers::NumberTrait;
use crate::columns::Role;
use crate::follow_up::{Plan, Rating, Review, WaveRecord};
use crate::segments::latent::ClassProfile;
use crate::segments::rules::Rule;
use crate::segments::Stability;

/// A patient persona: a named, evidence-backed description of one segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    /// Stable identifier: the same file and segment always give the same id.
    pub id: String,
    /// The persona's plain name: what sets its people apart, in a few words ("Lives
    /// alone, prefers a phone call").
    pub name: String,
    /// An illustrative person standing for them: an invented first name, their main age
    /// band and a short descriptor ("Margaret, 65–74: lives alone, transport gets in
    /// the way"). Editable; blank in files before version 3.
    #[serde(default)]
    pub display_name: String,
    /// One sentence a nurse can repeat, naming the defining traits in plain words.
    #[serde(default)]
    pub headline: String,
    /// Up to three things that matter to them, as short phrases.
    #[serde(default)]
    pub goals: Vec<String>,
    /// Up to three things that stand in their way, as short phrases.
    #[serde(default)]
    pub frustrations: Vec<String>,
    pub summary: String,
    pub segment: SegmentInfo,
    /// Answers that describe the segment, each with its evidence.
    pub traits: Vec<Trait>,
    /// Number questions (counts, durations, scores): median and quartiles against
    /// everyone's, with a small histogram (persona file version 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<NumberTrait>,
    /// Scrubbed, approved quotes (none yet).
    pub quotes: Vec<Quote>,
    /// Recommended actions (none yet).
    pub actions: Vec<Action>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// The date the persona should next be reviewed.
    #[serde(with = "review_date")]
    pub review_due: Date,
    /// When staff last marked it reviewed.
    #[serde(
        default,
        with = "optional_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_reviewed: Option<Date>,
    /// Who on the team looks after it (free text, may be blank).
    #[serde(default)]
    pub owner: String,
    /// Labels staff filter by ("diabetes clinic", "2027 plan").
    #[serde(default)]
    pub tags: Vec<String>,
    /// Dated notes from staff: what they observed, patient feedback.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// The actions the team adopted, with owners, status, due dates and measures
    /// (persona file version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<Plan>,
    /// Its figures at every wave it was built or refreshed from, oldest first (version
    /// 4; a persona read from an older file gets one, from its figures as they are).
    #[serde(default)]
    pub waves: Vec<WaveRecord>,
    /// Staff's answers to "Does this match the patients you see?" (version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
    /// Its quarterly reviews, oldest first (version 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    pub provenance: Provenance,
}

/// A dated note staff attached to a persona.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    #[serde(with = "review_date")]
    pub date: Date,
    /// Who wrote it (may be blank).
    #[serde(default)]
    pub author: String,
    pub text: String,
}

/// How many respondents the persona stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentInfo {
    /// Respondents in the segment (at least 11).
    pub size: usize,
    /// The segment's share of all respondents, from 0 to 1.
    pub share: f64,
    /// The condition that defines the segment, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// How well a segment found in the answers holds together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<SegmentQuality>,
    /// The conditions that define the segment, when it is one answer or a rule: a new
    /// survey wave is sorted by them exactly. Found segments have none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Rule>,
    /// For a latent class: the class's part of the model (aggregates under the
    /// small-cell rules), so that a new wave is sorted with the same model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_profile: Option<ClassProfile>,
    /// The segment's share of the community, from 0 to 1, when respondents were weighted
    /// to a community profile (schema 5; `share` stays the unweighted one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighted_share: Option<f64>,
}

/// How far a found segment can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentQuality {
    /// Mean Jaccard similarity with itself over bootstrap resamples, 0–1: at least 0.75
    /// is "stable", 0.6 to 0.75 "weak", below 0.6 "unreliable".
    pub stability: f64,
    /// Mean silhouette width of its members, −1 to 1 (segments of similar answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silhouette: Option<f64>,
    /// Mean probability of its members belonging to it, 0–1 (latent classes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub membership: Option<f64>,
}

impl SegmentQuality {
    /// The badge shown on the persona.
    pub fn badge(&self) -> Stability {
        Stability::of(self.stability)
    }

    /// The figures beside the badge, e.g. "stability 0.92 · membership 0.97".
    pub fn figures(&self) -> String {
        let mut text = format!("stability {:.2}", self.stability);
        if let Some(membership) = self.membership {
            text.push_str(&format!(" · membership {membership:.2}"));
        }
        if let Some(silhouette) = self.silhouette {
            text.push_str(&format!(" · silhouette {silhouette:.2}"));
        }
        text
    }
}

/// One answer that describes the segment, with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trait {
    /// The question.
    pub attribute: String,
    /// The answer.
    pub value: String,
    /// Percent of the segment giving this answer (0–100).
    pub segment_pct: f64,
    /// Percent of all respondents giving this answer (0–100).
    pub overall_pct: f64,
    /// Respondents in the segment giving this answer (at least 11).
    pub n: usize,
    /// The question's role, which decides the persona section the trait is shown in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Whether the segment gives this answer significantly more often than the other
    /// respondents (two-proportion z test, z ≥ 1.96).
    #[serde(default)]
    pub distinctive: bool,
}

impl Trait {
    /// Whether the answer is strong enough to speak for the persona (in its summary, or
    /// to call for an action): given by at least a quarter of the segment, and either
    /// distinctive or given by half of it or more.
    pub fn is_strong(&self) -> bool {
        self.segment_pct >= 25.0 && (self.distinctive || self.segment_pct >= 50.0)
    }

    /// How many times more common the answer is in the segment than overall.
    pub fn lift(&self) -> f64 {
        if self.overall_pct > 0.0 {
            self.segment_pct / self.overall_pct
        } else {
            0.0
        }
    }
}

/// A free-text answer approved for the persona, or an excerpt of interview notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    /// Set when the quote is from an interview, not a survey answer (schema 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<InterviewSource>,
}

impl Persona {
    /// Attaches a quote from an interview and counts the interviews its quotes rest on.
    pub fn attach_interview_quote(&mut self, quote: Quote) {
        self.quotes.push(quote);
        let mut held: Vec<&InterviewSource> = self
            .quotes
            .iter()
            .filter_map(|q| q.interview.as_ref())
            .collect();
        held.sort_by(|a, b| (a.date, &a.interviewer).cmp(&(b.date, &b.interviewer)));
        held.dedup();
        self.provenance.interviews = self.provenance.interviews.max(held.len());
    }
}

impl Quote {
    /// Where the quote comes from, as a card says it under the quote ("From an
    /// interview, 2026-11-30, Sam Lee"); `None` for a survey answer.
    pub fn attribution(&self) -> Option<String> {
        self.interview.as_ref().map(|i| {
            format!(
                "From an interview, {}, {}",
                super::iso_date(i.date),
                i.interviewer
            )
        })
    }
}

/// The interview a quote comes from: its date and who held it (staff, not a patient).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterviewSource {
    #[serde(with = "review_date")]
    pub date: Date,
    pub interviewer: String,
}

/// Something the care team can do for this persona, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    pub text: String,
    #[serde(default)]
    pub evidence: String,
}

/// Where a persona came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Hex SHA-256 of the survey file.
    pub source_sha256: String,
    /// Respondents in the survey.
    pub rows: usize,
    /// How segments were formed, e.g. `group-by`.
    pub method: String,
    /// How many segments that method produced (`k` in the file, from schema 1).
    #[serde(rename = "k")]
    pub segment_count: usize,
    /// The random seed (0 for deterministic methods).
    pub seed: u64,
    /// The smallest group size the persona was allowed to rest on.
    #[serde(default = "default_min_group_size")]
    pub min_group_size: usize,
    /// The later survey wave its figures were last refreshed from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refreshed: Option<Wave>,
    /// How well a latent class model fitted, for personas found by one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fit: Option<ModelFit>,
    /// The records extract linked to the survey when the persona was built (schema 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records: Option<RecordsSource>,
    /// The community profile respondents were weighted to, when they were (schema 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<CommunitySource>,
    /// How many interviews (by date and interviewer) its quotes come from (schema 5);
    /// kept when an export leaves the quotes out.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub interviews: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Respondents weighted to a community profile: what the weighting cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunitySource {
    /// Kish's effective sample size of the weighted survey, to the nearest respondent.
    pub effective_n: usize,
}

/// A records extract a persona rests on: its fingerprint and how many respondents it
/// matched, as the page showed it (never a count of 1–10 either side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsSource {
    /// Hex SHA-256 of the extract file.
    pub sha256: String,
    pub matched: crate::records::Matched,
}

/// The fit figures of a latent class model (over the respondents it was fitted on).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFit {
    pub log_likelihood: f64,
    /// Bayesian information criterion, −2 ln L + p ln n (lower is better).
    pub bic: f64,
    /// Normalised entropy, 0–1 (1: every respondent clearly in one class).
    pub entropy: f64,
    /// Respondents the model was fitted on (a seeded sample of large surveys).
    pub fitted: usize,
}

/// A survey wave a persona's figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wave {
    /// Hex SHA-256 of the wave's file.
    pub source_sha256: String,
    /// Respondents in the wave.
    pub rows: usize,
    #[serde(with = "review_date")]
    pub date: Date,
}

fn default_min_group_size() -> usize {
    crate::privacy::MIN_GROUP_SIZE
}
