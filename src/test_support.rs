//! Fixtures shared by the core's unit tests.

use time::macros::{date, datetime};

use crate::personas::{Persona, Provenance, SegmentInfo, Trait};

/// A valid persona with the given id and name, its timeline started as a read gives it.
pub fn persona(id: &str, name: &str) -> Persona {
    let mut persona = Persona {
        id: id.to_string(),
        name: name.to_string(),
        display_name: String::new(),
        headline: String::new(),
        goals: Vec::new(),
        frustrations: Vec::new(),
        summary: "25 of 40 respondents (62.5%) live with a partner.".to_string(),
        segment: SegmentInfo {
            size: 25,
            share: 0.625,
            rule: Some("lives_with = Partner".to_string()),
            quality: None,
            definition: None,
            class_profile: None,
            weighted_share: None,
        },
        traits: vec![Trait {
            attribute: "transport".to_string(),
            value: "Car".to_string(),
            segment_pct: 80.0,
            overall_pct: 57.5,
            n: 20,
            role: None,
            distinctive: false,
        }],
        numbers: vec![],
        quotes: vec![],
        actions: vec![],
        created_at: datetime!(2026-11-24 10:00 UTC),
        updated_at: datetime!(2026-11-24 10:00 UTC),
        review_due: date!(2027 - 02 - 24),
        last_reviewed: None,
        owner: String::new(),
        tags: vec![],
        notes: vec![],
        plans: vec![],
        waves: vec![],
        ratings: vec![],
        reviews: vec![],
        provenance: Provenance {
            source_sha256: "ab".repeat(32),
            rows: 40,
            method: "group-by".to_string(),
            segment_count: 2,
            seed: 0,
            min_group_size: 11,
            refreshed: None,
            fit: None,
            records: None,
            community: None,
            interviews: 0,
        },
    };
    crate::follow_up::start_timeline(&mut persona);
    persona
}

/// `text` as UTF-16 with its byte-order mark, big- or little-endian.
pub fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend(pair);
    }
    bytes
}
