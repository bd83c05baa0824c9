// Refreshing saved personas from a second survey wave whose planted segments shifted:
// one grew, one split in two, one stayed; a new group fits none and is proposed.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, openApp, openLibrary, personaHeadings, saveToLibrary, tempFile, uploadSurvey,
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

/** A seeded generator (mulberry32), so each wave is the same on every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A wave: `groups` of [profile, respondents]; a fifth of the answers random. */
function wave(groups, seed) {
  const next = random(seed);
  const rows = [QUESTIONS.map(([q]) => q).join(",")];
  for (const [profile, size] of groups) {
    for (let i = 0; i < size; i++) {
      rows.push(QUESTIONS.map(([, answers], q) => answers[next() < 0.2 ? Math.floor(next() * 4) : profile[q]]).join(","));
    }
  }
  return rows.join("\n") + "\n";
}

test("a second wave labels saved personas grown, split and stable, and accepting keeps the old version", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("wave-1.csv", wave([[A, 200], [B, 175], [C, 125]], 1)));
  await page.getByLabel("Group respondents by").selectOption({ label: "Similar answers across all questions (automatic segments)" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).toHaveCount(3);
  await saveToLibrary(page);
  await openLibrary(page);
  const names = await personaHeadings(page).allTextContents();
  expect(names).toHaveLength(3);

  await page.getByLabel("Survey wave", { exact: true }).setInputFiles(
    tempFile("wave-2.csv", wave([[A, 350], [B, 75], [B2, 75], [C, 160], [D, 80]], 2)),
  );
  await expect(page.getByRole("status")).toContainText("Compared 3 saved persona(s)");
  const report = page.getByRole("region", { name: "Refresh from a new survey wave" });
  const labelOf = async (name) => {
    const article = report.getByRole("article", { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `) });
    return (await article.getAttribute("aria-label")).split(": ").pop();
  };
  const labels = {};
  for (const name of names) labels[name] = await labelOf(name);
  expect(Object.values(labels).sort()).toEqual(["drifted", "split", "stable"]);
  const grown = names.find((n) => labels[n] === "drifted");
  const split = names.find((n) => labels[n] === "split");
  await expect(report.getByRole("article", { name: `${grown}: drifted` })).toContainText("It grew");
  await expect(report.getByRole("article", { name: `${split}: split` })).toContainText("two distinct groups");
  await expect(report.getByText(/respondents fit no saved persona/)).toBeVisible();
  await expect(report.getByRole("heading", { name: /Proposed new personas/ })).toBeVisible();

  // Accept the grown persona's new figures: its size changes; the old version is in history.
  await report.getByRole("button", { name: `Accept the new figures for “${grown}”` }).click();
  await expect(page.getByRole("status")).toContainText("earlier version is in its history");
  await expect(report.getByRole("article", { name: `${grown}: drifted` })).toHaveCount(0);
  const saved = page.getByRole("article", { name: grown, exact: true });
  await saved.getByRole("button", { name: /^History/ }).click();
  await expect(page.getByRole("region", { name: "Version history" })).toContainText("refreshed from a new wave (drifted)");

  // A proposed persona can join the library.
  await report.getByRole("button", { name: /^Add to the library/ }).first().click();
  await expect(page.getByRole("status")).toContainText("to the library");
  await expect(page.getByRole("link", { name: "Library (4)" })).toBeVisible();
});
