// The first visit: what the app does in three steps, and Try a sample survey, which
// reaches persona cards with no file of one's own — at desktop and at phone width.
import { test, expect } from "@playwright/test";
import { buildPersonas, openApp } from "./helpers.js";

for (const [width, height] of [[1366, 900], [390, 844]]) {
  test(`a newcomer at ${width}px sees the three steps and reaches personas from the sample survey`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    const welcome = page.getByRole("region", { name: "Patient personas from your survey, in three steps" });
    await expect(welcome).toBeVisible();
    await expect(welcome.getByRole("listitem")).toHaveCount(3);

    await welcome.getByRole("button", { name: "Try a sample survey" }).click();
    await expect(page.getByRole("heading", { name: "2. Check the columns" })).toBeVisible();
    // The explainer makes way once a survey is read; the sample says it is synthetic.
    await expect(welcome).toHaveCount(0);
    await expect(page.getByText("sample-patient-survey-synthetic.csv").first()).toBeVisible();
    // Its identifiers are dropped like any export's.
    await expect(page.getByRole("region", { name: "Privacy report" })).toContainText("Response ID");

    await buildPersonas(page);
    const cards = page.getByRole("article");
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    const first = cards.first();
    await expect(first).toBeInViewport();
    await expect(first).toBeFocused();
    await expect(first.locator(".headline")).not.toBeEmpty();
    const width_ = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width_).toBeLessThanOrEqual(width);
  });
}
