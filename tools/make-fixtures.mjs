// Writes the small spreadsheet fixtures in tests/fixtures/ (our own, made up): the same
// survey as XLSX, XLS and ODS, a two-sheet workbook whose first sheet is a cover, and a
// Microsoft Forms download.
//   node tools/make-fixtures.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { strToU8, strFromU8, unzipSync, zipSync } from "fflate";
import XLSX from "xlsx";

const out = new URL("../tests/fixtures/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

/** 30 respondents; dates are real date cells, scores decimals, consent booleans. */
export function surveyRows() {
  const rows = [["Who do you live with?", "Age", "Visit date", "Score", "Consent", "Comment"]];
  for (let i = 0; i < 30; i++) {
    rows.push([
      ["Alone", "Partner", "Family"][i % 3],
      30 + i,
      new Date(Date.UTC(2024, i % 12, 1 + (i % 27))),
      Math.round((2.5 + (i % 5) * 0.75) * 100) / 100,
      i % 4 !== 0,
      i % 2 ? `Bus route ${i} is too slow` : "",
    ]);
  }
  return rows;
}

/**
 * A Microsoft Forms download as it comes: ID, times, Email ("anonymous"), Name, then
 * the questions; a multi-select's options joined with ";" and a trailing ";".
 */
export function msFormsRows() {
  const rows = [[
    "ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
    "How do you get to the clinic?", "How would you like to hear from us?", "Anything else?",
  ]];
  const channels = ["Text message;App;", "Phone call;", "Letter;Phone call;", "App;"];
  for (let i = 0; i < 24; i++) {
    const start = new Date(Date.UTC(2025, 2, 1 + (i % 20), 9, i, 0));
    rows.push([
      i + 1, start, new Date(start.getTime() + 4 * 60_000), "anonymous", "", "",
      ["Bus", "Car", "On foot"][i % 3], channels[i % 4], i % 3 ? "" : "Parking is hard",
    ]);
  }
  return rows;
}

function workbook(sheets) {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of sheets) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), name);
  }
  return book;
}

const survey = workbook([["Responses", surveyRows()]]);
XLSX.writeFile(survey, `${out}survey.xlsx`, { bookType: "xlsx", compression: true });
XLSX.writeFile(survey, `${out}survey.xls`, { bookType: "biff8" });
XLSX.writeFile(survey, `${out}survey.ods`, { bookType: "ods" });
compactOds(`${out}survey.ods`);
const covered = workbook([
  ["Cover", [["Patient survey, spring wave"]]],
  ["Responses", surveyRows()],
  ["Wave 2", surveyRows().slice(0, 12)],
]);
XLSX.writeFile(covered, `${out}two-sheets.xlsx`, { bookType: "xlsx", compression: true });
XLSX.writeFile(workbook([["Empty", []]]), `${out}empty.xlsx`, { bookType: "xlsx" });
XLSX.writeFile(workbook([["Sheet1", msFormsRows()]]), `${out}ms-forms.xlsx`, { bookType: "xlsx", compression: true });
console.log(`fixtures written to ${out}`);

/**
 * SheetJS indents content.xml; LibreOffice writes it without whitespace between
 * elements, and calamine reads only that. Rewrite it as LibreOffice would, keeping the
 * uncompressed mimetype entry first.
 */
function compactOds(path) {
  const files = unzipSync(readFileSync(path));
  files["content.xml"] = strToU8(strFromU8(files["content.xml"]).replace(/>\s+</g, "><"));
  const { mimetype, ...rest } = files;
  writeFileSync(path, zipSync({ mimetype: [mimetype, { level: 0 }], ...rest }));
}
