// The walking skeleton's promise: upload → build → save → reload → export → delete → import.
import { test, expect } from "@playwright/test";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  openFold,
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, expectPersonas, personaHeadings, saveToLibrary,
  SURVEYMONKEY, tempFile, uploadSurvey, reloadWhenSaved } from "./helpers.js";

const EXPECTED = [
  "Lives with a partner, walks",
  "Lives alone, prefers a phone call",
  "Lives with family",
];

test("a survey becomes personas that survive a reload, an export, a delete and an import", async ({ page }) => {
  await openApp(page);
  const survey = tempFile("clinic.csv", clinicSurveyCsv());
  await uploadSurvey(page, survey);

  // Columns and a preview of the first rows are shown.
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  await expect(columns.getByRole("rowheader", { name: "Who do you live with?" })).toBeVisible();
  await openFold(page, "Preview of the first");
  await expect(page.getByRole("table", { name: /Preview of the first/ }).getByRole("row")).toHaveCount(6);

  // A grouping column is preselected (a choice column with 2–8 groups); choose another.
  const groupBy = page.getByLabel("Group respondents by");
  await expect(groupBy.locator("option:checked")).toHaveText(/\((?:[2-8]) answers\)$/);
  await groupBy.selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);

  // One card per group of at least 11 (Carer 5 and Friends 7 are left out, said so).
  await expectPersonas(page, EXPECTED);
  await expect(page.getByText("2 answer groups had fewer than 11 respondents")).toBeVisible();
  await expect(page.getByText("12 respondents gave another answer")).toBeVisible();
  const alone = page.getByRole("article", { name: "Lives alone, prefers a phone call" });
  await expect(alone).toContainText("40 respondents · 28.2% of all respondents");
  // The evidence is one click away: segment % beside overall %, 28 of the 40 who live
  // alone take the bus.
  await alone.getByRole("button", { name: "Show the evidence" }).click();
  const bus = alone.getByRole("row").filter({ hasText: "Bus" });
  await expect(bus).toContainText("70% (n = 28)");
  // Identifier-like columns never become traits.
  await expect(page.getByRole("article").filter({ hasText: "@example.org" })).toHaveCount(0);

  await saveToLibrary(page);
  await reloadWhenSaved(page);
  await openLibrary(page);
  await expectPersonas(page, EXPECTED);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("personas.json");
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(exported.format).toBe("persona-builder");
  expect(exported.schema_version).toBe(5);
  expect(exported.personas.map((p) => p.name)).toEqual(EXPECTED);
  expect(JSON.stringify(exported)).not.toContain("@example.org");
  // Provenance: the uploaded file's SHA-256 (worked out by the browser's WebCrypto).
  const sha256 = createHash("sha256").update(readFileSync(survey)).digest("hex");
  expect(exported.personas.map((p) => p.provenance.source_sha256)).toEqual(EXPECTED.map(() => sha256));
  const exportPath = tempFile("personas.json", JSON.stringify(exported));

  for (const name of EXPECTED) {
    await page.getByRole("article", { name }).getByRole("button", { name: /Delete/ }).click();
  }
  await expect(page.getByText("No personas saved yet")).toBeVisible();
  await reloadWhenSaved(page);
  await expect(page.getByText("No personas saved yet")).toBeVisible();

  await page.getByLabel("Import personas").setInputFiles(exportPath);
  await expect(page.getByRole("status")).toContainText("3 added");
  await expectPersonas(page, EXPECTED);
  await reloadWhenSaved(page);
  await expectPersonas(page, EXPECTED);
});

test("a real SurveyMonkey export builds personas from its preselected question", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, SURVEYMONKEY);
  const overview = page.getByRole("region", { name: "2. Check the columns" });
  await expect(overview).toContainText("311 respondents");
  await buildPersonas(page);
  await expect(personaHeadings(page).nth(1)).toBeVisible();
  for (const card of await page.getByRole("article").all()) {
    const size = Number(await card.locator(".persona-size strong").textContent());
    expect(size).toBeGreaterThanOrEqual(11);
  }
});

test("a new survey clears the personas and notes built from the previous one", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  await expect(page.getByText("had fewer than 11 respondents")).toBeVisible();
  await page.getByLabel("Survey file").setInputFiles(SURVEYMONKEY);
  await expect(page.getByRole("region", { name: "2. Check the columns" })).toContainText("311 respondents");
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByText("had fewer than 11 respondents")).toHaveCount(0);
});
