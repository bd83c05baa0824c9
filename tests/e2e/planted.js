// A generated survey with identifiers of every kind planted in it, for proving that none
// reaches a persona, the library or an export.

/** Identifier columns dropped by name, with a value generator for respondent i. */
export const NAMED_IDENTIFIERS = {
  ResponseId: (i) => `R_9XkPlanted${String(i).padStart(4, "0")}`,
  IPAddress: (i) => `192.0.2.${i % 250}`,
  LocationLatitude: (i) => (47.115097 + i / 10000).toFixed(6),
  LocationLongitude: (i) => (7.231597 + i / 10000).toFixed(6),
  RecipientEmail: (i) => `recipient${i}@planted.example`,
  RecipientFirstName: (i) => `Firstplanted${i}`,
  RecipientLastName: (i) => `Lastplanted${i}`,
  ExternalReference: (i) => `EXTPLANT${i}`,
  "Respondent ID": (i) => `${114000000000 + i}`,
  "Collector ID": () => "431987654",
  "IP Address": (i) => `198.51.100.${i % 250}`,
  "Email Address": (i) => `monkey${i}@planted.example`,
  "First Name": (i) => `Mfirstplanted${i}`,
  "Last Name": (i) => `Mlastplanted${i}`,
  Email: (i) => `forms${i}@planted.example`,
  Name: (i) => `Formsname Planted${i}`,
  _uuid: (i) => `3f2504e0-4f89-11d3-9a0c-${String(305000000000 + i).padStart(12, "0")}`,
  _id: (i) => `${90000 + i}`,
  "Phone number": (i) => `0161 496 ${String(1000 + i)}`,
  "Home address": (i) => `${i} Plantedacacia Avenue`,
  MRN: (i) => `MRN${7000000 + i}`,
  "NHS number": (i) => `943 476 ${String(5000 + i)}`,
  SSN: (i) => `078-05-${String(1000 + i)}`,
  "Date of birth": (i) => `1950-01-${String(1 + (i % 28)).padStart(2, "0")}`,
  "ZIP code": (i) => `${String(10000 + i * 7).padStart(5, "0")}`,
};

/** Identifier columns whose names say nothing: caught by their content. */
export const CONTENT_IDENTIFIERS = {
  "Contact details": (i) => `hidden${i}@planted.example`,
  "Reach me on": (i) => `+44 7700 ${String(900000 + i)}`,
  Where: (i) => (51.507222 + i / 100000).toFixed(6),
  Reference: (i) => `PLNT${i}X${(i * 7919) % 1000}`,
};

/** Every planted value for respondent i, to search for afterwards. */
export function plantedValues(count) {
  const values = [];
  for (let i = 1; i <= count; i++) {
    for (const make of [...Object.values(NAMED_IDENTIFIERS), ...Object.values(CONTENT_IDENTIFIERS)]) {
      values.push(make(i));
    }
  }
  return [...new Set(values)].filter((v) => v.length >= 5);
}

const field = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Free-text answers that carry identifiers the scrubber must remove, each followed by a
 * sentence that carries none (a sentence still holding a scrub placeholder is never
 * offered as a quote). */
const COMMENTS = [
  (i) => `Please call me on 0161 496 ${String(2000 + i)} about the evening clinic times. Evening appointments would really help.`,
  (i) => `You can email me at comment${i}@planted.example if the bus timetable changes. The timetable changes far too often.`,
  () => "Hi, I'm Joan Plantedsurname and the waiting room is too cold in winter. The waiting room needs better heating.",
  (i) => `My record number is MRN${8000000 + i} and the letters keep going astray. Letters about appointments keep arriving late.`,
];

/** The survey: 142 respondents, the planted columns, and the questions to analyse. */
export function plantedSurveyCsv() {
  const groups = [["Partner", 60], ["Alone", 40], ["Family", 30], ["Carer", 5], ["Friends", 7]];
  const header = [
    ...Object.keys(NAMED_IDENTIFIERS),
    ...Object.keys(CONTENT_IDENTIFIERS),
    "Who do you live with?", "Age", "Visit date", "How do you travel to the clinic?", "Diagnosis",
    "Anything else?",
  ];
  const rows = [header];
  let i = 0;
  for (const [group, count] of groups) {
    for (let k = 0; k < count; k++) {
      i++;
      rows.push([
        ...Object.values(NAMED_IDENTIFIERS).map((make) => make(i)),
        ...Object.values(CONTENT_IDENTIFIERS).map((make) => make(i)),
        group,
        String(i % 10 === 0 ? 91 + (i % 7) : 40 + (i % 45)),
        `2026-0${1 + (i % 9)}-${String(1 + (i % 27)).padStart(2, "0")} 09:${String(i % 60).padStart(2, "0")}`,
        group === "Alone" ? (k < 28 ? "Bus" : "Car") : ["Car", "Bus", "Walk"][i % 3],
        group === "Alone" ? "Diabetes" : ["Asthma", "Diabetes", "COPD"][i % 3],
        COMMENTS[i % COMMENTS.length](i),
      ]);
    }
  }
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}
