// Nothing that identifies a patient is kept, shown in a persona or exported.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, SAMPLES, storedValues, tempFile, uploadSurvey,
} from "./helpers.js";
import { CONTENT_IDENTIFIERS, NAMED_IDENTIFIERS, plantedSurveyCsv, plantedValues } from "./planted.js";

const RESPONDENTS = 142;

/** Every count of people in a persona file: segment sizes and trait counts. */
function countsIn(file) {
  return file.personas.flatMap((p) => [p.segment.size, ...p.traits.map((t) => t.n)]);
}

test("planted identifiers never reach the page's analysis, a persona, storage or an export", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted.csv", plantedSurveyCsv()));

  // The privacy report lists every identifier column with its reason.
  const dropped = page.getByRole("table", { name: /Dropped columns/ });
  for (const name of [...Object.keys(NAMED_IDENTIFIERS), ...Object.keys(CONTENT_IDENTIFIERS)]) {
    const row = dropped.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
    await expect(row, `${name} is listed as dropped`).toHaveCount(1);
    await expect(row.getByRole("cell")).not.toBeEmpty();
  }
  const report = page.getByRole("region", { name: "Privacy report" });
  await expect(report.locator(".generalised")).toContainText("“Age”: ages of 90 and over are shown as “90+”");
  await expect(report.locator(".generalised")).toContainText("“Visit date”: dates and times keep only their year");
  await expect(report.locator(".scrubbed")).toContainText("“Anything else?”");

  // What is analysed and previewed holds none of them.
  const overview = page.getByRole("region", { name: "2. Check the columns" });
  const overviewText = await overview.innerText();
  for (const value of plantedValues(RESPONDENTS)) expect(overviewText).not.toContain(value);
  expect(overviewText).not.toContain("Plantedsurname");

  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  // Everyone living alone has Diabetes: hidden and reported.
  await expect(report.locator(".withheld")).toContainText(/Everyone in “Lives alone[^”]*” who answered “Diagnosis” said “Diabetes”/);
  // Approve every suggested quote: each is one sentence that held no identifier, so
  // none even shows where the scrubber removed one.
  const approve = page.getByRole("button", { name: "Approve quote" });
  await expect(approve.first()).toBeVisible();
  while ((await approve.count()) > 0) await approve.first().click();
  const quotes = await page.locator(".header-quote, .persona-quotes blockquote").allTextContents();
  expect(quotes.length).toBeGreaterThan(0);
  expect(quotes.join(" ")).not.toMatch(/\[(phone|email|name|number|link|date)\]/);

  await page.getByRole("button", { name: "Save to library" }).click();
  await expect(page.getByRole("status")).toContainText("Saved to the library");
  await openLibrary(page);
  await page.getByLabel("Include approved quotes").check();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  const exportedText = readFileSync(await (await download).path(), "utf8");
  const stored = JSON.stringify(await storedValues(page)) + (await page.evaluate(() => JSON.stringify({ ...localStorage })));

  for (const [where, text] of [["export", exportedText], ["storage", stored]]) {
    for (const value of plantedValues(RESPONDENTS)) expect(text, `${value} in ${where}`).not.toContain(value);
    expect(text, where).not.toContain("Plantedsurname");
    expect(text, where).not.toContain("@planted.example");
  }
  const exported = JSON.parse(exportedText);
  // The withheld sensitive answer stayed out of the persona that shares it.
  const alone = exported.personas.find((p) => p.name.startsWith("Lives alone"));
  expect(alone.traits.filter((t) => t.attribute === "Diagnosis")).toEqual([]);
  expect(exported.personas.flatMap((p) => p.quotes).length).toBeGreaterThan(0);
  for (const n of countsIn(exported)) expect(n === 0 || n >= 11, `count ${n}`).toBe(true);
});

test("quotes stay out of an export unless the user includes them", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted.csv", plantedSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  await page.getByRole("button", { name: "Approve quote" }).first().click();
  await page.getByRole("button", { name: "Save to library" }).click();
  await openLibrary(page);
  await expect(page.locator(".header-quote")).toHaveCount(1);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.personas.flatMap((p) => p.quotes)).toEqual([]);
});

test("a sensitive answer a whole persona shares is shown only after the user confirms", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted.csv", plantedSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  const alone = page.getByRole("article", { name: /^Lives alone/ });
  await expect(alone).not.toContainText("Diagnosis");
  await page.getByRole("button", { name: "Show it in the persona" }).click();
  await alone.getByRole("button", { name: "Show the evidence" }).click();
  await expect(alone.getByRole("rowheader", { name: "Diagnosis" })).toBeVisible();
});

test("the minimum group size can be raised, never lowered below 11", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  const k = page.getByLabel("Minimum group size");
  await expect(k).toHaveValue("11");
  await k.fill("5");
  await k.press("Enter");
  await expect(page.getByRole("alert")).toContainText("between 11 and 1000");
  await expect(k).toHaveValue("11");

  await k.fill("45");
  await k.press("Enter");
  await expect(page.getByRole("status")).toContainText("Minimum group size set to 45");
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  // Only Partner (60) reaches 45; the other 82 are in no persona, and the page says so.
  await expect(page.getByRole("article").getByRole("heading", { level: 3 })).toHaveText([/^Lives with a partner/]);
  await expect(page.getByText("82 respondents gave another answer")).toBeVisible();
});

test("a REDCap data dictionary marks more identifiers", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, join(SAMPLES, "redcap-raw.csv"));
  await page.getByLabel("REDCap data dictionary (optional)").setInputFiles(join(SAMPLES, "redcap-data-dictionary.csv"));
  await expect(page.getByRole("status")).toContainText("marks 5 fields as identifiers");
  const dropped = page.getByRole("table", { name: /Dropped columns/ });
  for (const name of ["email", "first_name", "last_name", "address", "telephone_1"]) {
    await expect(dropped.getByRole("row", { name: new RegExp(`^${name} `) })).toContainText("REDCap data dictionary");
  }
  await expect(dropped.getByRole("rowheader", { name: "dob", exact: true })).toBeVisible();
});
