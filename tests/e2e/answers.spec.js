// Real exports' answers understood as a person would: Qualtrics check-all answers joined
// by a comma and no space, and a free-typed gender question with 67 spellings.
import { test, expect } from "@playwright/test";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPersonas, chosenOption, openApp, openFold, uploadSurvey } from "./helpers.js";

/** Our own fixtures, shared with the native tests (tests/answers.rs). */
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");

test("Qualtrics check-all answers joined by commas are options in the column table and traits in the personas", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, join(FIXTURES, "qualtrics-check-all.csv"));
  await expect(page.getByText("Read as CSV")).toContainText("Qualtrics layout");
  const contact = "How would you like us to contact you? (Q3)";
  await expect(page.locator(".folds")).toContainText(`“${contact}”: options chosen together in one cell, joined by commas`);
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  const row = columns.getByRole("row", { name: new RegExp(`^${contact.replace(/[?()]/g, "\\$&")}`) });
  await expect(row).toContainText("multi-select");
  for (const option of ["Mobile app", "Email", "Phone call", "Text message", "Letter"]) {
    await expect(row).toContainText(option);
  }
  await expect(row).not.toContainText("Mobile app,Email");
  await expect(columns.getByRole("row", { name: /^Which conditions do you have\?/ })).toContainText("multi-select");
  await expect(columns.getByRole("row", { name: /^What stops you from attending/ })).toContainText("multi-select");

  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (Q1) (3 answers)" });
  await buildPersonas(page);
  const card = page.getByRole("article").filter({ hasText: "answered “Alone” to “Who do you live with? (Q1)”" });
  await card.getByRole("button", { name: "Show the evidence" }).click();
  await expect(card.getByRole("rowheader", { name: contact })).toBeVisible();
  const traits = card.getByRole("table");
  await expect(traits).toContainText(/Mobile app|Email|Phone call|Text message|Letter/);
  await expect(traits).not.toContainText(/\w,\w/);
});

test("a free-typed gender question comes out as the documented categories, each mapping with Undo", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, join(FIXTURES, "free-typed-gender.csv"));
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  const gender = () => columns.getByRole("row", { name: /^What is your gender\?/ });
  await expect(chosenOption(page.getByLabel("Kind of “What is your gender?”"))).toHaveText("choice (as read)");
  await expect(gender()).toContainText("Male (123); Female (111); Non-binary or another gender (23)");
  await expect(gender().getByRole("cell").nth(2)).toHaveText("5");

  const merges = page.locator(".merges");
  await expect(merges).toContainText("counted as “Female” (gender categories)");
  await expect(merges).toContainText("“Femake”");
  await expect(merges).toContainText("“I identify as female.”");
  await expect(merges).toContainText("counted as “Another answer” (rare answers grouped)");

  await openFold(page, "How answers were read");
  await merges.getByRole("button", { name: "Undo for “Female”" }).click();
  await expect(page.locator(".merges")).toContainText("kept apart from “Female”");
  await expect(gender()).not.toContainText("Female (111)");
  await page.locator(".merges").getByRole("button", { name: "Merge again for “Female”" }).click();
  await expect(gender()).toContainText("Female (111)");

  // The count beside it is a number: a median and interquartile range in the personas.
  await expect(chosenOption(page.getByLabel("Kind of “How many times did you visit a clinic in the last 12 months?”"))).toHaveText("number (as read)");
  await page.getByLabel("Group respondents by").selectOption({ label: "What is your gender? (5 answers)" });
  await buildPersonas(page);
  const male = page.getByRole("article").filter({ hasText: "answered “Male” to “What is your gender?”" });
  await male.getByRole("button", { name: "Show the evidence" }).click();
  const visits = male.getByRole("rowheader", { name: "How many times did you visit a clinic in the last 12 months?" });
  await expect(visits).toBeVisible();
  await expect(male.getByRole("table")).toContainText(/median \d+(\.\d+)? \(IQR \d+(\.\d+)?–\d+(\.\d+)?\) \(n = 123\)/);
});
