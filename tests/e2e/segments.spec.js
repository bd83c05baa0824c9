// Automatic segments: respondents who answered alike across the questions become
// personas, with a quality badge; the number of personas can be set.
import { test, expect } from "@playwright/test";
import { buildPersonas, openApp, tempFile, uploadSurvey } from "./helpers.js";

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
  await expect(count).toHaveValue("auto");
  await buildPersonas(page);
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  await expect(cards.first().getByRole("heading", { level: 3 })).toContainText("Segment A:");
  for (const card of await cards.all()) {
    await expect(card).toContainText("stable segment");
    await expect(card).toContainText("60 respondents");
  }
  await expect(page.locator(".build-notes")).toContainText("Auto chose the number");
  // Traits sit in sections by the questions' roles; actions cite the trait behind them.
  const digital = cards.filter({ hasText: "App" }).first();
  await expect(digital.getByRole("rowheader", { name: "Demographics" })).toBeVisible();
  await expect(digital.getByRole("rowheader", { name: "Preferred channels" })).toBeVisible();
  await expect(digital.locator(".actions")).toContainText("Use the app, text reminders and video visits.");
  await expect(digital.locator(".actions")).toContainText(/60 of 60 \(100% vs 33\.3% of all respondents\) answered “(App|Text)” to “How would you like to hear from us\?”/);

  await count.selectOption("2");
  await buildPersonas(page);
  await expect(cards).toHaveCount(2);
  await expect(page.locator(".build-notes")).not.toContainText("Auto chose the number");
});
