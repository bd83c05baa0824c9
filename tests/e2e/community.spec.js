// The community as the reference: a profile pasted in step 2 shows who the survey
// missed, weighting gives personas their share of the community, and the export says so.
import { test, expect } from "@playwright/test";
import { buildPersonas, exported, openApp, openLibrary, saveToLibrary, screenshots, tempFile, uploadSurvey } from "./helpers.js";

/** 300 respondents; only 30 are 75 or older. */
function surveyCsv() {
  const lines = ["Age,Gender,How do you travel?"];
  for (let i = 0; i < 300; i++) {
    const age = i < 30 ? 78 + (i % 10) : 20 + (i % 50);
    lines.push(`${age},${i % 5 < 3 ? "Female" : "Male"},${["Bus", "Car", "On foot"][i % 3]}`);
  }
  return lines.join("\n") + "\n";
}

const PROFILE = "Category,Share\nUnder 45,45\n45-74,35\n75+,20\nFemale,51\nMale,49\n";

test("a community profile flags who the survey missed and weights personas to the community", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("survey.csv", surveyCsv()));
  await page.getByLabel("Community profile", { exact: true }).fill(PROFILE);
  await page.getByRole("button", { name: "Compare with the community" }).click();
  const compared = page.getByRole("group", { name: "Respondents against the community" });
  await expect(compared).toContainText("Under-represented: “75+” (Age) is 20 % of your catchment but 10 % of respondents");

  await compared.getByLabel("Weight respondents to the community").check();
  await expect(compared).toContainText("the effective sample size");
  await expect(compared).toContainText("“75+” (Age) is 20 % of your catchment but 10 % of respondents; 20 % weighted");
  await screenshots(page, "community");

  await page.getByLabel("Group respondents by").selectOption({ label: "Gender (2 answers)" });
  await buildPersonas(page);
  await expect(page.getByText(/60% of all respondents · 51% of the community \(weighted; effective sample \d+\)/)).toBeVisible();
  await saveToLibrary(page);
  await openLibrary(page);
  const file = await exported(page, "Export all");
  const female = file.personas.find((p) => p.segment.size === 180);
  expect(female.segment.share).toBe(0.6);
  expect(female.segment.weighted_share).toBeCloseTo(0.51, 2);
  expect(female.provenance.community.effective_n).toBeGreaterThan(150);
});

test("shares that do not add up to 100 % are refused with the total and nothing changes", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("survey.csv", surveyCsv()));
  await page.getByLabel("Community profile", { exact: true }).fill("Under 45,45\n45-74,35\n");
  await page.getByRole("button", { name: "Compare with the community" }).click();
  await expect(page.getByRole("alert")).toContainText("add up to 80.0 %, not about 100 %");
  await expect(page.getByRole("group", { name: "Respondents against the community" })).toHaveCount(0);
});
