// Interview notes as evidence: scrubbed for review, an excerpt attached to a persona as
// a quote from an interview; what was not attached is kept nowhere.
import { test, expect } from "@playwright/test";
import { strToU8, zipSync } from "fflate";
import { CLINIC, exported, savedClinicLibrary, screenshots, storedValues } from "./helpers.js";

const NOTES = [
  "# Interview, north clinic",
  "",
  "The bus takes an hour each way, so she often misses her appointments.",
  "",
  "Margaret said to ring 07700 900123 or write to margaret@example.org about the shuttle.",
  "",
  "UNATTACHED: she would like evening sessions after her shift.",
].join("\n");

test("an interview excerpt is scrubbed, attached to a persona and exported; the rest is kept nowhere", async ({ page }) => {
  await savedClinicLibrary(page);
  await page.getByLabel("Your name (for history and notes)").fill("Sam Lee");
  await page.getByLabel("Your name (for history and notes)").press("Tab");
  await page.getByLabel("Or paste interview notes").fill(NOTES);
  await page.getByRole("button", { name: "Read the pasted notes" }).click();
  await page.getByLabel("Interview date").fill("2026-11-30");
  const passages = page.getByRole("group", { name: "Passages for review" });
  await expect(passages).toBeVisible();
  const shown = (await passages.locator("textarea").evaluateAll((areas) => areas.map((a) => a.value))).join("\n");
  for (const planted of ["07700 900123", "margaret@example.org", "Margaret"]) expect(shown).not.toContain(planted);
  expect(shown).toContain("[phone]");
  await screenshots(page, "interviews");

  await passages.getByLabel("Persona for excerpt 2").selectOption({ label: CLINIC.ALONE });
  await passages.getByRole("button", { name: "Attach as a quote" }).nth(1).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: CLINIC.ALONE, level: 3 }) });
  await expect(card.getByText("The bus takes an hour each way, so she often misses her appointments.")).toBeVisible();
  await expect(card.getByText("From an interview, 2026-11-30, Sam Lee")).toBeVisible();

  const file = await exported(page, "Export all");
  expect(JSON.stringify(file)).not.toContain("UNATTACHED");
  expect(file.personas.find((p) => p.name === CLINIC.ALONE).provenance.interviews).toBe(1);
  const stored = JSON.stringify(await storedValues(page)) + (await page.evaluate(() => JSON.stringify({ ...localStorage })));
  expect(stored).toContain("The bus takes an hour each way");
  for (const text of [stored, JSON.stringify(file)]) {
    expect(text).not.toContain("UNATTACHED");
    expect(text).not.toContain("07700 900123");
    expect(text).not.toContain("margaret@example.org");
  }
});

test("notes that are not plain text are refused with what to do", async ({ page }) => {
  await savedClinicLibrary(page);
  await page.getByLabel("Add interview notes").setInputFiles({ name: "notes.docx", mimeType: "application/octet-stream", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe]) });
  await expect(page.getByRole("alert")).toContainText("“notes.docx” was not read. The notes are not plain text.");
  await expect(page.getByRole("group", { name: "Passages for review" })).toHaveCount(0);
});

test("a Word file's paragraphs are read as notes, scrubbed", async ({ page }) => {
  await savedClinicLibrary(page);
  const xml = '<?xml version="1.0"?><w:document><w:body>' +
    "<w:p><w:r><w:t>Parking costs too much &amp; the bus is late.</w:t></w:r></w:p>" +
    "<w:p><w:r><w:t>Call 07700 900123 after six.</w:t></w:r></w:p></w:body></w:document>";
  const docx = Buffer.from(zipSync({ "word/document.xml": strToU8(xml) }));
  await page.getByLabel("Add interview notes").setInputFiles({ name: "interview.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
  const passages = page.getByRole("group", { name: "Passages for review" });
  await expect(passages.getByRole("textbox", { name: "Excerpt 1" })).toHaveValue("Parking costs too much & the bus is late.");
  await expect(passages.getByRole("textbox", { name: "Excerpt 2" })).toHaveValue("Call [phone] after six.");
});
