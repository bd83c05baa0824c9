// What the per-area stores and the worker client promise: the Build view's personas
// survive a refresh in the Library, a persona grouped by a very long question keeps
// every rule, and a reader that crashes on a dictionary costs only its own worker.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, personaHeadings, saveToLibrary, tempFile, uploadSurvey, reloadWhenSaved } from "./helpers.js";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

test("refreshing the library from a new wave leaves the personas built on the Build view", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("wave-1.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  const built = await personaHeadings(page).allTextContents();
  expect(built.length).toBeGreaterThan(1);
  await saveToLibrary(page);
  // Build again so the view holds personas not (yet) saved as they are.
  await buildPersonas(page);

  await openLibrary(page);
  const wave = clinicSurveyCsv({ livesWith: [["Partner", 80], ["Alone", 50], ["Family", 30], ["Carer", 12]] });
  await page.getByLabel("Survey wave", { exact: true }).setInputFiles(tempFile("wave-2.csv", wave));
  await expect(page.getByRole("status")).toContainText("Compared");

  await page.getByRole("link", { name: "Build" }).click();
  await expect(personaHeadings(page)).toHaveText(built);
  await expect(page.getByText("wave-1.csv", { exact: true })).toBeVisible();
});

test("a survey grouped by a 300-character question builds, saves, exports and reloads", async ({ page }) => {
  const question = `${"Thinking about everyone who shares your home over the past twelve months and ".repeat(4)}who do you live with?`;
  expect(question.length).toBeGreaterThan(300);
  const rows = [[question, "How do you travel?"]];
  for (let i = 0; i < 60; i++) rows.push([["Alone", "Partner"][i % 2], ["Bus", "Car", "Walk"][i % 3]]);
  const csv = rows.map((r) => r.map((v) => `"${v}"`).join(",")).join("\n") + "\n";
  await openApp(page);
  await uploadSurvey(page, tempFile("long-question.csv", csv));
  await page.getByLabel("Group respondents by").selectOption({ label: `${question} (2 answers)` });
  await buildPersonas(page);
  const names = await personaHeadings(page).allTextContents();
  expect(names).toHaveLength(2);
  for (const name of names) {
    expect(name.length).toBeLessThan(120);
    expect(name).toMatch(/^Lives (alone|with a partner)/);
    expect(name).not.toContain("Thinking about");
  }
  await saveToLibrary(page);

  await openLibrary(page);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  const exported = JSON.parse(readFileSync(await (await downloadPromise).path(), "utf8"));
  expect(exported.personas.map((p) => p.name).sort()).toEqual([...names].sort());

  await reloadWhenSaved(page);
  await expect(page.getByRole("link", { name: "Library (2)" })).toBeVisible();
  await expect(page.getByText("could not be loaded")).toHaveCount(0);
});

test("a dictionary that crashes its reader leaves the loaded survey usable", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  // A truncated XLS makes the workbook reader panic, which ends its worker.
  const damaged = readFileSync(`${FIXTURES}survey.xls`).subarray(0, 518);
  await page.getByLabel("REDCap data dictionary (optional)").setInputFiles(tempFile("dictionary.xls", damaged));
  await expect(page.getByRole("alert")).toContainText("“dictionary.xls” was not used.");
  await expect(page.getByRole("alert")).toContainText("The survey is as it was.");

  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).not.toHaveCount(0);
});

test("Build personas waits, and says why, while the next file is still being read", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  // Large enough to be still reading while the page is checked.
  const lines = ["Who do you live with?,How do you travel?,Age,Anything else?"];
  for (let i = 0; i < 200_000; i++) {
    lines.push(`${["Alone", "Partner", "Family"][i % 3]},${["Bus", "Car"][i % 2]},${20 + (i % 60)},"Comment ${i % 997} about the clinic"`);
  }
  // Whether the page ever said why while the button was disabled — both at once. The
  // read can be shorter than an assertion's polling interval, so the page is watched.
  await page.evaluate(() => {
    window.__waited = false;
    const look = () => {
      const hint = document.querySelector("#build-hint")?.textContent ?? "";
      const button = document.querySelector(".build-controls button.primary");
      if (hint.includes("“next.csv” is still being read") && button?.disabled) window.__waited = true;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.getByLabel("Survey file").setInputFiles(tempFile("next.csv", lines.join("\n") + "\n"));
  const build = page.getByRole("button", { name: "Build personas" });
  await expect(page.getByRole("status")).toContainText("Read “next.csv”", { timeout: 90_000 });
  expect(await page.evaluate(() => window.__waited)).toBe(true);
  await expect(build).toBeEnabled();
  await buildPersonas(page);
});
