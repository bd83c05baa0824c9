//! Scrubbing free text before it can become a quote: emails, phone numbers, web
//! addresses, record numbers, dates and personal names are replaced by placeholders.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::patterns::{phone_like, DATE, EMAIL, IP, PHONE, RECORD_NUMBER, URL};

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

static GIVEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b(?:{})\b", GIVEN_NAMES.join("|"))).expect("valid name list")
});

/// Placeholders written in place of what was removed.
pub const PLACEHOLDERS: &[&str] = &[
    "[email]", "[link]", "[phone]", "[number]", "[date]", "[name]",
];

/// Free text with identifying details replaced by placeholders.
pub fn scrub(text: &str) -> String {
    let text = EMAIL.replace_all(text, "[email]");
    let text = URL.replace_all(&text, "[link]");
    let text = IP.replace_all(&text, "[number]");
    let text = DATE.replace_all(&text, "[date]");
    let text = PHONE.replace_all(&text, |caps: &regex_lite::Captures<'_>| {
        let found = &caps[0];
        if phone_like(found) {
            "[phone]".to_string()
        } else {
            found.to_string()
        }
    });
    let text = RECORD_NUMBER.replace_all(&text, "[number]");
    let text = INTRODUCED_NAME.replace_all(&text, |caps: &regex_lite::Captures<'_>| {
        let whole = &caps[0];
        let name = &caps[1];
        format!("{}[name]", &whole[..whole.len() - name.len()])
    });
    GIVEN_NAME.replace_all(&text, "[name]").into_owned()
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
