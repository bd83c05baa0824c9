// Understanding columns: ages in bands, spellings merged (and unmerged on request).
import { test, expect } from "@playwright/test";
import { openApp, openFold, tempFile, uploadSurvey, chosenOption, reloadWhenSaved, storedValues } from "./helpers.js";

function survey() {
  const rows = ["Gender,Age,Who do you live with?,Getting to the clinic is easy"];
  const genders = ["Female", "female", "F", "Male", "Woman "];
  const ease = ["Agree", "Strongly agree", "Disagree", "Agree", "Strongly disagree"];
  for (let i = 0; i < 60; i++) {
    rows.push(`${genders[i % 5]},${20 + ((i * 7) % 75)},${["Alone", "Partner"][i % 2]},${ease[i % 5]}`);
  }
  return rows.join("\n") + "\n";
}

test("ages are put in bands and spellings of one answer are merged, with undo", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("genders.csv", survey()));
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  await expect(chosenOption(page.getByLabel("Kind of “Age”"))).toHaveText(/^ordered scale( \(as read\))?$/);
  await openFold(page, "Preview of the first");
  await expect(page.getByRole("table", { name: /Preview/ })).toContainText("18–24");
  // A Likert question is an ordered scale, listed from lowest to highest.
  const ease = columns.getByRole("row", { name: /^Getting to the clinic is easy/ });
  await expect(chosenOption(page.getByLabel("Kind of “Getting to the clinic is easy”"))).toHaveText(/^ordered scale( \(as read\))?$/);
  await expect(ease).toContainText("Strongly disagree (12); Disagree (12); Agree (24); Strongly agree (12)");

  const merged = page.locator(".merges");
  await expect(merged).toContainText("“Gender”: “F”, “Woman”, “female” counted as “Female”");
  await expect(columns.getByRole("row", { name: /^Gender / })).toContainText("Female (48); Male (12)");

  await openFold(page, "How answers were read");
  await merged.getByRole("button", { name: "Undo for “Female”" }).click();
  await expect(page.locator(".merges")).toContainText("kept apart from “Female”");
  await expect(columns.getByRole("row", { name: /^Gender / }).getByRole("cell").nth(2)).toHaveText("5");

  await page.locator(".merges").getByRole("button", { name: "Merge again for “Female”" }).click();
  await expect(columns.getByRole("row", { name: /^Gender / })).toContainText("Female (48)");
});

test("check-all questions spread over option columns, or joined in a cell, become multi-selects", async ({ page }) => {
  const { SURVEYMONKEY } = await import("./helpers.js");
  await openApp(page);
  await uploadSurvey(page, SURVEYMONKEY);
  const platforms = "Which of the following platforms do you use to access OHBM content?";
  await expect(page.locator(".folds")).toContainText("10 option columns read as one multi-select question");
  const row = page.getByRole("table", { name: "Columns", exact: true }).getByRole("row", { name: new RegExp(`^${platforms.replace("?", "\\?")}`) });
  await expect(row).toContainText("multi-select");
  await expect(row).toContainText("OHBM website (https://www.humanbrainmapping.org)");

  const rows = ["Timestamp,How would you like to hear from us?,Who do you live with?"];
  const picks = ["Text, App", "Phone", "Letter, Phone", "Text, App, Phone"];
  for (let i = 0; i < 48; i++) rows.push(`2024-05-0${1 + (i % 9)} 10:00:00,"${picks[i % 4]}",${["Alone", "Partner"][i % 2]}`);
  await uploadSurvey(page, tempFile("forms.csv", rows.join("\n") + "\n"));
  await expect(page.locator(".folds")).toContainText("options chosen together in one cell");
  await openFold(page, "Preview of the first");
  await expect(page.getByRole("table", { name: /Preview/ })).toContainText("Text; App");
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (2 answers)" });
  await page.getByRole("button", { name: "Build personas" }).click();
  const alone = page.getByRole("article", { name: /^Lives alone/ });
  await alone.getByRole("button", { name: "Show the evidence" }).click();
  await expect(alone.getByRole("rowheader", { name: "How would you like to hear from us?" })).toBeVisible();
});

