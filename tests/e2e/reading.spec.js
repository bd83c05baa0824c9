// Survey files as tools and spreadsheets write them, read in the browser.
import { test, expect } from "@playwright/test";
import { buildPersonas, openApp, tempFile, uploadSurvey } from "./helpers.js";

/** A small survey with accents, `rows` respondents, written with `delimiter`. */
function survey(delimiter, newline = "\r\n") {
  const lines = [["Wohnort", "Mit wem leben Sie?", "Anmerkung"].join(delimiter)];
  for (let i = 0; i < 40; i++) {
    const lives = ["Allein", "Mit Partner", "Familie"][i % 3];
    lines.push([["Köln", "München", "Düsseldorf"][i % 3], lives, `"Bus ist zu spät${delimiter} Nr. ${i}"`].join(delimiter));
  }
  return lines.join(newline) + newline;
}

const overview = (page) => page.getByRole("region", { name: "2. Check the columns" });

test("an Excel Windows-1252 semicolon CSV reads with its accents and columns", async ({ page }) => {
  await openApp(page);
  // Every character here is the same byte in Latin-1 and Windows-1252.
  await uploadSurvey(page, tempFile("excel.csv", Buffer.from(survey(";"), "latin1")));
  await expect(overview(page)).toContainText("Read as CSV in windows-1252, semicolon delimiter.");
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  for (const name of ["Wohnort", "Mit wem leben Sie?", "Anmerkung"]) {
    await expect(columns.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(columns).toContainText("Köln (14)");
  await expect(page.getByRole("table", { name: /Preview/ })).toContainText("Bus ist zu spät; Nr. 0");
  await page.getByLabel("Group respondents by").selectOption({ label: "Mit wem leben Sie? (3 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).toHaveCount(3);
});

test("Excel's Unicode text (UTF-16 LE, tab-separated) reads", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("unicode.txt", Buffer.from("\ufeff" + survey("\t"), "utf16le")));
  await expect(overview(page)).toContainText("Read as CSV in UTF-16LE, tab delimiter.");
  await expect(page.getByRole("table", { name: "Columns", exact: true })).toContainText("München (13)");
});

test("a JSON array of flat objects reads", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 30 }, (_, i) => ({ "Who do you live with?": ["Alone", "Partner"][i % 2], Age: 40 + i }));
  await uploadSurvey(page, tempFile("survey.json", JSON.stringify(rows)));
  await expect(overview(page)).toContainText("Read as JSON in UTF-8.");
  await expect(page.getByRole("table", { name: "Columns", exact: true })).toContainText("Alone (15)");
});

test("the user can read the file another way, and a way that fails changes nothing", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("excel.csv", Buffer.from(survey(";"), "latin1")));
  await page.getByLabel("Text encoding").selectOption("UTF-8");
  await expect(page.getByRole("alert")).toContainText("cannot be read that way");
  await expect(overview(page)).toContainText("windows-1252, semicolon");

  await page.getByLabel("Delimiter").selectOption("comma");
  await expect(overview(page)).toContainText("Read as CSV in windows-1252, comma delimiter.");
  await expect(page.getByRole("table", { name: "Columns", exact: true }).getByRole("rowheader")).toHaveText([
    "Wohnort;Mit wem leben Sie?;Anmerkung",
  ]);
});
