//! The sample survey's questions, its answer tables and the planted kinds of patient
//! each respondent is drawn from.

pub(super) const HEADER: [&str; 20] = [
    "Response ID",
    "Start Date",
    "Age",
    "Gender",
    "ZIP code",
    "Which clinic did you visit?",
    "Long-term conditions (select all that apply)",
    "Visits in the past 12 months",
    "Overall, how satisfied were you with your care?",
    "How likely are you to recommend the clinic to a friend? (0-10)",
    "How did you travel to the clinic?",
    "How long does the journey take?",
    "What makes it hard to attend appointments? (select all that apply)",
    "How would you like us to contact you?",
    "Do you use the internet at home?",
    "It is easy to get an appointment",
    "Employment",
    "What could we do better?",
    "Anything else you would like to tell us?",
    "Email (optional, for follow-up)",
];

pub(super) const GENDERS: [&str; 8] = [
    "Female",
    "female",
    "F",
    "Male",
    "male",
    "M",
    "Non-binary",
    "Prefer not to say",
];
pub(super) const CLINICS: [&str; 6] = [
    "Riverside Health Centre",
    "Northgate Clinic",
    "St Anne's Family Practice",
    "Harbour View Surgery",
    "Millbrook Community Clinic",
    "Eastfield Medical Group",
];
pub(super) const CONDITIONS: [&str; 7] = [
    "Diabetes",
    "High blood pressure",
    "Asthma",
    "COPD",
    "Heart disease",
    "Depression or anxiety",
    "Arthritis",
];
pub(super) const SATISFACTION: [&str; 5] = [
    "Very dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Very satisfied",
];
pub(super) const TRAVEL: [&str; 5] = ["Car", "Bus", "Walked", "Taxi", "Lift from family"];
pub(super) const JOURNEY: [&str; 4] = [
    "Under 15 minutes",
    "15 to 30 minutes",
    "30 to 60 minutes",
    "Over an hour",
];
pub(super) const BARRIERS: [&str; 5] = [
    "Transport",
    "Cost",
    "Childcare",
    "Work hours",
    "Nothing makes it hard",
];
pub(super) const CHANNELS: [&str; 5] = [
    "App",
    "Text message",
    "Phone call",
    "Letter",
    "Face to face",
];
pub(super) const INTERNET: [&str; 3] = ["Yes", "No", "Sometimes"];
pub(super) const AGREE: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];
pub(super) const EMPLOYMENT: [&str; 6] = [
    "Full-time",
    "Part-time",
    "Retired",
    "Unemployed",
    "Student",
    "Caring for family",
];

/// One planted kind of patient: the answers it typically gives.
pub(super) struct Kind {
    pub ages: (u32, u32),
    pub conditions: &'static [usize],
    pub visits: (u32, u32),
    pub satisfaction: usize,
    pub travel: usize,
    pub journey: usize,
    pub barriers: &'static [usize],
    pub channel: usize,
    pub internet: usize,
    pub agree: usize,
    pub employment: usize,
    /// What this kind of patient writes when asked what could be better.
    pub complaints: &'static [&'static str],
}

pub(super) const KINDS: [Kind; 5] = [
    // Older, several conditions, comes by bus, not online, prefers a phone call.
    Kind {
        ages: (66, 97),
        conditions: &[0, 1, 4],
        visits: (6, 20),
        satisfaction: 3,
        travel: 1,
        journey: 3,
        barriers: &[0],
        channel: 2,
        internet: 1,
        agree: 1,
        employment: 2,
        complaints: &[
            "The bus only comes {n} times a day, so getting to {clinic} takes most of my {part}.",
            "I do not use the internet and the letter arrived {n} days after the appointment.",
            "Please ring me rather than sending texts, I cannot read them on my phone.",
            "A shuttle from the village on {day}s would make it much easier to get there.",
        ],
    },
    // Working full time, short of time, books on the app.
    Kind {
        ages: (28, 52),
        conditions: &[],
        visits: (0, 3),
        satisfaction: 2,
        travel: 0,
        journey: 1,
        barriers: &[3],
        channel: 0,
        internet: 0,
        agree: 1,
        employment: 0,
        complaints: &[
            "Evening or weekend appointments would help, I cannot leave work before {hour}.",
            "The app is good but there were no slots for {n} days when I looked on {day}.",
            "A video call would have saved me {n} hours off work.",
        ],
    },
    // Parents: childcare and cost in the way, prefer texts.
    Kind {
        ages: (24, 41),
        conditions: &[2],
        visits: (3, 8),
        satisfaction: 3,
        travel: 4,
        journey: 1,
        barriers: &[2, 1],
        channel: 1,
        internet: 2,
        agree: 2,
        employment: 5,
        complaints: &[
            "There is nowhere to leave my {n} children, a play corner in the waiting room would help.",
            "Text reminders the day before are really useful, please keep them.",
            "Parking cost me {n} pounds when the appointment ran {n} minutes late.",
        ],
    },
    // Out of work, cost and transport, want to see someone face to face.
    Kind {
        ages: (35, 63),
        conditions: &[5, 6],
        visits: (4, 12),
        satisfaction: 1,
        travel: 2,
        journey: 2,
        barriers: &[1, 0],
        channel: 4,
        internet: 2,
        agree: 0,
        employment: 3,
        complaints: &[
            "I could not afford the prescription charge on {day} so I went without for {n} days.",
            "It would help to talk to the same person each time instead of explaining again.",
            "Help with the {n} pound bus fare would mean I could come to every appointment.",
        ],
    },
    // Young and healthy, rarely come, use the app.
    Kind {
        ages: (18, 27),
        conditions: &[],
        visits: (0, 2),
        satisfaction: 4,
        travel: 2,
        journey: 0,
        barriers: &[4],
        channel: 0,
        internet: 0,
        agree: 3,
        employment: 4,
        complaints: &[
            "Everything was quick and the online booking took {n} minutes.",
            "Would be nice to get test results in the app, I called {n} times.",
        ],
    },
];

pub(super) const GENERAL: [&str; 8] = [
    "The reception staff were friendly and helpful.",
    "I waited {n} minutes past my appointment time at {clinic} without anyone telling me why.",
    "The nurse explained everything clearly.",
    "It took {n} tries to get through on the phone on {day} morning.",
    "Thank you to the team for looking after my mother.",
    "The waiting room was too crowded on {day}, about {n} people were standing.",
    "I was not sure which door to use when I arrived.",
    "Clearer signs to the blood test room at {clinic}, please.",
];

pub(super) const FIRST_NAMES: [&str; 6] =
    ["Sarah", "James", "Priya", "Tomasz", "Aisha", "Margaret"];