test("roles are proposed, an ignored column leaves the personas, and the next wave remembers", async ({ page }) => {
  await openApp(page);
  const file = tempFile("wave1.csv", survey());
  await uploadSurvey(page, file);
  const role = page.getByLabel("Role of “Who do you live with?”");
  await expect(chosenOption(role)).toHaveText("demographic");
  await expect(chosenOption(page.getByLabel("Role of “Getting to the clinic is easy”"))).toHaveText("other");
  const groupBy = page.getByLabel("Group respondents by");
  await expect(groupBy.locator("option", { hasText: "Who do you live with?" })).toHaveCount(1);

  await role.selectOption("ignore");
  await expect(groupBy.locator("option", { hasText: "Who do you live with?" })).toHaveCount(0);

  // The next wave of the same survey maps itself.
  await reloadWhenSaved(page);
  await uploadSurvey(page, tempFile("wave2.csv", survey()));
  await expect(chosenOption(page.getByLabel("Role of “Who do you live with?”"))).toHaveText("ignore");
  const stored = (await storedValues(page)).mappings;
  expect(stored).toContain("Who do you live with?");
  expect(stored).not.toContain("Female");
});

test("the user can change a column's kind; a kind that does not fit is refused; the choice is remembered", async ({ page }) => {
  await openApp(page);
  const rows = ["Gender,Clinic number,Who do you live with?"];
  for (let i = 0; i < 45; i++) rows.push(`${["Female", "Male"][i % 2]},${[30, 100, 20][i % 3]},${["Alone", "Partner"][i % 2]}`);
  const file = tempFile("clinics.csv", rows.join("\n") + "\n");
  await uploadSurvey(page, file);
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  const kind = page.getByLabel("Kind of “Clinic number”");
  await expect(chosenOption(kind)).toHaveText(/^choice( \(as read\))?$/);
  await expect(kind.locator("option:checked")).toHaveText("choice (as read)");

  await kind.selectOption("ordered scale");
  await expect(kind.locator("option:checked")).toHaveText("ordered scale");
  await expect(columns.getByRole("row", { name: /^Clinic number / })).toContainText("20 (15); 30 (15); 100 (15)");

  await page.getByLabel("Kind of “Gender”").selectOption("number");
  await expect(page.getByRole("alert")).toContainText("“Female” is not a number, so “Gender” stays “choice”.");
  await expect(chosenOption(page.getByLabel("Kind of “Gender”"))).toHaveText(/^choice( \(as read\))?$/);

  // The next wave of the same survey maps itself.
  await page.getByLabel("Survey file").setInputFiles(file);
  await expect(page.getByRole("status")).toContainText("Read “clinics.csv”");
  await expect(chosenOption(kind)).toHaveText(/^ordered scale( \(as read\))?$/);
  await expect(kind.locator("option:checked")).toHaveText("ordered scale");
  await kind.selectOption({ label: "as read from the answers" });
  await expect(kind.locator("option:checked")).toHaveText("choice (as read)");
});

test("a grid question's rows are one block in the column table, its stem shown once", async ({ page }) => {
  await openApp(page);
  const rows = ["How satisfied were you with [Waiting time],How satisfied were you with [Staff],How satisfied were you with [Cleanliness],Who do you live with?"];
  const levels = ["Very satisfied", "Satisfied", "Dissatisfied"];
  for (let i = 0; i < 60; i++) rows.push(`${levels[i % 3]},${levels[(i + 1) % 3]},${levels[(i + 2) % 3]},${["Alone", "Partner"][i % 2]}`);
  await uploadSurvey(page, tempFile("grid.csv", rows.join("\n") + "\n"));
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  const stem = columns.getByRole("rowheader", { name: /^Grid: How satisfied were you with/ });
  await expect(stem).toHaveCount(1);
  await expect(columns.getByRole("rowheader", { name: "How satisfied were you with Staff" })).toBeVisible();
});
