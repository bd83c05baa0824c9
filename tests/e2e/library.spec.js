// The persona library: edit in place with autosave, undo, version history, duplicate,
// delete with undo, search and filters, the review cycle under a fixed clock, import
// merging by id, printing one persona per page, the presentation view, storage use.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import {
  CLINIC, openApp, openLibrary, personaFile, personaHeadings, personaJson, savedClinicLibrary as savedLibrary,
  tempFile, reloadWhenSaved, librarySaved, storedLibraryText } from "./helpers.js";

const { PARTNER, ALONE, FAMILY } = CLINIC;

const card = (page, name) => page.getByRole("article", { name, exact: true });

test("a persona is edited in place, survives a reload, and Undo and Restore take changes back", async ({ page }) => {
  await savedLibrary(page);
  await page.getByLabel("Your name (for history and notes)").fill("Sam");
  await page.getByLabel("Your name (for history and notes)").press("Tab");

  await page.getByRole("button", { name: `Edit “${ALONE}”` }).click();
  const editor = page.getByRole("region", { name: `Editing “${ALONE}”` });
  await editor.getByLabel("Name", { exact: true }).fill("Older people who live alone");
  await editor.getByLabel("Name", { exact: true }).press("Tab");
  await expect(page.getByRole("status")).toContainText("Saved name");
  await editor.getByLabel("Owner").fill("Outpatients team");
  await editor.getByLabel("Owner").press("Tab");
  await editor.getByLabel("Tags (separated by commas)").fill("transport, 2027 plan, transport");
  await editor.getByLabel("Tags (separated by commas)").press("Tab");
  await expect(page.getByRole("status")).toContainText("Saved tags");
  await editor.getByRole("button", { name: "Done editing" }).click();

  await reloadWhenSaved(page);
  await expect(page.getByRole("heading", { name: "Library", level: 2 })).toBeVisible();
  const alone = card(page, "Older people who live alone");
  await expect(alone.getByText("Owner: Outpatients team")).toBeVisible();
  await expect(alone.getByRole("list", { name: "Tags" }).getByRole("listitem")).toHaveText(["transport", "2027 plan"]);

  // A dated note from staff shows on the card.
  await page.getByRole("button", { name: "Edit “Older people who live alone”" }).click();
  const again = page.getByRole("region", { name: "Editing “Older people who live alone”" });
  await again.getByLabel(/^New note/).fill("Asked for a later bus-friendly slot at the December clinic.");
  await again.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("status")).toContainText("Saved notes");
  await again.getByRole("button", { name: "Done editing" }).click();
  await expect(alone.getByRole("region", { name: "Notes from staff" })).toContainText("Sam: Asked for a later bus-friendly slot");

  // Undo takes back the note (the latest change).
  await page.getByRole("button", { name: /^Undo edit of/ }).click();
  await expect(page.getByRole("status")).toContainText("Undone");
  await expect(alone.getByRole("region", { name: "Notes from staff" })).toHaveCount(0);

  // The history lists who changed what; restoring the oldest brings the first name back.
  await alone.getByRole("button", { name: /^History \(\d+\)/ }).click();
  const history = page.getByRole("region", { name: "Version history" });
  await expect(history.getByRole("listitem").first()).toContainText("Sam");
  await expect(history).toContainText("edited name");
  // Each version says what its change did, field by field.
  const tagsRow = history.getByRole("row", { name: /^tags/ }).first();
  await expect(tagsRow).toContainText("none");
  await expect(tagsRow).toContainText("transport; 2027 plan");
  // One field comes back on its own: the first name, the owner and tags kept.
  const oldest = history.locator("li.version").last();
  await oldest.getByRole("button", { name: /^Restore the name only/ }).click();
  await expect(page.getByRole("status")).toContainText("nothing else changed");
  await expect(personaHeadings(page)).toContainText([ALONE]);
  await expect(card(page, ALONE).getByText("Owner: Outpatients team")).toBeVisible();
  // Restoring the whole version says first what it will change.
  await history.locator("li.version").last().getByRole("button", { name: /^Restore the version from before/ }).click();
  const confirm = history.getByRole("group", { name: "Restore this version" });
  await expect(confirm).toContainText("Restoring it changes: owner, tags.");
  await confirm.getByRole("button", { name: "Restore all of them" }).click();
  await expect(page.getByRole("status")).toContainText("Restored an earlier version");
  await expect(card(page, ALONE).getByText("Owner: Outpatients team")).toHaveCount(0);
  await reloadWhenSaved(page);
  await expect(personaHeadings(page)).toHaveText([PARTNER, ALONE, FAMILY]);
});

