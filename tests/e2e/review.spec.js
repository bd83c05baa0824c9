// The quarterly review as a guided session, under a fixed clock: two overdue personas
// walked in turn (what changed, plans due, notes and ratings since), both reviews
// recorded with who, the decision, a note and the next date; the library shows them
// reviewed, the export carries the reviews, and the summary prints on one A4 page.
import { test, expect } from "@playwright/test";
import {
  CLINIC, exported, librarySaved, pdfPageCount, pdfText, personaHeadings, reloadWhenSaved,
  savedClinicLibrary, keepPdf, screenshots, tempFile } from "./helpers.js";

const { PARTNER, ALONE, FAMILY } = CLINIC;
const card = (page, name) => page.getByRole("article", { name, exact: true });
const region = (page, name) => page.getByRole("region", { name });

/**
 * The clinic library built on 25 November 2026, with a plan item (overdue by March), a
 * staff note and a rating given to ALONE through an import, and PARTNER marked reviewed
 * in January: on 1 March 2027 ALONE and FAMILY are overdue.
 */
async function twoOverdue(page) {
  await page.clock.setFixedTime(new Date("2026-11-25T10:00:00Z"));
  await savedClinicLibrary(page);
  const file = await exported(page);
  const alone = file.personas.find((p) => p.name === ALONE);
  alone.updated_at = "2026-11-26T10:00:00Z";
  alone.plans = [{
    id: "plan-1", action: "Offer a phone call the day before each visit", owner: "Dana",
    status: "in_progress", due: "2027-02-15", started: "2026-11-25", from_wave: 1,
  }];
  alone.notes = [{ date: "2027-01-10", author: "Sam", text: "Several asked for calls after work." }];
  alone.ratings = [{ by: "Dana", date: "2027-01-15", score: 4, comment: "Matches our phone callers." }];
  await page.getByLabel("Import personas").setInputFiles(tempFile("team.json", JSON.stringify(file)));
  await expect(page.getByRole("status")).toContainText("1 updated");

  await page.clock.setFixedTime(new Date("2027-01-20T10:00:00Z"));
  await reloadWhenSaved(page);
  await page.getByRole("button", { name: `Mark reviewed “${PARTNER}”` }).click();
  await librarySaved(page);

  await page.clock.setFixedTime(new Date("2027-03-01T10:00:00Z"));
  await reloadWhenSaved(page);
  await page.getByLabel("Your name (for history and notes)").fill("Sam");
  await page.getByLabel("Your name (for history and notes)").press("Tab");
}

