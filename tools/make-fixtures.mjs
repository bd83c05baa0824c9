// Writes the small spreadsheet fixtures in tests/fixtures/ (our own, made up): the same
// survey as XLSX, XLS and ODS, and a two-sheet workbook whose first sheet is a cover.
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
