// Automatic segments: respondents who answered alike across the questions become
// personas, with a quality badge; the number of personas can be set.
import { test, expect } from "@playwright/test";
import { buildPersonas, openApp, tempFile, uploadSurvey, chosenOption } from "./helpers.js";

/** 180 respondents in three planted segments, with a little noise and some blanks. */
function plantedSurvey() {
  const rows = ["Age,How do you travel to the clinic?,Who do you live with?,How would you like to hear from us?"];
  const segments = [
    { age: 30, travel: "Car", lives: "Family", channels: "App, Text" },
    { age: 78, travel: "Bus", lives: "Alone", channels: "Phone, Letter" },
    { age: 52, travel: "Taxi", lives: "Partner", channels: "Phone" },
  ];
  for (let i = 0; i < 180; i++) {
    const s = segments[i % 3];
    const noisy = i % 10 === 0;
    rows.push([s.age + (i % 3), noisy ? "On foot" : s.travel, i % 17 === 0 ? "" : s.lives, `"${s.channels}"`].join(","));
  }
  return rows.join("\n") + "\n";
}

test("automatic segments build personas with a quality badge, and the number can be set", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted.csv", plantedSurvey()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Similar answers across all questions (automatic segments)" });
  const count = page.getByLabel("Number of personas");
  await expect(chosenOption(count)).toHaveText("Auto");
  await buildPersonas(page);
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  await expect(cards.first().getByRole("heading", { level: 3 })).not.toContainText("Segment");
  for (const card of await cards.all()) {
    await expect(card.locator(".badge").first()).toHaveText("clear group");
    await expect(card).toContainText("60 respondents");
  }
  await expect(page.locator(".build-notes")).toContainText("Auto chose the number");
  await expect(page.getByRole("group", { name: "Coverage" })).toContainText(/100% of respondents are in a persona; \d+(\.\d)?% fit theirs well\./);
  // Traits sit in sections by the questions' roles; actions cite the trait behind them.
  const digital = cards.filter({ hasText: "App" }).first();
  await digital.getByRole("button", { name: "Show the evidence" }).click();
  await expect(digital.getByRole("rowheader", { name: "Demographics" })).toBeVisible();
  await expect(digital.getByRole("rowheader", { name: "Preferred channels" })).toBeVisible();
  await expect(digital.locator(".actions")).toContainText("Use the app, text reminders and video visits.");
  await expect(digital.locator(".actions")).toContainText(/60 of 60 \(100% vs 33\.3% of all respondents\) answered “(App|Text)” to “How would you like to hear from us\?”/);

  await count.selectOption({ label: "2" });
  await buildPersonas(page);
  await expect(cards).toHaveCount(2);
  await expect(page.locator(".build-notes")).not.toContainText("Auto chose the number");
});

test("a rule-based persona for the respondents who meet every condition; too few is refused", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted.csv", plantedSurvey()));
  const addCondition = async (question, test, value) => {
    await page.getByLabel("Question", { exact: true }).selectOption(question);
    await page.getByLabel("Condition", { exact: true }).selectOption({ label: test });
    const field = page.getByLabel("Answer or number");
    if (test.startsWith("at ")) await field.fill(value);
    else await field.selectOption(value);
    await page.getByRole("button", { name: "Add condition" }).click();
  };
  await addCondition("Age", "at least", "65");
  await addCondition("How would you like to hear from us?", "includes", "Phone");
  const conditions = page.getByRole("list", { name: "Conditions" });
  await expect(conditions.getByRole("listitem")).toHaveText([
    "Age at least 65 Remove “Age at least 65”",
    "How would you like to hear from us? includes Phone Remove “How would you like to hear from us? includes Phone”",
  ]);
  await page.getByRole("button", { name: "Build persona from rule" }).click();
  await expect(page.getByRole("status")).toContainText("Built 1 persona.");
  const card = page.getByRole("article");
  await expect(card.getByRole("heading", { level: 3 })).toHaveText("Aged 65+, prefers a phone call");
  await expect(card).toContainText("60 respondents");
  const coverage = page.getByRole("group", { name: "Coverage" });
  await expect(coverage).toContainText("33.3% of respondents are in a persona.");
  await expect(coverage.locator(".unrepresented")).toContainText("Who do you live with?: Family (");

  await conditions.getByRole("button", { name: /Remove “Age at least 65”/ }).click();
  await addCondition("Age", "at most", "20");
  await page.getByRole("button", { name: "Build persona from rule" }).click();
  await expect(page.getByRole("alert")).toContainText("Fewer than 11 respondents meet the rule");
});

test("personas can be compared side by side, each with an abstract portrait", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("planted.csv", plantedSurvey()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Similar answers across all questions (automatic segments)" });
  await buildPersonas(page);
  await expect(page.getByRole("article").locator("svg.avatar")).toHaveCount(3);
  const toggle = page.getByRole("button", { name: "Compare side by side" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const table = page.getByRole("region", { name: "Personas side by side" }).getByRole("table");
  // One column per persona, plus the answer and all respondents.
  await expect(table.getByRole("columnheader")).toHaveCount(5);
  const age = table.getByRole("row", { name: /^75–84\s*Age/ });
  await expect(age).toContainText("100% (n = 60)");
  await expect(age).toContainText("not among its listed answers");
  await expect(age).toContainText("33.3%");
  // The answers that set the personas apart most come first: everyone of one persona
  // against a third of all respondents.
  await expect(table.getByRole("row").nth(1)).toContainText("100% (n = 60)");
});

test("a real SurveyMonkey export gets automatic segments, each with an honest quality badge", async ({ page }) => {
  const { SURVEYMONKEY } = await import("./helpers.js");
  await openApp(page);
  await uploadSurvey(page, SURVEYMONKEY);
  await page.getByLabel("Group respondents by").selectOption({ label: "Similar answers across all questions (automatic segments)" });
  await buildPersonas(page);
  const cards = page.getByRole("article");
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    await expect(card.locator(".persona-quality .badge")).toHaveText(/^(clear group|loose group|not reliable)$/);
  }
  await expect(page.locator(".build-notes")).toContainText("Auto chose the number");
});
