// axe-core finds no serious or critical problems in the main views.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, saveToLibrary, tempFile, uploadSurvey,
} from "./helpers.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the page and returns its serious and critical violations. */
async function seriousViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

test("the empty start page", async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test("a loaded survey with built personas and a notice", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await buildPersonas(page);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the library with saved personas, and an error message", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  await page.getByLabel("Import personas").setInputFiles(tempFile("bad.json", "{oops"));
  await expect(page.getByRole("alert")).toContainText("not valid JSON");
  expect(await seriousViolations(page)).toEqual([]);
});

test("the built personas and the library at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Similar answers across all questions (automatic segments)" });
  await buildPersonas(page);
  await page.getByRole("article").first().getByRole("button", { name: "Show the evidence" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await saveToLibrary(page);
  await openLibrary(page);
  expect(await seriousViolations(page)).toEqual([]);
});
