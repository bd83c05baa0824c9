// Persona text is rendered as text, never as HTML.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, personaFile, personaJson, tempFile,
  uploadSurvey,
} from "./helpers.js";

const PAYLOAD = "<img src=x onerror=alert(1)>";

test("a persona named like an HTML tag shows that text literally", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await openApp(page);
  await openLibrary(page);
  const file = personaFile([personaJson({ name: PAYLOAD, summary: `<b>bold</b> ${PAYLOAD}` })]);
  await page.getByLabel("Import personas").setInputFiles(tempFile("xss.json", file));

  const card = page.getByRole("article", { name: PAYLOAD });
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(PAYLOAD);
  await expect(card).toContainText(`<b>bold</b> ${PAYLOAD}`);
  await expect(page.locator("main img, main b")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("survey answers that look like HTML stay text in cards and tables", async ({ page }) => {
  await openApp(page);
  const csv = clinicSurveyCsv({ livesWith: [[PAYLOAD, 20], ["Alone", 15]] });
  await uploadSurvey(page, tempFile("xss.csv", csv));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (2 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("heading", { name: `Lives with ${PAYLOAD}` })).toBeVisible();
  await expect(page.locator("main img")).toHaveCount(0);
});
