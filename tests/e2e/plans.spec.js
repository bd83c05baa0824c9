// From personas to action: a recommended action adopted into the persona's plan with an
// owner and a target, two later waves in which the planted transport barrier shrinks,
// the timeline over three waves and the plan judged met; staff ratings from two names.
import { readFileSync } from "node:fs";
import { test, expect } from "@playwright/test";
import {
  buildPersonas, openApp, openLibrary, reloadWhenSaved, saveToLibrary, tempFile, uploadSurvey,
} from "./helpers.js";

const BARRIER = "Is transport a barrier to getting to appointments?";

/** 200 living alone, `barrier` of them held back by transport; 200 with a partner, 30. */
function wave(barrier) {
  const rows = [`Who do you live with?,${BARRIER},How would you like to hear from us?`];
  for (const [household, heldBack] of [["Alone", barrier], ["Partner", 30]]) {
    for (let i = 0; i < 200; i++) {
      rows.push(`${household},${i < heldBack ? "Yes" : "No"},${i % 3 === 0 ? "Letter" : "Phone"}`);
    }
  }
  return rows.join("\n") + "\n";
}

/** Two personas (by household) from the first wave, kept in the library. */
async function keepPersonas(page) {
  await openApp(page);
  await uploadSurvey(page, tempFile("plan-wave-1.csv", wave(140)));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (2 answers)" });
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
}

/** The plan of the persona whose recommended actions answer the transport barrier. */
function transportPlan(page) {
  return page.getByRole("region", { name: /^Plan for/ }).filter({ hasText: BARRIER });
}

/** Compares a new wave and accepts its figures for `name`, wherever the report puts it. */
async function acceptWave(page, file, name) {
  await page.getByLabel("Survey wave", { exact: true }).setInputFiles(file);
  await expect(page.getByRole("status")).toContainText("Compared 2 saved personas");
  const report = page.getByRole("region", { name: "Refresh from a new survey wave" });
  const accept = report.getByRole("button", { name: `Accept the new figures for “${name}”` });
  if (!(await accept.isVisible())) await report.getByText(/^Stable personas/).click();
  await accept.click();
  await expect(page.getByRole("status")).toContainText("earlier version is in its history");
  await report.getByRole("button", { name: "Close the comparison" }).click();
}

test("an action adopted with an owner and a target is judged met after two waves in which the barrier shrinks", async ({ page }) => {
  await keepPersonas(page);
  const offers = page.getByRole("list", { name: "Recommended actions" }).filter({ hasText: "telehealth" });
  await offers.getByRole("listitem").filter({ hasText: "telehealth" }).getByRole("button", { name: "Add to plan" }).click();
  await expect(page.getByRole("status")).toContainText("Saved plan");
  const plan = page.getByRole("region", { name: /^Plan for/ }).filter({ has: page.getByRole("group") }).first();
  const name = (await plan.getAttribute("aria-label")).match(/“(.*)”/)[1];
  const item = plan.getByRole("group").first();
  // The figure it should move is the answer its reason names.
  await expect(item.getByLabel("Figure it should move").locator("option:checked")).toHaveText(`“Yes” to “${BARRIER}” (%)`);
  await item.getByLabel("Owner").fill("Ben");
  await item.getByLabel("Owner").press("Tab");
  await expect(page.getByRole("status")).toContainText("Saved plan");
  await item.getByLabel("Status").selectOption({ label: "In progress" });
  await item.getByLabel("Due").fill("2027-06-30");
  await item.getByLabel("Due").press("Tab");
  await item.getByLabel(/^Target/).fill("30");
  await item.getByLabel(/^Target/).press("Tab");
  await expect(item).toContainText("Judged at the next survey wave.");

  await acceptWave(page, tempFile("plan-wave-2.csv", wave(100)), name);
  await expect(transportPlan(page).getByRole("group").first()).toContainText(/^Moving:|Moving:/);
  await acceptWave(page, tempFile("plan-wave-3.csv", wave(40)), name);

  const judged = transportPlan(page).getByRole("group").first();
  await expect(judged).toContainText("Met: 70.0 %");
  await expect(judged.getByLabel("Owner")).toHaveValue("Ben");
  const timeline = judged.getByRole("figure", { name: `Timeline: “Yes” to “${BARRIER}” (%)` });
  await expect(timeline.getByRole("listitem")).toHaveCount(3);
  await expect(timeline.getByRole("listitem").last()).toContainText("20.0 %");
  await expect(timeline).toContainText("target 30.0 %");

  // The plan and the three waves travel in the exported file.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(file.schema_version).toBe(5);
  const kept = file.personas.find((p) => p.name === name);
  expect(kept.waves).toHaveLength(3);
  expect(kept.plans[0]).toMatchObject({ owner: "Ben", status: "in_progress", due: "2027-06-30", target: 30 });
  expect(kept.plans[0].measure).toEqual({ kind: "answer", question: BARRIER, answer: "Yes" });
  // Only accepted refreshes add a wave: the other persona's figures were not taken.
  const other = file.personas.find((p) => p.name !== name);
  expect(other.waves).toHaveLength(1);
});

test("two staff say whether a persona matches the patients they see; each counts once", async ({ page }) => {
  await keepPersonas(page);
  const yourName = page.getByLabel("Your name (for history and notes)");
  const ask = page.getByRole("group", { name: "Does this match the patients you see?" }).first();
  // Without a name a rating is refused, so no one counts twice.
  await ask.getByLabel("4 — Mostly").check();
  await ask.getByRole("button", { name: "Save my rating" }).click();
  await expect(page.getByRole("alert")).toContainText("Write your name");

  for (const [who, score, comment] of [["Ana", "4 — Mostly", "Like our Tuesday clinic."], ["Ben", "2 — A little", ""], ["Ana", "5 — Exactly", ""]]) {
    await yourName.fill(who);
    await yourName.press("Tab");
    await ask.getByLabel(score).check();
    await ask.getByLabel("Comment (optional)").fill(comment);
    await ask.getByRole("button", { name: "Save my rating" }).click();
    await expect(page.getByRole("status")).toContainText("Saved ratings");
  }
  const ratings = page.getByRole("region", { name: "Staff ratings" }).first();
  await expect(ratings).toContainText("3.5 of 5 from 2 staff");
  await expect(ratings.getByRole("listitem")).toHaveCount(2);
  await reloadWhenSaved(page);
  await expect(page.getByRole("region", { name: "Staff ratings" }).first()).toContainText("3.5 of 5 from 2 staff");
});
