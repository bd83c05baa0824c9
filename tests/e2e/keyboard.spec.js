// The main flow works with the keyboard alone: no mouse clicks anywhere.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { clinicSurveyCsv, openApp, personaHeadings, tempFile } from "./helpers.js";

/** Presses Tab (or Shift+Tab) until `isTarget(activeElement)` holds, at most 40 times. */
async function tabTo(page, describe, { backwards = false } = {}) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return { id: el.id, text: el.textContent.trim(), tag: el.tagName.toLowerCase() };
    });
    if (describe(focused)) return;
  }
  throw new Error("focus never reached the wanted control");
}

/**
 * Presses Space on the focused file input until the file chooser opens: headless
 * Chromium now and then lets the first key press on a native file input pass.
 */
async function openChooserWithKeyboard(page) {
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent("filechooser", { timeout: 3_000 });
    await page.keyboard.press("Space");
    try {
      return await chooser;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

test("upload, build, save and export with the keyboard only", async ({ page }) => {
  await openApp(page);
  const survey = tempFile("clinic.csv", clinicSurveyCsv());

  await tabTo(page, (f) => f.id === "survey-file");
  await (await openChooserWithKeyboard(page)).setFiles(survey);
  await expect(page.getByRole("heading", { name: "2. Check the columns" })).toBeVisible();

  // The scrollable tables are reachable too, then the grouping choice.
  await tabTo(page, (f) => f.id === "group-by");
  await page.keyboard.press("Home"); // first choice: "Who do you live with?"
  await expect(page.getByLabel("Group respondents by").locator("option:checked")).toHaveText(/^Who do you live with\?/);
  await tabTo(page, (f) => f.text === "Build personas");
  await page.keyboard.press("Enter");
  // The personas come into view, the focus on the first card.
  await expect(page.getByRole("article").first()).toBeFocused();
  await expect(personaHeadings(page)).toHaveCount(3);

  await tabTo(page, (f) => f.text === "Save to library", { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Saved to the library");

  await tabTo(page, (f) => f.text.startsWith("Library"), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Library", level: 2 })).toBeVisible();
  await tabTo(page, (f) => f.text === "Export all");
  const download = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.personas).toHaveLength(3);

  await tabTo(page, (f) => f.text.startsWith("Delete"));
  await page.keyboard.press("Enter");
  await expect(personaHeadings(page)).toHaveCount(2);
});

test("a skip link leads past the header to the content", async ({ page }) => {
  await openApp(page);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
