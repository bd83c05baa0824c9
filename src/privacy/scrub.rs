//! Scrubbing free text before it can become a quote: emails, phone numbers, web
//! addresses, record numbers, dates and personal names are replaced by placeholders.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex_lite::Regex;

use super::alphabet::is_space;
use super::patterns::{may_hold_phone, phone_like, DATE, EMAIL, IP, PHONE, RECORD_NUMBER, URL};

/// Common given names, matched as capitalised words anywhere in the text.
const GIVEN_NAMES: &[&str] = &[
    "Aaliyah",
    "Aaron",
    "Abdul",
    "Abigail",
    "Adam",
    "Ahmed",
    "Aisha",
    "Alan",
    "Albert",
    "Alex",
    "Alexander",
    "Alice",
    "Alison",
    "Amanda",
    "Amelia",
    "Amy",
    "Andrew",
    "Angela",
    "Anna",
    "Anne",
    "Anthony",
    "Arthur",
    "Barbara",
    "Ben",
    "Benjamin",
    "Beth",
    "Betty",
    "Brian",
    "Carl",
    "Carlos",
    "Carol",
    "Catherine",
    "Charles",
    "Charlotte",
    "Chloe",
    "Chris",
    "Christine",
    "Christopher",
    "Claire",
    "Daniel",
    "David",
    "Deborah",
    "Dennis",
    "Diana",
    "Donald",
    "Dorothy",
    "Edward",
    "Elena",
    "Elizabeth",
    "Ella",
    "Emily",
    "Emma",
    "Eric",
    "Fatima",
    "Frank",
    "Gary",
    "George",
    "Hannah",
    "Harry",
    "Helen",
    "Henry",
    "Ian",
    "Isabella",
    "Jack",
    "Jacob",
    "James",
    "Jane",
    "Janet",
    "Jason",
    "Jennifer",
    "Jessica",
    "John",
    "Jonathan",
    "Jose",
    "Joseph",
    "Joshua",
    "Juan",
    "Julia",
    "Karen",
    "Kate",
    "Kevin",
    "Laura",
    "Linda",
    "Lisa",
    "Lucy",
    "Luis",
    "Margaret",
    "Maria",
    "Mark",
    "Martin",
    "Mary",
    "Matthew",
    "Michael",
    "Michelle",
    "Mohammed",
    "Muhammad",
    "Nancy",
    "Nicholas",
    "Noah",
    "Olivia",
    "Oliver",
    "Patricia",
    "Paul",
    "Peter",
    "Priya",
    "Rachel",
    "Raj",
    "Rebecca",
    "Richard",
    "Robert",
    "Ryan",
    "Samuel",
    "Sandra",
    "Sarah",
    "Scott",
    "Sharon",
    "Sophie",
    "Stephen",
    "Steven",
    "Susan",
    "Thomas",
    "Timothy",
    "Victoria",
    "William",
    "Yusuf",
];

/// A capitalised word (or two) after "I'm", "my name is", "call me" and the like.
static INTRODUCED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\b(?:i am|i'm|im|my name is|my name's|name is|call me|this is|my (?:husband|wife|son|daughter|partner|carer|mother|father|mum|dad|doctor|nurse|gp) is|dr\.?|doctor|nurse|mr\.?|mrs\.?|ms\.?|miss))\s+([A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?)",
    )
    .expect("valid name pattern")
});

/// The introductions [`INTRODUCED_NAME`] looks for, lower-cased, as they end ("my
/// husband is" ends in "is"): a name can only follow one of them.
const INTRODUCTION_ENDS: &[&str] = &[
    "i am", "i'm", "im", "name's", "is", "call me", "dr", "dr.", "doctor", "nurse", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "miss",
];

/// The longest introduction [`INTRODUCED_NAME`] knows ("my daughter is"), in bytes, with
/// room to spare: a name's match starts no further back than this from the end of the
/// text before the name's white space.
const LONGEST_INTRODUCTION: usize = 16;

