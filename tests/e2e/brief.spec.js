// The outreach brief: drafted from a saved persona, each section an editable labelled
// text box; printed as one A4 page with only the brief on it, as edited; the edits are
// not stored.
import { test, expect } from "@playwright/test";
import { CLINIC, pdfPageCount, pdfText, keepPdf, savedClinicLibrary, screenshots } from "./helpers.js";

const { ALONE } = CLINIC;
const SECTIONS = ["Who they are", "Preferred channels and times", "Format", "What to say first", "What we offer"];
const EDITED = "Ask first whether a call after six in the evening suits them.";

test("an outreach brief is drafted, edited and printed on one A4 page with only the brief on it", async ({ page }) => {
  await savedClinicLibrary(page);
  await page.getByRole("link", { name: `Outreach brief of “${ALONE}”` }).click();
  await expect(page.getByRole("heading", { name: ALONE, level: 2 })).toBeVisible();
  for (const section of SECTIONS) {
    await expect(page.getByLabel(section, { exact: true })).not.toHaveValue("");
  }
  // Drawn from the persona: they all prefer a phone call.
  await expect(page.getByLabel("Preferred channels and times")).toHaveValue(/Phone/);
  const drafted = await page.getByLabel("What to say first").inputValue();
  await page.getByLabel("What to say first").fill(EDITED);
  await screenshots(page, "brief");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print the brief" })).toBeHidden();
  await expect(page.getByLabel("What to say first")).toBeHidden();
  await expect(page.locator(".brief-text").getByText(EDITED)).toBeVisible();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  keepPdf("brief", pdf);
  expect(pdfPageCount(pdf)).toBe(1);
  const text = pdfText(pdf);
  for (const shown of [ALONE, ...SECTIONS, EDITED]) expect(text).toContain(shown);
  expect(text).not.toContain(drafted.replace(/\s+/g, " "));
  for (const hidden of ["Persona Builder", "Print the brief", "Back to the library"]) {
    expect(text).not.toContain(hidden);
  }
  await page.emulateMedia({ media: "screen" });

  // The edits are not stored: the page opened again has the draft.
  await page.reload();
  await expect(page.getByLabel("What to say first")).toHaveValue(drafted);
});
