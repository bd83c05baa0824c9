// The page fits a laptop and a phone: no sideways scrolling on any view, touch targets
// of 44 px, buttons whose words stay inside them.
import { test, expect } from "@playwright/test";
import { buildPersonas, clinicSurveyCsv, openApp, openLibrary, saveToLibrary, tempFile, uploadSurvey } from "./helpers.js";

const fits = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

for (const [width, height] of [[1366, 900], [390, 844]]) {
  test(`every view fits ${width}×${height} without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openApp(page);
    expect(await fits(page), "first page").toBe(true);
    await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
    await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
    await buildPersonas(page);
    // After Build the first card is in view, with the focus.
    await expect(page.getByRole("article").first()).toBeInViewport();
    await expect(page.getByRole("article").first()).toBeFocused();
    expect(await fits(page), "build view").toBe(true);
    await page.getByRole("button", { name: "Compare side by side" }).click();
    expect(await fits(page), "compare").toBe(true);
    await saveToLibrary(page);
    await openLibrary(page);
    expect(await fits(page), "library").toBe(true);
    await page.getByRole("article").first().getByRole("button", { name: /^Edit/ }).click();
    expect(await fits(page), "editor").toBe(true);
    const editor = page.getByRole("region", { name: /^Editing/ });
    await editor.getByLabel("Owner").fill("Outpatients team, evening clinic");
    await editor.getByLabel("Owner").press("Tab");
    await expect(page.getByRole("status")).toContainText("Saved owner");
    await editor.getByRole("button", { name: "Done editing" }).click();
    await page.getByRole("button", { name: /^History \(1\)/ }).click();
    await expect(page.getByRole("region", { name: "Version history" }).getByRole("row", { name: /^owner/ })).toBeVisible();
    expect(await fits(page), "history").toBe(true);
    await page.getByLabel("Survey wave", { exact: true }).setInputFiles(tempFile("clinic-again.csv", clinicSurveyCsv()));
    await expect(page.getByRole("table", { name: "What the new wave says" })).toBeVisible();
    expect(await fits(page), "refresh report").toBe(true);
    // Buttons are tall enough to touch, and no word of theirs is broken.
    const buttons = await page.locator("button:visible").evaluateAll((all) =>
      all.map((b) => ({ text: b.innerText, height: b.getBoundingClientRect().height, lines: b.getClientRects().length })),
    );
    for (const b of buttons) expect(b.height, b.text).toBeGreaterThanOrEqual(43.5);
    // No button's words spill out of it (words are never broken inside, so a label
    // wider than its button would).
    const spilling = await page.locator("button:visible").evaluateAll((all) =>
      all.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.innerText),
    );
    expect(spilling).toEqual([]);
  });
}

test("on a phone the message over the cards can be dismissed, and the next one shows again", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("status")).toContainText("Built");
  await page.getByRole("button", { name: "Dismiss the message" }).click();
  // The region stays (for the next announcement), empty and out of sight.
  await expect(page.locator(".notice-info")).toBeEmpty();
  await expect(page.locator(".notice-info")).toBeHidden();
  await expect(page.getByRole("button", { name: "Dismiss the message" })).toHaveCount(0);
  await expect(page.getByRole("main")).toBeFocused();
  // Nothing sits over the first card now.
  const card = await page.getByRole("article").first().boundingBox();
  const noticesBottom = await page.locator(".notices").evaluate((n) => n.getBoundingClientRect().bottom);
  expect(noticesBottom).toBeLessThanOrEqual(card.y + 1);
  await saveToLibrary(page);
  await expect(page.getByRole("button", { name: "Dismiss the message" })).toBeVisible();
});