test("an edit that breaks a rule is refused and nothing changes", async ({ page }) => {
  await savedLibrary(page);
  await page.getByRole("button", { name: `Edit “${FAMILY}”` }).click();
  const editor = page.getByRole("region", { name: `Editing “${FAMILY}”` });
  await editor.getByLabel("Summary").fill("Call the family on 07700 900123 about transport.");
  await editor.getByLabel("Summary").press("Tab");
  await expect(page.getByRole("alert")).toContainText("looks like an identifier");
  await editor.getByRole("button", { name: "Done editing" }).click();
  await expect(card(page, FAMILY)).not.toContainText("07700");
});

test("duplicate, delete with undo, search and filter by tag", async ({ page }) => {
  await savedLibrary(page);
  await page.getByRole("button", { name: `Duplicate “${PARTNER}”` }).click();
  await expect(personaHeadings(page)).toHaveText([PARTNER, `Copy of ${PARTNER}`, ALONE, FAMILY]);
  await page.getByRole("button", { name: `Delete “Copy of ${PARTNER}”` }).click();
  await expect(personaHeadings(page)).toHaveText([PARTNER, ALONE, FAMILY]);
  await page.getByRole("button", { name: /^Undo delete of/ }).click();
  await expect(personaHeadings(page)).toHaveText([PARTNER, `Copy of ${PARTNER}`, ALONE, FAMILY]);

  await page.getByRole("button", { name: `Edit “${FAMILY}”` }).click();
  const editor = page.getByRole("region", { name: `Editing “${FAMILY}”` });
  await editor.getByLabel("Tags (separated by commas)").fill("childcare");
  await editor.getByLabel("Tags (separated by commas)").press("Tab");
  await editor.getByRole("button", { name: "Done editing" }).click();

  await page.getByLabel("Tag", { exact: true }).selectOption("childcare");
  await expect(personaHeadings(page)).toHaveText([FAMILY]);
  await page.getByLabel("Tag", { exact: true }).selectOption({ label: "Any" });
  await page.getByLabel("Search").fill("copy of");
  await expect(personaHeadings(page)).toHaveText([`Copy of ${PARTNER}`]);
});

test("the review cycle: overdue personas are marked and listed first; Mark reviewed sets the next date", async ({ page }) => {
  await page.clock.setFixedTime(new Date("2026-11-25T10:00:00Z"));
  await savedLibrary(page);
  await expect(card(page, PARTNER)).toContainText("Review due 2027-02-25");

  await page.clock.setFixedTime(new Date("2027-01-20T10:00:00Z"));
  await reloadWhenSaved(page);
  await page.getByRole("button", { name: `Mark reviewed “${PARTNER}”` }).click();
  await expect(page.getByRole("status")).toContainText("next review due 2027-04-20");

  await page.clock.setFixedTime(new Date("2027-03-01T10:00:00Z"));
  await reloadWhenSaved(page);
  // The two not reviewed are overdue and come first; the reviewed one is current.
  await expect(personaHeadings(page)).toHaveText([ALONE, FAMILY, PARTNER]);
  await expect(card(page, ALONE).locator(".review-overdue")).toHaveText("overdue");
  await expect(card(page, PARTNER)).toContainText("last reviewed 2027-01-20");
  await page.getByLabel("Review").selectOption("overdue");
  await expect(personaHeadings(page)).toHaveText([ALONE, FAMILY]);
  await page.getByRole("button", { name: `Mark reviewed “${ALONE}”` }).click();
  await expect(personaHeadings(page)).toHaveText([FAMILY]);
  await page.getByLabel("Review").selectOption({ label: "Any" });
  await expect(card(page, ALONE)).toContainText("Review due 2027-06-01");
});

