//! Planted surveys for the segmentation benchmark and tests: respondents drawn from a
//! known number of kinds, each kind answering its own way, so that what a method finds
//! can be scored against what was planted.
//!
//! A survey has `questions` questions of mixed kinds — single choices (3–6 answers),
//! 5-point agreement scales, multi-selects (5 options, joined in one cell as Google
//! Forms does; blank when none is chosen), numbers (one symmetric, one skewed like a count) — of which a quarter
//! carry no signal (every kind answers them alike). On a signal question each kind has
//! its own answer pattern; `Separation` sets how strongly a respondent follows their
//! kind's pattern rather than answering like everyone (the share `s` of answers drawn
//! from the kind's pattern: clear 0.6, moderate 0.5, weak 0.35). Numbers: each kind's
//! mean sits 0–2 × `s` × 2 standard deviations away from the others. `missing` of all
//! answers are blank. Kind shares are drawn at random between 8 % and 40 %. With no
//! kinds the survey is pure noise. Seeded: the same cell and seed give the same bytes.

use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

/// How strongly the kinds differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Separation {
    Clear,
    Moderate,
    Weak,
}

impl Separation {
    pub const ALL: [Separation; 3] = [Separation::Clear, Separation::Moderate, Separation::Weak];

    /// The share of a respondent's answers drawn from their kind's own pattern.
    pub fn signal(self) -> f64 {
        match self {
            Separation::Clear => 0.6,
            Separation::Moderate => 0.5,
            Separation::Weak => 0.35,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Separation::Clear => "clear",
            Separation::Moderate => "moderate",
            Separation::Weak => "weak",
        }
    }
}

/// One cell of the grid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    /// Planted kinds; 0 for pure noise.
    pub kinds: usize,
    pub separation: Separation,
    /// Share of answers left blank.
    pub missing: f64,
    pub questions: usize,
    pub respondents: usize,
}

/// A generated survey and each respondent's planted kind.
pub struct PlantedSurvey {
    pub csv: Vec<u8>,
    pub truth: Vec<usize>,
    /// Each respondent's likeliest kind under the true model (the answers as drawn):
    /// the best any method could recover.
    pub oracle: Vec<usize>,
}

const SCALE: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];
const OPTIONS: usize = 5;

/// How one question is asked and how each kind answers it.
enum Question {
    /// Answer probabilities per kind (a scale is a choice over `SCALE`).
    Choice {
        answers: Vec<String>,
        kinds: Vec<Vec<f64>>,
    },
    /// Each option's probability of being chosen, per kind.
    Multi { kinds: Vec<[f64; OPTIONS]> },
    /// Each kind's mean (standard normal units); `skewed` numbers are exp-transformed.
    Number { means: Vec<f64>, skewed: bool },
}

