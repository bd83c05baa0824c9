// Refreshing saved personas from a second survey wave whose planted segments shifted:
// one grew, one split in two, one stayed; a new group fits none and is proposed.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, openApp, openLibrary, personaHeadings, saveToLibrary, tempFile, uploadSurvey, seededRandom,
} from "./helpers.js";

const QUESTIONS = [
  ["How do you travel to the clinic?", ["Bus", "Car", "Taxi", "On foot"]],
  ["Who do you live with?", ["Alone", "Partner", "Family", "Carer"]],
  ["What makes appointments hard?", ["Cost", "Work hours", "Childcare", "Nothing"]],
  ["How would you like to hear from us?", ["App", "Text", "Phone", "Letter"]],
  ["When suits you best?", ["Morning", "Afternoon", "Evening", "Weekend"]],
  ["How often do you visit?", ["Weekly", "Monthly", "Yearly", "Rarely"]],
];
// Each profile's answer to every question (index into its answers).
const A = [1, 1, 1, 0, 2, 2];
const B = [0, 0, 0, 2, 0, 1];
const B2 = [0, 0, 0, 3, 1, 3]; // B's travel, household and barrier; other channel, time, visits
const C = [2, 2, 2, 1, 3, 0];
const D = [3, 3, 3, 3, 3, 3];

/** A wave: `groups` of [profile, respondents]; a fifth of the answers random. */
function wave(groups, seed) {
  const next = seededRandom(seed);
  const rows = [QUESTIONS.map(([q]) => q).join(",")];
  for (const [profile, size] of groups) {
    for (let i = 0; i < size; i++) {
      rows.push(QUESTIONS.map(([, answers], q) => answers[next() < 0.2 ? Math.floor(next() * 4) : profile[q]]).join(","));
    }
  }
  return rows.join("\n") + "\n";
}

/** Each persona's label, from the summary table the comparison opens with. */
async function labelsOf(report) {
  const table = report.getByRole("table", { name: "What the new wave says" });
  await expect(table).toBeVisible();
  const labels = {};
  for (const row of await table.locator("tbody tr").all()) {
    labels[(await row.locator("th").textContent()).trim()] = (await row.locator("td").first().textContent()).trim();
  }
  return labels;
}

/** Builds personas from similar answers in `first` and keeps them in the library. */
async function keepPersonasOf(page, first) {
  await openApp(page);
  await uploadSurvey(page, tempFile("wave-1.csv", first));
  await page.getByLabel("Group respondents by").selectOption({ label: "Similar answers across all questions (automatic segments)" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).toHaveCount(3);
  await saveToLibrary(page);
  await openLibrary(page);
  return personaHeadings(page).allTextContents();
}

const FIRST = () => wave([[A, 200], [B, 175], [C, 125]], 1);

test("the same wave fed back leaves every persona stable; a wave where one segment grew drifts that one only", async ({ page }) => {
  const names = await keepPersonasOf(page, FIRST());
  const report = page.getByRole("region", { name: "Refresh from a new survey wave" });
  await page.getByLabel("Survey wave", { exact: true }).setInputFiles(tempFile("wave-1-again.csv", FIRST()));
  await expect(page.getByRole("status")).toContainText("Compared 3 saved personas");
  expect(Object.values(await labelsOf(report))).toEqual(["stable", "stable", "stable"]);
  await report.getByRole("button", { name: "Close the comparison" }).click();

  await page.getByLabel("Survey wave", { exact: true }).setInputFiles(
    tempFile("wave-grown.csv", wave([[A, 350], [B, 175], [C, 125]], 4)),
  );
  await expect(page.getByRole("status")).toContainText("Compared 3 saved personas");
  const labels = await labelsOf(report);
  expect(Object.values(labels).sort()).toEqual(["drifted", "stable", "stable"]);
  const grown = names.find((n) => labels[n] === "drifted");
  await expect(report.getByRole("article", { name: `${grown}: drifted` })).toContainText("It grew");
  // The stable ones take their new figures together.
  await report.getByText(/^Stable personas \(2\)/).click();
  await report.getByRole("button", { name: "Accept the new figures for the stable personas" }).click();
  await expect(report.getByRole("table", { name: "What the new wave says" }).locator("tbody tr")).toHaveCount(1);
});

test("a second wave labels saved personas grown, split and stable, and accepting keeps the old version", async ({ page }) => {
  const names = await keepPersonasOf(page, FIRST());
  expect(names).toHaveLength(3);

  await page.getByLabel("Survey wave", { exact: true }).setInputFiles(
    tempFile("wave-2.csv", wave([[A, 350], [B, 75], [B2, 75], [C, 160], [D, 80]], 2)),
  );
  await expect(page.getByRole("status")).toContainText("Compared 3 saved personas");
  const report = page.getByRole("region", { name: "Refresh from a new survey wave" });
  const labels = await labelsOf(report);
  expect(Object.keys(labels).sort()).toEqual([...names].sort());
  expect(Object.values(labels).sort()).toEqual(["drifted", "split", "stable"]);
  const grown = names.find((n) => labels[n] === "drifted");
  const split = names.find((n) => labels[n] === "split");
  await expect(report.getByRole("article", { name: `${grown}: drifted` })).toContainText("It grew");
  await expect(report.getByRole("article", { name: `${split}: split` })).toContainText("two distinct groups");
  await expect(report.getByText(/respondents fit no saved persona/)).toBeVisible();
  await expect(report.getByRole("heading", { name: /Proposed new personas/ })).toBeVisible();

  // Only the changed personas are open; the stable one is folded away.
  const stable = names.find((n) => labels[n] === "stable");
  await expect(report.getByRole("article", { name: `${stable}: stable` })).toBeHidden();
  await report.getByText(/^Stable personas \(1\)/).click();
  await expect(report.getByRole("article", { name: `${stable}: stable` })).toBeVisible();

  // Accept the grown persona's new figures, marked reviewed in the same step: its size
  // changes; the old version is in history.
  await report.getByRole("checkbox", { name: `Mark reviewed “${grown}”` }).check();
  await report.getByRole("button", { name: `Accept the new figures for “${grown}”` }).click();
  await expect(page.getByRole("status")).toContainText("earlier version is in its history");
  await expect(report.getByRole("article", { name: `${grown}: drifted` })).toHaveCount(0);
  const saved = page.getByRole("article", { name: grown, exact: true });
  await saved.getByRole("button", { name: /^History/ }).click();
  await expect(page.getByRole("region", { name: "Version history" })).toContainText("refreshed from a new wave (drifted) and marked reviewed");

  // A proposed persona can join the library.
  await report.getByRole("button", { name: /^Add to the library/ }).first().click();
  await expect(page.getByRole("status")).toContainText("to the library");
  await expect(page.getByRole("link", { name: "Library (4)" })).toBeVisible();
});
