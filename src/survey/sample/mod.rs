//! Synthetic patient surveys — the sample a newcomer tries (**Try a sample survey**), the
//! benchmark's input and the tests' — a Qualtrics-like export with ~20
//! questions of every kind (identifiers, dates, ages, choices in several spellings,
//! multi-selects, Likert and 0–10 scales, counts, free text with the odd phone number
//! or name in it), drawn from five planted kinds of patient so that segmentation has
//! something real to find and its result can be checked against what was planted.
//!
//! Seeded: the same number of rows always gives the same bytes. Nobody in it is real:
//! every answer is drawn at random from the tables below (docs/sample-survey.md).

use rand::{RngExt, SeedableRng};
use rand_xorshift::XorShiftRng;

mod tables;

use tables::{
    Kind, AGREE, BARRIERS, CHANNELS, CLINICS, CONDITIONS, EMPLOYMENT, FIRST_NAMES, GENDERS,
    GENERAL, HEADER, INTERNET, JOURNEY, KINDS, SATISFACTION, TRAVEL,
};

/// The planted kinds of patient, and each respondent's kind (for the quality check).
pub struct Generated {
    pub csv: Vec<u8>,
    pub planted: Vec<u8>,
}

/// How often a respondent answers as their kind would rather than at random.
const TYPICAL: f64 = 0.75;

/// What the sample a newcomer tries is called, and how many answered it.
pub const SAMPLE_FILE_NAME: &str = "sample-patient-survey-synthetic.csv";
pub const SAMPLE_ROWS: usize = 1500;

/// The sample survey **Try a sample survey** opens: [`SAMPLE_ROWS`] made-up patients.
pub fn sample() -> Vec<u8> {
    generate(SAMPLE_ROWS).csv
}

/// Writes a survey of `rows` respondents.
pub fn generate(rows: usize) -> Generated {
    let mut rng = XorShiftRng::seed_from_u64(2026);
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(rows * 320));
    writer.write_record(HEADER).expect("writing to memory");
    let mut planted = Vec::with_capacity(rows);
    for row in 0..rows {
        let which = rng.random_range(0..KINDS.len());
        planted.push(which as u8);
        let record = respondent(&mut rng, &KINDS[which], row);
        writer.write_record(&record).expect("writing to memory");
    }
    Generated {
        csv: writer.into_inner().expect("writing to memory"),
        planted,
    }
}

fn respondent(rng: &mut XorShiftRng, kind: &Kind, row: usize) -> Vec<String> {
    let typical = |rng: &mut XorShiftRng, usual: usize, of: usize| {
        if rng.random_bool(TYPICAL) {
            usual
        } else {
            rng.random_range(0..of)
        }
    };
    let age = rng.random_range(kind.ages.0..=kind.ages.1);
    let gender = GENDERS[rng.random_range(0..GENDERS.len())];
    let conditions = some_of(rng, kind.conditions, &CONDITIONS);
    let visits = rng.random_range(kind.visits.0..=kind.visits.1);
    let satisfaction = SATISFACTION[typical(rng, kind.satisfaction, SATISFACTION.len())];
    let recommend = (typical(rng, kind.satisfaction, 5) * 2 + rng.random_range(0..=2)).min(10);
    let travel = TRAVEL[typical(rng, kind.travel, TRAVEL.len())];
    let journey = JOURNEY[typical(rng, kind.journey, JOURNEY.len())];
    let barriers = some_of(rng, kind.barriers, &BARRIERS);
    let channel = CHANNELS[typical(rng, kind.channel, CHANNELS.len())];
    let internet = INTERNET[typical(rng, kind.internet, INTERNET.len())];
    let agree = AGREE[typical(rng, kind.agree, AGREE.len())];
    let employment = EMPLOYMENT[typical(rng, kind.employment, EMPLOYMENT.len())];
    vec![
        format!("R_{:015X}", rng.random::<u64>() >> 4),
        format!(
            "2026-{:02}-{:02} {:02}:{:02}:{:02}",
            1 + row % 12,
            1 + row % 28,
            8 + row % 10,
            row % 60,
            (row * 7) % 60
        ),
        age.to_string(),
        gender.to_string(),
        format!("{:05}", rng.random_range(1000..99999)),
        CLINICS[rng.random_range(0..CLINICS.len())].to_string(),
        conditions,
        visits.to_string(),
        satisfaction.to_string(),
        recommend.to_string(),
        travel.to_string(),
        journey.to_string(),
        barriers,
        channel.to_string(),
        internet.to_string(),
        agree.to_string(),
        employment.to_string(),
        free_text(rng, kind, 0.8),
        free_text(rng, kind, 0.3),
        if rng.random_bool(0.25) {
            format!("patient{}@example.org", rng.random_range(1000..999_999))
        } else {
            String::new()
        },
    ]
}

/// The kind's usual options, each kept most of the time, plus now and then another.
fn some_of(rng: &mut XorShiftRng, usual: &[usize], options: &[&str]) -> String {
    let mut chosen: Vec<usize> = usual
        .iter()
        .copied()
        .filter(|_| rng.random_bool(TYPICAL))
        .collect();
    if rng.random_bool(0.2) {
        chosen.push(rng.random_range(0..options.len()));
    }
    chosen.sort_unstable();
    chosen.dedup();
    let names: Vec<&str> = chosen.iter().map(|&i| options[i]).collect();
    names.join(";")
}

/// A sentence with its slots filled: numbers, days, hours, clinics, parts of the day.
fn fill(rng: &mut XorShiftRng, template: &str) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const PARTS: [&str; 3] = ["morning", "afternoon", "day"];
    let mut text = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("slots are closed");
        match &rest[open + 1..close] {
            "n" => text.push_str(&rng.random_range(2..60).to_string()),
            "day" => text.push_str(DAYS[rng.random_range(0..DAYS.len())]),
            "part" => text.push_str(PARTS[rng.random_range(0..PARTS.len())]),
            "hour" => text.push_str(&format!("{}pm", rng.random_range(4..8))),
            "clinic" => text.push_str(CLINICS[rng.random_range(0..CLINICS.len())]),
            slot => panic!("unknown slot {slot}"),
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text
}

/// One to three sentences, sometimes over two lines, now and then with a name or phone
/// number the privacy guard must scrub; blank unless the respondent answers (`answers`).
fn free_text(rng: &mut XorShiftRng, kind: &Kind, answers: f64) -> String {
    if !rng.random_bool(answers) {
        return String::new();
    }
    let mut text = String::new();
    for sentence in 0..rng.random_range(1..=3) {
        if sentence > 0 {
            text.push_str(if rng.random_bool(0.1) { "\n" } else { " " });
        }
        let pick = if rng.random_bool(0.6) {
            kind.complaints[rng.random_range(0..kind.complaints.len())]
        } else {
            GENERAL[rng.random_range(0..GENERAL.len())]
        };
        text.push_str(&fill(rng, pick));
    }
    match rng.random_range(0..40) {
        0 => text.push_str(&format!(
            " My name is {}.",
            FIRST_NAMES[rng.random_range(0..FIRST_NAMES.len())]
        )),
        1 => text.push_str(&format!(
            " Call me on 07700 {:06}.",
            rng.random_range(0..1_000_000)
        )),
        _ => {}
    }
    text
}