/// Generates one survey of `cell` with `seed`.
pub fn generate(cell: Cell, seed: u64) -> PlantedSurvey {
    let mut rng = XorShiftRng::seed_from_u64(seed.wrapping_mul(7919) ^ cell.respondents as u64);
    let kinds = cell.kinds.max(1);
    let signal = if cell.kinds == 0 {
        0.0
    } else {
        cell.separation.signal()
    };
    let shares = shares(kinds, &mut rng);
    let questions: Vec<Question> = (0..cell.questions)
        .map(|q| {
            let noise = q % 4 == 3;
            question(q, kinds, if noise { 0.0 } else { signal }, &mut rng)
        })
        .collect();
    let mut csv = String::new();
    let header: Vec<String> = (0..cell.questions)
        .map(|q| match &questions[q] {
            Question::Choice { answers, .. } if answers[0] == SCALE[0] => {
                format!("Statement {} about the clinic", q + 1)
            }
            Question::Choice { .. } => format!("Question {} (choose one)", q + 1),
            Question::Multi { .. } => format!("Question {} (select all that apply)", q + 1),
            Question::Number { skewed: true, .. } => {
                format!("Visits counted in question {}", q + 1)
            }
            Question::Number { .. } => format!("Minutes reported in question {}", q + 1),
        })
        .collect();
    csv.push_str(&header.join(","));
    csv.push('\n');
    let mut truth = Vec::with_capacity(cell.respondents);
    let mut oracle = Vec::with_capacity(cell.respondents);
    let mut cells = Vec::with_capacity(cell.questions);
    for _ in 0..cell.respondents {
        let kind = pick(&shares, &mut rng);
        truth.push(kind);
        cells.clear();
        let mut log_p: Vec<f64> = shares.iter().map(|s| s.ln()).collect();
        for q in &questions {
            let (answer, drawn) = answer(q, kind, &mut rng);
            let blank = rng.random_range(0.0..1.0) < cell.missing;
            if !blank {
                for (k, l) in log_p.iter_mut().enumerate() {
                    *l += likelihood(q, k, &drawn).ln();
                }
            }
            cells.push(if blank { String::new() } else { answer });
        }
        oracle.push((0..kinds).fold(0, |b, k| if log_p[k] > log_p[b] { k } else { b }));
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    PlantedSurvey {
        csv: csv.into_bytes(),
        truth,
        oracle,
    }
}

/// Kind shares between 8 % and 40 %, summing to 1.
fn shares(kinds: usize, rng: &mut XorShiftRng) -> Vec<f64> {
    if kinds == 1 {
        return vec![1.0];
    }
    loop {
        let raw: Vec<f64> = (0..kinds).map(|_| rng.random_range(0.2..1.0)).collect();
        let total: f64 = raw.iter().sum();
        let shares: Vec<f64> = raw.iter().map(|r| r / total).collect();
        if shares.iter().all(|s| (0.08..=0.40).contains(s)) {
            return shares;
        }
    }
}

fn pick(weights: &[f64], rng: &mut XorShiftRng) -> usize {
    let mut target = rng.random_range(0.0..weights.iter().sum::<f64>());
    for (i, w) in weights.iter().enumerate() {
        target -= w;
        if target < 0.0 {
            return i;
        }
    }
    weights.len() - 1
}

/// Question `q`'s kind (by position, so every survey mixes them) and its kinds' patterns.
fn question(q: usize, kinds: usize, signal: f64, rng: &mut XorShiftRng) -> Question {
    match q % 10 {
        0 | 2 | 7 | 9 => {
            let n = rng.random_range(3..=6);
            let answers = (0..n)
                .map(|a| format!("Answer {}", (b'A' + a as u8) as char))
                .collect();
            Question::Choice {
                kinds: patterns(kinds, n, signal, rng, |favourite, a| {
                    f64::from(u8::from(a == favourite))
                }),
                answers,
            }
        }
        1 | 6 => Question::Choice {
            answers: SCALE.iter().map(|s| s.to_string()).collect(),
            kinds: patterns(kinds, SCALE.len(), signal, rng, |favourite, a| {
                [0.6, 0.2, 0.0][favourite.abs_diff(a).min(2)]
            }),
        },
        3 | 8 => Question::Multi {
            kinds: (0..kinds)
                .map(|_| {
                    let mut p = [0.0; OPTIONS];
                    for option in &mut p {
                        let own = if rng.random_range(0.0..1.0) < 0.5 {
                            0.9
                        } else {
                            0.1
                        };
                        *option = signal * own + (1.0 - signal) * 0.4;
                    }
                    p
                })
                .collect(),
        },
        _ => Question::Number {
            means: (0..kinds)
                .map(|_| rng.random_range(-2.0..2.0) * signal * 2.0)
                .collect(),
            skewed: q % 10 == 5,
        },
    }
}

/// Each kind's answer probabilities: `signal` of its own pattern (peaked at a favourite
/// answer, by `shape`), the rest like everyone (uniform).
fn patterns(
    kinds: usize,
    answers: usize,
    signal: f64,
    rng: &mut XorShiftRng,
    shape: impl Fn(usize, usize) -> f64,
) -> Vec<Vec<f64>> {
    (0..kinds)
        .map(|_| {
            let favourite = rng.random_range(0..answers);
            let own: Vec<f64> = (0..answers).map(|a| shape(favourite, a)).collect();
            let total: f64 = own.iter().sum();
            own.iter()
                .map(|o| signal * o / total + (1.0 - signal) / answers as f64)
                .collect()
        })
        .collect()
}

/// What was drawn for one question: the answer, the options chosen, or the number
/// before rounding (standard normal units).
enum Drawn {
    Answer(usize),
    Options([bool; OPTIONS]),
    Number(f64),
}

/// A respondent of `kind`'s answer as written, and what was drawn.
fn answer(question: &Question, kind: usize, rng: &mut XorShiftRng) -> (String, Drawn) {
    match question {
        Question::Choice { answers, kinds } => {
            let a = pick(&kinds[kind], rng);
            (answers[a].clone(), Drawn::Answer(a))
        }
        Question::Multi { kinds } => {
            let picked: [bool; OPTIONS] =
                std::array::from_fn(|o| rng.random_range(0.0..1.0) < kinds[kind][o]);
            let names: Vec<String> = (0..OPTIONS)
                .filter(|&o| picked[o])
                .map(|o| format!("Option {}", o + 1))
                .collect();
            let written = if names.is_empty() {
                String::new()
            } else {
                format!("\"{}\"", names.join(", "))
            };
            (written, Drawn::Options(picked))
        }
        Question::Number { means, skewed } => {
            let z = means[kind] + normal(rng);
            let written = if *skewed {
                format!("{}", (1.5 + 0.6 * z).exp().round())
            } else {
                format!("{}", (60.0 + 15.0 * z).round().max(0.0))
            };
            (written, Drawn::Number(z))
        }
    }
}

/// The probability (density, for a number) of what was drawn, for a respondent of `kind`.
fn likelihood(question: &Question, kind: usize, drawn: &Drawn) -> f64 {
    match (question, drawn) {
        (Question::Choice { kinds, .. }, Drawn::Answer(a)) => kinds[kind][*a],
        (Question::Multi { kinds }, Drawn::Options(picked)) => (0..OPTIONS)
            .map(|o| {
                if picked[o] {
                    kinds[kind][o]
                } else {
                    1.0 - kinds[kind][o]
                }
            })
            .product(),
        (Question::Number { means, .. }, Drawn::Number(z)) => {
            (-0.5 * (z - means[kind]).powi(2)).exp()
        }
        _ => unreachable!("each question draws its own kind of answer"),
    }
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut XorShiftRng) -> f64 {
    let u: f64 = rng.random_range(f64::EPSILON..1.0);
    let v: f64 = rng.random_range(0.0..1.0);
    (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
}
