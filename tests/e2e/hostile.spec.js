// Hostile and broken inputs: nothing lost, nothing hangs.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectPersonas, openApp, openLibrary, personaFile, personaJson, tempFile, uploadSurvey, reloadWhenSaved, storedLibraryText } from "./helpers.js";

test("one stored persona that breaks the rules is set aside; the others load, and it can be downloaded or removed", async ({ page }) => {
  await openApp(page);
  const good = [1, 2, 3, 4].map((i) => personaJson({ id: `good-${i}`, name: `Good ${i}` }));
  const bad = personaJson({ id: "bad-1", name: "Too small", segment: { size: 5, share: 0.05 } });
  const stored = { storage_version: 2, personas: [good[0], good[1], bad, good[2], good[3]], history: {} };
  const text = JSON.stringify(stored);
  await page.evaluate((t) => localStorage.setItem("persona-builder.library", t), text);
  await reloadWhenSaved(page);
  await openLibrary(page);
  await expect(page.getByRole("link", { name: "Library (4)" })).toBeVisible();
  const setAside = page.getByRole("alert", { name: "Set-aside personas" });
  await expect(setAside).toContainText("1 saved persona could not be loaded");
  await expect(setAside).toContainText("“Too small”");
  // The stored copy is untouched until the user chooses.
  // (moved into IndexedDB as it was: the migration copies the text verbatim).
  expect(await storedLibraryText(page)).toBe(text);

  const download = page.waitForEvent("download");
  await setAside.getByRole("button", { name: "Download the set-aside personas" }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(JSON.stringify(file)).toContain("Too small");

  await setAside.getByRole("button", { name: "Remove them" }).click();
  await expect(page.getByRole("alert", { name: "Set-aside personas" })).toHaveCount(0);
  await reloadWhenSaved(page);
  await openLibrary(page);
  await expect(page.getByRole("link", { name: "Library (4)" })).toBeVisible();
  await expect(page.getByRole("alert", { name: "Set-aside personas" })).toHaveCount(0);
  expect(await storedLibraryText(page)).not.toContain("Too small");
});

// How fast it is refused is measured by the benchmark (scripts/bench), not timed here.
test("a 100,000-column file is refused before it is analysed and the page stays responsive", async ({ page }) => {
  await openApp(page);
  const header = Array.from({ length: 100_000 }, (_, i) => `q${i}`).join(",");
  const row = Array.from({ length: 100_000 }, (_, i) => String(i % 7)).join(",");
  const csv = [header, ...Array(30).fill(row)].join("\n") + "\n";
  const path = tempFile("wide.csv", csv);
  await page.getByLabel("Survey file").setInputFiles(path);
  await expect(page.getByRole("alert")).toContainText("100,000 columns", { timeout: 10_000 });
  await openLibrary(page);
  await page.getByRole("link", { name: "Build" }).click();
  await expect(page.getByRole("heading", { name: "1. Choose a survey export" })).toBeVisible();
});

test("an unclosed quote is reported with its line, and the file can be read with it taken literally", async ({ page }) => {
  await openApp(page);
  const lines = ["Who do you live with?,Comment"];
  for (let i = 0; i < 90; i++) lines.push(i === 3 ? `Alone,"Started a quote and never closed it` : `${["Alone", "Partner"][i % 2]},fine ${i}`);
  await page.getByLabel("Survey file").setInputFiles(tempFile("quote.csv", lines.join("\n") + "\n"));
  await expect(page.getByRole("alert")).toContainText("opens a field on line 5");
  const unclosed = page.getByRole("group", { name: "Unclosed quote" });
  await unclosed.getByRole("button", { name: "Read it with that quote taken literally" }).click();
  await expect(page.getByRole("status")).toContainText("Read “quote.csv”: 90 respondents");
});

test("UTF-16 without a BOM is read, and the text encoding can be chosen before a file is read", async ({ page }) => {
  await openApp(page);
  const text = "Who do you live with?\tStadt\r\n" + Array.from({ length: 30 }, (_, i) => `${["Alone", "Partner"][i % 2]}\tKöln`).join("\r\n") + "\r\n";
  const utf16 = Buffer.from(text, "utf16le");
  await uploadSurvey(page, tempFile("no-bom.txt", utf16));
  await expect(page.locator(".read-as").first()).toBeVisible();
  await expect(page.getByText("Read as CSV in UTF-16LE")).toBeVisible();

  // A Windows-1252 file read as such from the start.
  await page.getByLabel("Text encoding").selectOption({ label: "Windows-1252" });
  const latin = Buffer.from("Who do you live with?;Stadt\r\n" + Array.from({ length: 30 }, () => "Alone;K\xf6ln").join("\r\n") + "\r\n", "latin1");
  await uploadSurvey(page, tempFile("latin.csv", latin));
  await expect(page.getByText("Köln (30)")).toBeVisible();
});

test("persona files with a BOM import; repeated keys and text-direction overrides are refused", async ({ page }) => {
  await openApp(page);
  await openLibrary(page);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(personaFile([personaJson()]))]);
  await page.getByLabel("Import personas").setInputFiles(tempFile("bom.json", bom));
  await expect(page.getByRole("status")).toContainText("1 added");

  const twice = personaFile([personaJson({ id: "twice" })]).replace('"format":', '"schema_version": 999, "format":');
  await page.getByLabel("Import personas").setInputFiles(tempFile("twice.json", twice));
  await expect(page.getByRole("alert")).toContainText("schema_version");
  await expect(page.getByRole("alert")).toContainText("The library is unchanged.");

  const override = personaFile([personaJson({ id: "rtl", name: "Evil\u202Eemanresu" })]);
  await page.getByLabel("Import personas").setInputFiles(tempFile("rtl.json", override));
  await expect(page.getByRole("alert")).toContainText("text-direction mark");
  await expectPersonas(page, ["Imported persona"]);
});