test("a quarterly review walks the two overdue personas, records both and prints its summary on one page", async ({ page }) => {
  await twoOverdue(page);
  await page.getByRole("button", { name: "Start the quarterly review", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Quarterly review", level: 2 })).toBeVisible();
  await expect(page.getByText("2 personas overdue for review")).toBeVisible();

  // The first: what changed, its overdue plan, the note and the rating since.
  await expect(page.getByText("Persona 1 of 2")).toBeVisible();
  await expect(page.locator("#review-current")).toHaveText(ALONE);
  await expect(region(page, "What changed since the last review")).toContainText("No new survey wave since the last review");
  await expect(region(page, "What changed since the last review").getByRole("row", { name: /Respondents it stands for/ })).toContainText("40");
  const due = region(page, "Plans due or overdue");
  await expect(due).toContainText("Offer a phone call the day before each visit");
  await expect(due).toContainText("Dana · In progress · overdue since 2027-02-15");
  const since = region(page, "Notes and ratings since the last review");
  await expect(since).toContainText("Several asked for calls after work.");
  await expect(since).toContainText("Dana: 4 of 5 (Mostly) — Matches our phone callers.");
  await screenshots(page, "review-step");

  // Who reviewed is the Your name field; the next date a quarter later.
  await expect(page.getByLabel("Reviewed by")).toHaveValue("Sam");
  await expect(page.getByLabel("Next review")).toHaveValue("2027-06-01");
  await page.getByLabel("Decision").selectOption({ label: "Revise it" });
  await page.getByLabel("Note", { exact: true }).fill("Add an evening slot for calls.");
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByRole("status")).toContainText(`Recorded the review of “${ALONE}”; next review due 2027-06-01.`);

  // The focus moves to the next persona's heading.
  await expect(page.getByText("Persona 2 of 2")).toBeVisible();
  await expect(page.getByRole("heading", { name: FAMILY, level: 3 })).toBeFocused();
  await expect(region(page, "Plans due or overdue")).toContainText("No plan item is due.");
  await page.getByLabel("Reviewed by").fill("Dana");
  await page.getByLabel("Next review").fill("2027-05-15");
  await page.getByLabel("Note", { exact: true }).fill("Still matches the families we see.");
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByRole("heading", { name: "Review finished" })).toBeFocused();
  await expect(page.getByText("2 reviews recorded, 0 skipped")).toBeVisible();

  // The summary: both, with decisions, notes, next dates and open plans.
  const summary = region(page, "Review summary");
  const rows = summary.getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText(ALONE);
  await expect(rows.nth(1)).toContainText("2027-03-01 by Sam");
  await expect(rows.nth(1)).toContainText("Revise it");
  await expect(rows.nth(1)).toContainText("2027-06-01");
  await expect(rows.nth(1)).toContainText("Offer a phone call the day before each visit — Dana · In progress · due 2027-02-15");
  await expect(rows.nth(2)).toContainText(FAMILY);
  await expect(rows.nth(2)).toContainText("Keep as it is");
  await expect(rows.nth(2)).toContainText("2027-05-15");
  await screenshots(page, "review-summary");

  // Printed: the summary alone, on one A4 page.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Record the review" })).toHaveCount(0);
  await expect(page.getByText("Review finished")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print the review summary" })).toBeHidden();
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  keepPdf("review-summary", pdf);
  expect(pdfPageCount(pdf)).toBe(1);
  const text = pdfText(pdf);
  for (const shown of ["Review summary", ALONE, FAMILY, "Revise it", "Add an evening slot for calls.", "2027-05-15"]) {
    expect(text).toContain(shown);
  }
  for (const hidden of ["Persona Builder", "Record the review", "Quarterly review"]) {
    expect(text).not.toContain(hidden);
  }
  await page.emulateMedia({ media: "screen" });

  // The library shows both reviewed, none overdue; the export carries the reviews.
  await page.getByRole("link", { name: "← Back to the library" }).click();
  await expect(card(page, ALONE)).toContainText("Review due 2027-06-01 · last reviewed 2027-03-01");
  await expect(card(page, FAMILY)).toContainText("Review due 2027-05-15 · last reviewed 2027-03-01");
  await expect(page.getByText("0 overdue for review")).toBeVisible();
  await expect(personaHeadings(page)).toHaveText([PARTNER, ALONE, FAMILY]);
  const file = await exported(page);
  const reviews = Object.fromEntries(file.personas.map((p) => [p.name, p.reviews ?? []]));
  expect(reviews[ALONE]).toEqual([
    { date: "2027-03-01", by: "Sam", decision: "revise", note: "Add an evening slot for calls.", next_due: "2027-06-01", at_wave: 1 },
  ]);
  expect(reviews[FAMILY]).toEqual([
    { date: "2027-03-01", by: "Dana", decision: "keep", note: "Still matches the families we see.", next_due: "2027-05-15", at_wave: 1 },
  ]);
  expect(reviews[PARTNER]).toEqual([]);
});

test("on a phone, Skip moves on without recording and a next date before today is refused", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await twoOverdue(page);
  await page.getByRole("button", { name: "Start the quarterly review", exact: true }).click();
  await expect(page.locator("#review-current")).toHaveText(ALONE);
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.getByRole("heading", { name: FAMILY, level: 3 })).toBeFocused();
  await page.getByLabel("Next review").fill("2027-02-01");
  await page.getByRole("button", { name: "Record the review" }).click();
  await expect(page.getByRole("alert")).toContainText("The next review must come after today (2027-03-01).");
  await expect(page.getByText("Persona 2 of 2")).toBeVisible();
  await page.getByRole("button", { name: "Skip" }).click();
  await expect(page.getByText("0 reviews recorded, 2 skipped")).toBeVisible();
  await expect(page.getByText("No review recorded in the last quarter yet.")).toBeVisible();
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("link", { name: "← Back to the library" }).click();
  await expect(page.getByText("2 overdue for review")).toBeVisible();
});