test("import merges by id: newer wins, older is skipped, new ones are added", async ({ page }) => {
  await savedLibrary(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(file.personas).toHaveLength(3);
  const [partner, alone] = file.personas;
  partner.name = "Partners (edited elsewhere)";
  partner.updated_at = "2030-01-01T00:00:00Z";
  alone.name = "Alone (an older copy)";
  alone.updated_at = "2020-01-01T00:00:00Z";
  const added = { ...file.personas[2], id: "from-another-team", name: "From another team" };
  file.personas.push(added);
  await page.getByLabel("Import personas").setInputFiles(tempFile("team.json", JSON.stringify(file)));
  await expect(page.getByRole("status")).toContainText("1 added, 1 updated, 2 skipped");
  await expect(personaHeadings(page)).toHaveText(["Partners (edited elsewhere)", ALONE, FAMILY, "From another team"]);
  // The replaced version is kept in the history.
  await card(page, "Partners (edited elsewhere)").getByRole("button", { name: /^History/ }).click();
  await expect(page.getByRole("region", { name: "Version history" })).toContainText("replaced by a newer imported version");

  // Export only the selected ones.
  await page.getByRole("checkbox", { name: `Select “${FAMILY}”` }).check();
  const selected = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export selected (1)" }).click();
  const one = JSON.parse(readFileSync(await (await selected).path(), "utf8"));
  expect(one.personas.map((p) => p.name)).toEqual([FAMILY]);
  expect(one.schema_version).toBe(5);
});

test("printing lays out one persona per page on A4 and Letter", async ({ page }) => {
  await savedLibrary(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Export all" })).toBeHidden();
  for (const format of ["A4", "Letter"]) {
    const pdf = (await page.pdf({ format, printBackground: true })).toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages, format).toHaveLength(3);
  }
});

test("the presentation view shows one persona's header block per screen, fits it, and steps with the arrow keys", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await savedLibrary(page);
  const slideHeading = page.locator(".slide").getByRole("heading", { level: 3 });
  await page.getByRole("link", { name: `Present “${ALONE}”` }).click();
  await expect(slideHeading).toHaveText(ALONE);
  await expect(page.getByText("Persona 2 of 3")).toBeVisible();
  await expect(page.locator(".slide .headline")).toBeVisible();
  // One screen: nothing to scroll at 1366×768, and no message over the slide.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
  await page.keyboard.press("ArrowRight");
  await expect(slideHeading).toHaveText(FAMILY);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(slideHeading).toHaveText(PARTNER);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("heading", { name: "Library", level: 2 })).toBeVisible();
  await expect(page.getByRole("link", { name: `Present “${PARTNER}”` })).toBeFocused();
});

test("storage use is shown, and the user is warned before it runs out", async ({ page }) => {
  await savedLibrary(page);
  await expect(page.getByText(/Storage used: \d+(\.\d)? [KMG]B of \d+(\.\d)? [KMG]B available/)).toBeVisible();
  await expect(page.getByText(/(agreed to keep|may clear) this library/)).toBeVisible();
  await page.addInitScript(() => {
    navigator.storage.estimate = async () => ({ usage: 900_000, quota: 1_000_000 });
  });
  await reloadWhenSaved(page);
  await expect(page.getByText("Browser storage for this page is nearly full")).toBeVisible();
});

test("a library kept in localStorage by an older version moves into IndexedDB and is migrated", async ({ page }) => {
  await openApp(page);
  const v1 = { storage_version: 1, personas: [personaJson({ name: "Kept since version 1" })] };
  await page.evaluate((v) => localStorage.setItem("persona-builder.library", JSON.stringify(v)), v1);
  await page.evaluate(() => localStorage.setItem("persona-builder.editor", JSON.stringify("Sam")));
  await page.reload();
  await openLibrary(page);
  await expect(personaHeadings(page)).toHaveText(["Kept since version 1"]);
  await expect(page.getByLabel("Your name (for history and notes)")).toHaveValue("Sam");
  // Confirmed in IndexedDB, so the old copy is gone.
  expect(JSON.parse(await storedLibraryText(page))).toEqual(v1);
  expect(await page.evaluate(() => localStorage.getItem("persona-builder.library"))).toBeNull();
  await page.getByRole("button", { name: "Mark reviewed “Kept since version 1”" }).click();
  await librarySaved(page);
  expect(JSON.parse(await storedLibraryText(page)).storage_version).toBe(2);
  await reloadWhenSaved(page);
  await expect(personaHeadings(page)).toHaveText(["Kept since version 1"]);
});

test("a stored library from a newer version is left untouched and saving is off", async ({ page }) => {
  await openApp(page);
  const newer = { storage_version: 3, personas: [], something_new: true };
  await page.evaluate((v) => localStorage.setItem("persona-builder.library", JSON.stringify(v)), newer);
  await page.reload();
  await openLibrary(page);
  await expect(page.getByRole("alert")).toContainText("newer version of Persona Builder");
  await page.getByLabel("Import personas").setInputFiles(tempFile("one.json", personaFile([personaJson()])));
  await expect(page.getByRole("alert").filter({ hasText: "was not imported" })).toContainText("Saving is turned off");
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("persona-builder.library")));
  expect(kept).toEqual(newer);
  expect(await storedLibraryText(page)).toBeNull();
});