/// Where a name could start after an introduction: a capitalised word after white space
/// that follows the end of an introduction, each with where the text before that white
/// space ends. Most answers have none, and skip the (slow) expression.
fn name_candidates(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(1)).filter_map(move |p| {
        let capitalised = bytes[p].is_ascii_uppercase()
            && (bytes[p + 1].is_ascii_lowercase() || b"'-".contains(&bytes[p + 1]));
        if !capitalised || !is_space(bytes[p - 1]) {
            return None;
        }
        let before = text[..p].trim_end_matches(|c: char| c.is_ascii() && is_space(c as u8));
        let tail = &before.as_bytes()[before.len().saturating_sub(7)..];
        INTRODUCTION_ENDS
            .iter()
            .any(|end| {
                tail.len() >= end.len()
                    && tail[tail.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
            })
            .then_some((p, before.len()))
    })
}

/// `text` with each introduced name replaced by "[name]" (the introduction kept). The
/// expression is run from just before each candidate ([`name_candidates`]) rather than
/// from the answer's start: every match's name starts at a candidate, so none is missed.
/// It stops at the match (a candidate that is no name searches on to the next match or
/// the end).
fn replace_introduced_names(text: &str) -> Cow<'_, str> {
    let mut candidates = name_candidates(text);
    let (mut out, mut copied) = (String::new(), 0);
    while let Some((_, before)) = candidates.find(|&(p, _)| p >= copied) {
        let mut start = before.saturating_sub(LONGEST_INTRODUCTION).max(copied);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let Some(caps) = INTRODUCED_NAME.captures_at(text, start) else {
            break;
        };
        let name = caps.get(1).expect("the pattern captures the name");
        out.push_str(&text[copied..name.start()]);
        out.push_str("[name]");
        copied = name.end();
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// `text` with every word that is a listed given name replaced by "[name]"; a word is
/// a run of ASCII letters, digits and underscores (as `\b` in the patterns sees it).
fn replace_given_names(text: &str) -> String {
    static NAMES: LazyLock<HashSet<&str>> = LazyLock::new(|| GIVEN_NAMES.iter().copied().collect());
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut start) = (0, None);
    for i in 0..=bytes.len() {
        match (start, bytes.get(i).is_some_and(|&b| is_word(b))) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                // Listed names are capitalised; most words are not, and skip the lookup.
                if bytes[s].is_ascii_uppercase() && NAMES.contains(&text[s..i]) {
                    out.push_str(&text[copied..s]);
                    out.push_str("[name]");
                    copied = i;
                }
                start = None;
            }
            _ => {}
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Placeholders written in place of what was removed.
pub const PLACEHOLDERS: &[&str] = &[
    "[email]", "[link]", "[phone]", "[number]", "[date]", "[name]",
];

/// Free text with identifying details replaced by placeholders.
pub fn scrub(text: &str) -> String {
    let placeholder = |word: &'static str| move |_: &str| word.to_string();
    let text = EMAIL.replace_all(text, placeholder("[email]"));
    let text = URL.replace_all(&text, placeholder("[link]"));
    let text = IP.replace_all(&text, placeholder("[number]"));
    let text = DATE.replace_all(&text, placeholder("[date]"));
    let text = if may_hold_phone(&text) {
        PHONE.replace_all(&text, |found| {
            if phone_like(found) {
                "[phone]".to_string()
            } else {
                found.to_string()
            }
        })
    } else {
        text
    };
    let text = RECORD_NUMBER.replace_all(&text, placeholder("[number]"));
    let text = replace_introduced_names(&text);
    replace_given_names(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_contact_details_numbers_and_dates() {
        assert_eq!(
            scrub("Email jane.doe@example.org or ring 0161 496 0000 after 03/04/2024."),
            "Email [email] or ring [phone] after [date]."
        );
        assert_eq!(
            scrub("See www.clinic.example/book and quote MRN1234567."),
            "See [link] and quote [number]."
        );
    }

    #[test]
    fn removes_introduced_and_listed_names() {
        assert_eq!(
            scrub("Hi, I'm Joan Smithers and the bus is late"),
            "Hi, I'm [name] and the bus is late"
        );
        assert_eq!(
            scrub("my name is Zed. Dr Okafor was kind"),
            "my name is [name]. Dr [name] was kind"
        );
        assert_eq!(
            scrub("Sarah at reception helped"),
            "[name] at reception helped"
        );
    }

    /// The scrubber as it was before the shortcuts: every expression on every text.
    fn scrub_by_expressions_alone(text: &str) -> String {
        let given = Regex::new(&format!(r"\b(?:{})\b", GIVEN_NAMES.join("|"))).unwrap();
        let text = EMAIL.regex().replace_all(text, "[email]");
        let text = URL.regex().replace_all(&text, "[link]");
        let text = IP.regex().replace_all(&text, "[number]");
        let text = DATE.regex().replace_all(&text, "[date]");
        let text = PHONE
            .regex()
            .replace_all(&text, |caps: &regex_lite::Captures<'_>| {
                let found = &caps[0];
                if phone_like(found) {
                    "[phone]".to_string()
                } else {
                    found.to_string()
                }
            });
        let text = RECORD_NUMBER.regex().replace_all(&text, "[number]");
        let text = INTRODUCED_NAME.replace_all(&text, |caps: &regex_lite::Captures<'_>| {
            let whole = &caps[0];
            let name = &caps[1];
            format!("{}[name]", &whole[..whole.len() - name.len()])
        });
        given.replace_all(&text, "[name]").into_owned()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The shortcuts skip only texts the expressions leave alone.
        #[test]
        fn shortcuts_change_nothing(words in proptest::collection::vec(proptest::sample::select(vec![
            "Sarah", "Sarahs", "_Anne", "Anne", "Olivia", "my name is", "I'm", "im", "Dr.", "mrs",
            "my daughter is", "Mr", "My Name Is", "Dr Okafor",
            "nurse", "is", "This is", "Call me", "Okafor", "Smith-Jones", "O'Neil", "a@b.org",
            "@", "WWW.x.org", "HTTP://a.b", "://", "10.0.0.1", "dead:beef:cafe:1", "3/4/24",
            "2024-03-07", "0161 496 0000", "+44 7700 900001", "12345", "MRN-123456", "07700900123",
            "45", "7", ".", "-", "/", ":", " ", "  ", "\n", "\t", "\u{b}", "\u{a0}", ",", "é", "Zoë",
            "the", "bus",
        ]), 0..12), glue in proptest::collection::vec(proptest::sample::select(vec!["", " ", "", "\n"]), 12)) {
            let text: String = words
                .iter()
                .zip(glue.iter().cycle())
                .flat_map(|(w, g)| [*w, *g])
                .collect();
            proptest::prop_assert_eq!(scrub(&text), scrub_by_expressions_alone(&text), "{:?}", text);
        }
    }

    #[test]
    fn an_introduction_across_any_white_space_the_patterns_know_is_caught() {
        for space in [" ", "\t", "\n", "\u{b}", "\u{c}", "\r", " \t "] {
            let text = format!("my name is{space}Okafor, thanks");
            assert_eq!(scrub(&text), format!("my name is{space}[name], thanks"));
        }
    }

    #[test]
    fn leaves_ordinary_answers_alone() {
        let text = "The bus takes 45 minutes and I work until 6, so evenings are hard.";
        assert_eq!(scrub(text), text);
    }

    #[test]
    fn errs_on_the_side_of_removing_capitalised_words_after_i_am() {
        // A capitalised word after "I am" is taken for a name: losing a word is cheaper
        // than leaking a name.
        assert_eq!(scrub("I am Diabetic and tired"), "I am [name] and tired");
    }
}
