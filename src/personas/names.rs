//! Illustrative first names for personas: a persona reads as a person ("Margaret, 70s"),
//! but the name is invented and marked as such. Names are drawn from a fixed, diverse
//! list by the segment's main gender and generation (from its main age band), so a name
//! fits the people it stands for; the list is in docs/personas.md.

/// The gender a persona's name follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameGender {
    Female,
    Male,
    /// Non-binary or another gender, or no clear majority: a name used by anyone.
    Neutral,
}

/// The generation a persona's name follows, from the middle of its main age band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// Under 35.
    Young,
    /// 35 to 59.
    Middle,
    /// 60 and over.
    Older,
}

impl Generation {
    /// The generation of someone of this age.
    pub fn of_age(age: f64) -> Self {
        if age < 35.0 {
            Generation::Young
        } else if age < 60.0 {
            Generation::Middle
        } else {
            Generation::Older
        }
    }
}

const FEMALE_OLDER: &[&str] = &[
    "Margaret", "Dorothy", "Gloria", "Rosa", "Mei-Ling", "Fatima", "Joan", "Esther", "Amina",
    "Carmen", "Ruth", "Hana",
];
const FEMALE_MIDDLE: &[&str] = &[
    "Sarah", "Priya", "Maria", "Aisha", "Karen", "Lina", "Grace", "Nadia", "Yuki", "Tanya",
    "Joanne", "Leticia",
];
const FEMALE_YOUNG: &[&str] = &[
    "Emily", "Zara", "Sofia", "Chloe", "Amara", "Jasmine", "Mia", "Leah", "Ayesha", "Hannah",
    "Nia", "Isabel",
];
const MALE_OLDER: &[&str] = &[
    "George", "Harold", "Winston", "Raj", "José", "Kenji", "Tomasz", "Abdul", "Frank", "Samuel",
    "Emmanuel", "Desmond",
];
const MALE_MIDDLE: &[&str] = &[
    "David", "Mohammed", "Carlos", "Wei", "Kwame", "Andrew", "Ravi", "Marek", "Daniel", "Tariq",
    "Luis", "Neil",
];
const MALE_YOUNG: &[&str] = &[
    "Jayden", "Omar", "Lucas", "Ethan", "Kai", "Mateo", "Noah", "Arjun", "Liam", "Tyrone", "Yusuf",
    "Leo",
];
const NEUTRAL: &[&str] = &[
    "Alex", "Sam", "Jordan", "Robin", "Charlie", "Ari", "Kim", "Jesse", "Morgan", "Rowan",
    "Taylor", "Sasha",
];

/// The names a persona of this gender and generation may be given.
pub fn names_for(gender: NameGender, generation: Option<Generation>) -> &'static [&'static str] {
    use Generation::*;
    use NameGender::*;
    match (gender, generation) {
        (Female, Some(Older)) => FEMALE_OLDER,
        (Female, Some(Middle) | None) => FEMALE_MIDDLE,
        (Female, Some(Young)) => FEMALE_YOUNG,
        (Male, Some(Older)) => MALE_OLDER,
        (Male, Some(Middle) | None) => MALE_MIDDLE,
        (Male, Some(Young)) => MALE_YOUNG,
        (Neutral, _) => NEUTRAL,
    }
}

/// A name from `names`, chosen by `seed` (so the same persona gets the same name), that
/// none of `taken` has; when all are taken, the first free one with a number after it.
pub fn pick(names: &[&str], seed: u64, taken: &[String]) -> String {
    let start = (seed % names.len() as u64) as usize;
    let is_free = |name: &str| !taken.iter().any(|t| t == name);
    (0..names.len())
        .map(|i| names[(start + i) % names.len()])
        .find(|name| is_free(name))
        .map(str::to_string)
        .unwrap_or_else(|| {
            (2..)
                .map(|n| format!("{} {n}", names[start]))
                .find(|name| is_free(name))
                .expect("some number is free")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_gender_and_generation_and_never_repeat() {
        assert!(names_for(NameGender::Female, Some(Generation::Older)).contains(&"Margaret"));
        assert!(names_for(NameGender::Neutral, None).contains(&"Alex"));
        assert_eq!(Generation::of_age(69.5), Generation::Older);
        assert_eq!(Generation::of_age(21.0), Generation::Young);
        let names = names_for(NameGender::Male, Some(Generation::Middle));
        let mut taken = Vec::new();
        for _ in 0..names.len() + 2 {
            let name = pick(names, 7, &taken);
            assert!(!taken.contains(&name));
            taken.push(name);
        }
        assert_eq!(
            pick(names, 7, &[]),
            pick(names, 7, &[]),
            "the same seed, the same name"
        );
    }
}
