// Bad files get a clear message in the page, and nothing already saved is lost.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, personaFile, personaJson,
  expectPersonas, saveToLibrary, tempFile, uploadSurvey, reloadWhenSaved } from "./helpers.js";

/** Saves one persona so each test can prove the library survives. */
async function withSavedLibrary(page) {
  await openApp(page);
  await openLibrary(page);
  await page.getByLabel("Import personas").setInputFiles(tempFile("keep.json", personaFile([personaJson()])));
  await expect(page.getByRole("status")).toContainText("1 added");
  await page.getByRole("link", { name: "Build" }).click();
}

async function expectLibraryIntact(page) {
  await reloadWhenSaved(page);
  await openLibrary(page);
  await expectPersonas(page, ["Imported persona"]);
}

const BAD_SURVEYS = [
  ["empty.csv", "", "The file is empty"],
  ["header-only.csv", "Who do you live with?,Age band\r\n", "header row but no responses"],
  ["photo.csv", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]), "binary data"],
  ["ragged.csv", "a,b\r\n1,2\r\n3,4,5\r\n", "Row 3 has 3 answers but the header names 2 columns"],
  ["bad-utf8.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("name\r\nJos"), Buffer.from([0xff]), Buffer.from("\r\n")]), "not valid UTF-8"],
  ["nested.json", JSON.stringify([{ a: 1 }, { a: { b: 2 } }]), "array of flat objects"],
];

for (const [name, content, message] of BAD_SURVEYS) {
  test(`${name} is refused with a clear message`, async ({ page }) => {
    await withSavedLibrary(page);
    await page.getByLabel("Survey file").setInputFiles(tempFile(name, content));
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("alert")).toContainText(name);
    await expectLibraryIntact(page);
  });
}

test("short rows are padded with a warning, and an unanswered column is shown as such", async ({ page }) => {
  await openApp(page);
  const csv = clinicSurveyCsv().replace("\r\n", ",Unused question\r\n").replace(/,thanks"\r\n$/, ',thanks"\r\nshort@example.org,Alone\r\n');
  await uploadSurvey(page, tempFile("short.csv", csv));
  await expect(page.getByRole("list", { name: "Repairs made while reading" })).toContainText("fewer answers than there are columns");
  const unused = page.getByRole("table", { name: "Columns", exact: true }).getByRole("row", { name: /Unused question/ });
  await expect(unused).toContainText("no answers");
  await buildPersonas(page);
});

test("a grouping where every group is under 11 builds nothing and says why", async ({ page }) => {
  await withSavedLibrary(page);
  const csv = clinicSurveyCsv({ livesWith: [["Partner", 8], ["Alone", 7], ["Family", 6]] });
  await uploadSurvey(page, tempFile("tiny.csv", csv));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (3 answers)" });
  await page.getByRole("button", { name: "Build personas" }).click();
  await expect(page.getByRole("alert")).toContainText("No answer to “Who do you live with?” was given by 11 or more respondents");
  await expect(page.getByRole("article")).toHaveCount(0);
  await expectLibraryIntact(page);
});

const BAD_PERSONA_FILES = [
  ["malformed.json", "{\"format\": \"persona-builder\",", "not valid JSON"],
  ["other.json", JSON.stringify({ format: "something-else", schema_version: 1, personas: [] }), "not a Persona Builder file"],
  ["newer.json", JSON.stringify({ format: "persona-builder", schema_version: 6, exported_at: "2026-11-24T10:00:00Z", personas: [] }), "newer Persona Builder"],
  ["missing.json", personaFile([{ ...personaJson(), segment: undefined }]), "missing field `segment`"],
  ["small.json", personaFile([personaJson({ segment: { size: 7, share: 0.1 } })]), "at least 11"],
  ["huge.json", " ".repeat(5 * 1024 * 1024 + 1), "at most 5 MiB"],
  ["identifying.json", personaFile([personaJson({ traits: [{ attribute: "Contact", value: "jane.doe@example.org", segment_pct: 50, overall_pct: 20, n: 20 }] })]), "looks like an identifier"],
];

for (const [name, content, message] of BAD_PERSONA_FILES) {
  test(`importing ${name} is refused and the library stays as it was`, async ({ page }) => {
    await withSavedLibrary(page);
    await openLibrary(page);
    await page.getByLabel("Import personas").setInputFiles(tempFile(name, content));
    await expect(page.getByRole("alert")).toContainText(message);
    await expect(page.getByRole("alert")).toContainText("The library is unchanged");
    await expectLibraryIntact(page);
  });
}

test("a full storage is reported and the saved library stays intact", async ({ page }) => {
  await withSavedLibrary(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await buildPersonas(page);
  // The browser reports its storage for this page all but used up.
  await page.evaluate(() => {
    navigator.storage.estimate = async () => ({ usage: 1_000_000, quota: 1_000_100 });
  });
  await page.getByRole("button", { name: "Save to library" }).click();
  // Refused before writing, because the library would not fit; the change is taken back.
  await expect(page.getByRole("alert")).toContainText("was not saved");
  await expect(page.getByRole("alert")).toContainText("nearly full");
  await expect(page.getByRole("link", { name: "Library (1)" })).toBeVisible();
  await expectLibraryIntact(page);
});

test("a survey dropped on the drop zone is read", async ({ page }) => {
  await openApp(page);
  const csv = clinicSurveyCsv();
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.csv", { type: "text/csv" }));
    return data;
  }, csv);
  await page.locator(".drop-zone").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByRole("region", { name: "2. Check the columns" })).toContainText("dropped.csv: 142 respondents");
});
