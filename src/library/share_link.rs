//! **Copy a share link**: the selected personas, as a persona file (quotes left out),
//! deflated and written URL-safe after `#share=` — the fragment, which browsers never
//! send to any server. Opening the link reads it back through the same validation as an
//! import (`persona_file::read_file`); see docs/library.md for what a link contains.

use std::io::Read;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use flate2::read::{DeflateDecoder, DeflateEncoder};
use flate2::Compression;
use thiserror::Error;
use time::OffsetDateTime;

use crate::persona_file::{self, ExportOptions, Imported, MAX_FILE_BYTES};
use crate::personas::Persona;

/// What a share link's fragment starts with.
pub const SHARE_PREFIX: &str = "#share=";
/// The longest link made: 32,000 characters, under what every current browser opens
/// (Chromium takes 2 MB; others far less) and what mail and chat programs pass on whole.
pub const MAX_LINK_CHARS: usize = 32_000;

/// Why no link was made, or a link was not read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LinkError {
    #[error("Select personas to share first (the checkbox on each line's card).")]
    NothingSelected,
    #[error("The link would be {chars} characters long, more than the {MAX_LINK_CHARS} a link may be. Share fewer personas, or export them to a file and send that.")]
    TooLong { chars: usize },
    #[error("The personas could not be shared: {0}")]
    Export(String),
    #[error("This share link is damaged or cut short, so nothing was read.")]
    Damaged,
    #[error("This share link holds no personas that can be read: {0}")]
    Refused(String),
}

/// The link for `personas`: `base` (the app's address without its fragment) followed by
/// the fragment.
pub fn share_link(
    base: &str,
    personas: &[Persona],
    now: OffsetDateTime,
) -> Result<String, LinkError> {
    if personas.is_empty() {
        return Err(LinkError::NothingSelected);
    }
    let file = persona_file::export(personas, ExportOptions::default(), now)
        .map_err(|e| LinkError::Export(e.to_string()))?;
    let compact: serde_json::Value =
        serde_json::from_str(&file).map_err(|e| LinkError::Export(e.to_string()))?;
    let text = compact.to_string();
    let mut deflated = Vec::new();
    DeflateEncoder::new(text.as_bytes(), Compression::best())
        .read_to_end(&mut deflated)
        .map_err(|e| LinkError::Export(e.to_string()))?;
    let link = format!("{base}{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated));
    if link.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars: link.len() });
    }
    Ok(link)
}

/// Reads the personas a link's fragment (from `#share=`) holds, as strictly as an
/// import; inflating stops at the persona file's size cap.
pub fn read_share_link(fragment: &str) -> Result<Imported, LinkError> {
    let data = fragment
        .strip_prefix(SHARE_PREFIX)
        .ok_or(LinkError::Damaged)?;
    if data.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong { chars: data.len() });
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| LinkError::Damaged)?;
    let mut bytes = Vec::new();
    DeflateDecoder::new(deflated.as_slice())
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| LinkError::Damaged)?;
    let imported =
        persona_file::read_file(&bytes).map_err(|e| LinkError::Refused(e.to_string()))?;
    if imported.personas.is_empty() {
        let why = imported
            .refused
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>();
        return Err(LinkError::Refused(why.join(" ")));
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::test_support::persona;

    const NOW: OffsetDateTime = datetime!(2026-12-02 09:00 UTC);
    /// The page the link opens (a path: the link is made from the page's own address).
    const BASE: &str = "/personas/";

    #[test]
    fn a_link_round_trips_its_personas_without_quotes() {
        let mut a = persona("a", "A");
        a.quotes = vec![crate::personas::Quote {
            text: "I take the bus.".into(),
            interview: None,
        }];
        let link = share_link(BASE, &[a, persona("b", "B")], NOW).unwrap();
        let fragment = link.strip_prefix(BASE).unwrap();
        assert!(fragment.starts_with(SHARE_PREFIX));
        let back = read_share_link(fragment).unwrap();
        let names: Vec<_> = back.personas.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["A", "B"]);
        assert!(
            back.personas[0].quotes.is_empty(),
            "quotes never travel in a link"
        );
    }

    #[test]
    fn too_long_empty_and_damaged_links_are_refused() {
        assert_eq!(share_link(BASE, &[], NOW), Err(LinkError::NothingSelected));
        let many: Vec<_> = (0..400)
            .map(|i| {
                let mut p = persona(&format!("id-{i}"), &format!("Persona {i}"));
                // Words that do not repeat, so they compress poorly.
                let mut seed = i as u64 + 1;
                let words: Vec<String> = (0..40)
                    .map(|_| {
                        (0..6)
                            .map(|_| {
                                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                                char::from(b'a' + (seed >> 59) as u8 % 26)
                            })
                            .collect()
                    })
                    .collect();
                p.summary = words.join(" ");
                p
            })
            .collect();
        assert!(matches!(
            share_link(BASE, &many, NOW),
            Err(LinkError::TooLong { .. })
        ));
        let link = share_link(BASE, &[persona("a", "A")], NOW).unwrap();
        let fragment = link.strip_prefix(BASE).unwrap();
        let cut = &fragment[..fragment.len() / 2];
        assert_eq!(read_share_link(cut).err(), Some(LinkError::Damaged));
        assert_eq!(read_share_link("#library").err(), Some(LinkError::Damaged));
    }

    #[test]
    fn a_link_is_validated_like_an_import() {
        let mut small = persona("a", "A");
        small.segment.size = 5;
        let text = serde_json::json!({
            "format": "persona-builder", "schema_version": 3,
            "exported_at": "2026-12-02T09:00:00Z", "personas": [small],
        })
        .to_string();
        let mut deflated = Vec::new();
        DeflateEncoder::new(text.as_bytes(), Compression::fast())
            .read_to_end(&mut deflated)
            .unwrap();
        let fragment = format!("{SHARE_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated));
        assert!(matches!(
            read_share_link(&fragment),
            Err(LinkError::Refused(_))
        ));
    }
}
