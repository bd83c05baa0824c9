use super::*;

fn column(name: &str, answers: &[&str]) -> Column {
    Column {
        name: name.to_string(),
        answers: answers.iter().copied().collect(),
    }
}

fn reason(name: &str, answers: &[&str]) -> Option<String> {
    identifier_reason(&column(name, answers), &HashSet::new()).map(|r| r.to_string())
}

#[test]
fn normalises_headers_of_every_tool() {
    assert_eq!(normalise_header("RecipientEmail"), "recipient email");
    assert_eq!(normalise_header("IPAddress"), "ipaddress");
    assert_eq!(normalise_header("telephone_1"), "telephone 1");
    assert_eq!(normalise_header("  Email Address "), "email address");
    assert_eq!(normalise_header("_uuid"), "uuid");
    assert_eq!(normalise_header("group/first_name"), "group first name");
}

#[test]
fn drops_tool_metadata_and_personal_fields_by_name() {
    for name in [
        "IPAddress",
        "LocationLatitude",
        "LocationLongitude",
        "RecipientEmail",
        "RecipientFirstName",
        "RecipientLastName",
        "ResponseId",
        "ExternalReference",
        "IP Address",
        "Email Address",
        "First Name",
        "Last Name",
        "Respondent ID",
        "Collector ID",
        "Email",
        "Name",
        "record_id",
        "_uuid",
        "_id",
        "dob",
        "Date of birth",
        "Patient MRN",
        "NHS number",
        "SSN",
        "Home address",
        "telephone_1",
        "Mobile phone",
        "ZIP code",
        "Postcode",
        "What is your name?",
        "redcap_survey_identifier",
    ] {
        assert!(reason(name, &["x"; 3]).is_some(), "{name} was kept");
    }
}

#[test]
fn keeps_ordinary_questions() {
    for name in [
        "Who do you live with?",
        "Age band",
        "How do you travel to the clinic?",
        "Which platform names do you know?",
        "Preferred contact",
        "has_diabetes",
        "Would you prefer a phone call or a letter?",
        "Do you use a mobile app for your health?",
        "How many GPs have you seen this year?",
        "Can we contact you by email about results?",
    ] {
        assert_eq!(
            reason(name, &["Yes", "No", "Yes", "No", "Yes"]),
            None,
            "{name}"
        );
    }
}

#[test]
fn drops_columns_whose_answers_look_like_identifiers() {
    let emails: Vec<String> = (0..20).map(|i| format!("p{i}@example.org")).collect();
    let emails: Vec<&str> = emails.iter().map(String::as_str).collect();
    assert_eq!(
        reason("Contact", &emails).as_deref(),
        Some("100% of its answers look like email addresses")
    );
    let phones = [
        "0161 496 0000",
        "0161 496 0001",
        "n/a",
        "0161 496 0002",
        "0161 496 0003",
    ];
    assert!(reason("Reach me", &phones)
        .unwrap()
        .contains("phone numbers"));
    let coords = [
        "47.115097045898",
        "7.2315979003906",
        "47.1151",
        "7.23159",
        "51.50722",
    ];
    assert!(reason("Where", &coords).unwrap().contains("coordinates"));
}

#[test]
fn drops_unique_codes_and_numbers_but_not_free_text() {
    let ids: Vec<String> = (0..30).map(|i| format!("{}", 1000 + i)).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(
        identifier_reason(&column("Ref", &ids), &HashSet::new()),
        Some(DropReason::UniquePerRespondent)
    );
    let comments: Vec<String> = (0..30).map(|i| format!("Comment number {i}")).collect();
    let comments: Vec<&str> = comments.iter().map(String::as_str).collect();
    assert_eq!(reason("Anything else?", &comments), None);
    let heights: Vec<String> = (0..30).map(|i| format!("1.{}", 50 + i)).collect();
    let heights: Vec<&str> = heights.iter().map(String::as_str).collect();
    assert_eq!(reason("Height (m)", &heights), None);
}

#[test]
fn unique_dates_are_generalised_not_dropped() {
    let dates: Vec<String> = (0..30)
        .map(|i| format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 27))
        .collect();
    let dates: Vec<&str> = dates.iter().map(String::as_str).collect();
    assert_eq!(reason("Visit date", &dates), None);
    assert!(reason("Date of birth", &dates).is_some());
}

#[test]
fn honours_redcap_identifier_marks() {
    let marked: HashSet<String> = ["pmq1".to_string()].into();
    assert_eq!(
        identifier_reason(&column("pmq1", &["1", "2"]), &marked),
        Some(DropReason::MarkedIdentifier)
    );
}
