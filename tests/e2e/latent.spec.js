// Latent classes, the default automatic method: a planted survey's kinds come back, the
// BIC chart says why this number, the other method still works, and a question left out
// of the segments is said to be.
import { test, expect } from "@playwright/test";
import { buildPersonas, openApp, tempFile, uploadSurvey, seededRandom } from "./helpers.js";

const QUESTIONS = [
  ["How do you travel to the clinic?", ["Bus", "Car", "Taxi", "Walk"]],
  ["Who do you live with?", ["Alone", "Partner", "Family", "Friends"]],
  ["What stops you from attending?", ["Transport", "Work hours", "Childcare", "Cost"]],
  ["How would you like to hear from us?", ["Phone", "App", "Text", "Letter"]],
  ["When suits you best?", ["Morning", "Evening", "Weekend", "Afternoon"]],
  ["How often do you visit?", ["Weekly", "Monthly", "Yearly", "Rarely"]],
];
const NOISE = [["Favourite colour", ["Red", "Green", "Blue", "Yellow"]]];

/** 1,200 respondents of four planted kinds (each answers its own option 80% of the time). */
function plantedCsv() {
  const next = seededRandom(42);
  const header = [...QUESTIONS, ...NOISE].map(([q]) => `"${q}"`).join(",");
  const rows = [header];
  for (let i = 0; i < 1200; i++) {
    const kind = i % 4;
    const answers = QUESTIONS.map(([, options]) => options[next() < 0.8 ? kind : Math.floor(next() * 4)]);
    answers.push(NOISE[0][1][Math.floor(next() * 4)]);
    rows.push(answers.join(","));
  }
  return rows.join("\n") + "\n";
}

const AUTOMATIC = "Similar answers across all questions (automatic segments)";

test("latent classes find the four planted kinds and say why in a BIC chart; Similar answers still works", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted-four.csv", plantedCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: AUTOMATIC });
  await expect(page.getByLabel("Method").locator("option:checked")).toHaveText("Latent classes");
  await buildPersonas(page);
  await expect(page.getByRole("article")).toHaveCount(4);
  const chart = page.getByRole("figure", { name: "BIC chart: why this many personas" });
  await expect(chart).toContainText("4 personas: the number where BIC is lowest");
  await expect(page.locator(".build-notes")).toContainText("latent class analysis");

  await page.getByLabel("Method").selectOption({ label: "Similar answers" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).not.toHaveCount(0);
  await expect(page.getByRole("figure", { name: "BIC chart: why this many personas" })).toHaveCount(0);
  await expect(page.locator(".build-notes")).toContainText("k-medoids");
});

test("a question unticked under Use for segments leaves the fit, and the chart says so", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted-four.csv", plantedCsv()));
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  const travel = columns.getByRole("row", { name: /^How do you travel to the clinic\?/ });
  await travel.getByRole("checkbox", { name: /Use for segments/ }).uncheck();
  await expect(travel.getByRole("checkbox", { name: /Use for segments/ })).not.toBeChecked();
  await page.getByLabel("Group respondents by").selectOption({ label: AUTOMATIC });
  await buildPersonas(page);
  const chart = page.getByRole("figure", { name: "BIC chart: why this many personas" });
  await expect(chart).toContainText("Left out of the segments (Use for segments unticked): How do you travel to the clinic?.");
});
