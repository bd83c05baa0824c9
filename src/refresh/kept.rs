//! What a refresh compares of a kept persona, and nothing staff wrote: its segment, its
//! typical answers and the build it came from. The page sends these to the worker
//! rather than whole personas, so the worker never reads a persona (and carries no
//! reader for notes, plans, reviews or timelines); the page puts the new figures into
//! its own copies ([`super::Refresh::finish`]).

use serde::{Deserialize, Serialize};

use crate::personas::{Persona, SegmentInfo, Trait};

/// A kept persona as a refresh sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptPersona {
    pub id: String,
    pub name: String,
    pub segment: SegmentInfo,
    pub traits: Vec<Trait>,
    pub build: KeptBuild,
}

/// The build a kept persona came from, as its provenance records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptBuild {
    /// Hex SHA-256 of the survey file it was built from.
    pub source_sha256: String,
    pub method: String,
    /// How many segments the method produced.
    pub segment_count: usize,
    pub seed: u64,
    pub min_group_size: usize,
}

impl From<&Persona> for KeptPersona {
    fn from(p: &Persona) -> Self {
        let prov = &p.provenance;
        KeptPersona {
            id: p.id.clone(),
            name: p.name.clone(),
            segment: p.segment.clone(),
            traits: p.traits.clone(),
            build: KeptBuild {
                source_sha256: prov.source_sha256.clone(),
                method: prov.method.clone(),
                segment_count: prov.segment_count,
                seed: prov.seed,
                min_group_size: prov.min_group_size,
            },
        }
    }
}

/// What a refresh compares of each of `personas`.
pub fn kept(personas: &[Persona]) -> Vec<KeptPersona> {
    personas.iter().map(KeptPersona::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::persona;

    #[test]
    fn a_kept_persona_carries_its_segment_traits_and_build_across_json() {
        let persona = persona("p1", "Drivers");
        let kept = KeptPersona::from(&persona);
        assert_eq!(kept.id, persona.id);
        assert_eq!(kept.segment, persona.segment);
        assert_eq!(kept.traits, persona.traits);
        assert_eq!(kept.build.seed, persona.provenance.seed);
        assert_eq!(kept.build.min_group_size, 11);
        let json = serde_json::to_string(&kept).unwrap();
        assert!(
            !json.contains("notes") && !json.contains("summary"),
            "{json}"
        );
        let back: KeptPersona = serde_json::from_str(&json).unwrap();
        assert_eq!(back, kept);
    }
}
