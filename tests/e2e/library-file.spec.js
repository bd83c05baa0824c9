// The library kept in a file on a shared drive (issue 18), against a file handle from
// the origin-private file system: headless Chromium has no picker, so the test replaces
// `window.showSaveFilePicker` (the seam browser/library_file.rs documents) with one that
// returns an OPFS handle, and plays the colleague by writing that file directly.
import { test, expect } from "@playwright/test";
import { librarySaved, openApp, openLibrary, personaFile, personaJson, reloadWhenSaved, storedLibraryText, tempFile } from "./helpers.js";

const FILE = "library.json";

/** The pickers answer with the OPFS file `library.json`. */
function opfsPickers() {
  const pick = async () => (await navigator.storage.getDirectory()).getFileHandle("library.json", { create: true });
  window.showSaveFilePicker = pick;
  window.showOpenFilePicker = async () => [await pick()];
}

/** The file's text as it stands; a read that races the app's own write is tried again
 * (while Chromium moves a closed writable's swap file into place, the file is briefly
 * unreadable or not found). */
const fileText = (page) =>
  page.evaluate(async (name) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const handle = await (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
        return await (await handle.getFile()).text();
      } catch (error) {
        const racing = error.name === "NotReadableError" || error.name === "NotFoundError";
        if (!racing || attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }, FILE);

/** A colleague's copy of the app writes the file. */
const writeFile = (page, text) =>
  page.evaluate(
    async ([name, text]) => {
      const handle = await (await navigator.storage.getDirectory()).getFileHandle(name, { create: true });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
    },
    [FILE, text],
  );

const namesIn = (text) => JSON.parse(text).library.personas.map((p) => p.name).sort();
/** The names in the file once the app has written it (null while it is still empty). */
async function namesInFile(page) {
  const text = await fileText(page);
  return text === "" ? null : namesIn(text);
}
/** The user comes back to the page (the app checks the file then). */
const comeBack = (page) => page.evaluate(() => window.dispatchEvent(new Event("focus")));
const fileRegion = (page) => page.getByRole("region", { name: "Library file" });

async function startWithFile(page, names) {
  await page.addInitScript(opfsPickers);
  await openApp(page);
  await openLibrary(page);
  const personas = names.map((name, i) => personaJson({ id: `file-${i + 1}`, name }));
  await page.getByLabel("Import personas").setInputFiles(tempFile("start.json", personaFile(personas)));
  await expect(page.getByRole("status")).toContainText(`${names.length} added`);
  await librarySaved(page);
  await page.getByRole("button", { name: "Keep the library in a file…" }).click();
  await expect(fileRegion(page)).toContainText(`Kept in step with “${FILE}”`);
  await expect.poll(() => namesInFile(page)).toEqual([...names].sort());
}

test("the library kept in a file: every change written, a colleague's changes merged and named, Reconnect after a reload", async ({ page }) => {
  await startWithFile(page, ["File persona 1", "File persona 2"]);
  const file = JSON.parse(await fileText(page));
  expect(file.format).toBe("persona-builder-backup");
  expect(Object.keys(file)).not.toContain("survey");

  await page.getByRole("button", { name: "Duplicate “File persona 1”" }).click();
  await expect.poll(() => namesInFile(page)).toContain("Copy of File persona 1");

  // A colleague renames one persona and adds another in the file.
  const theirs = JSON.parse(await fileText(page));
  const renamed = theirs.library.personas.find((p) => p.name === "File persona 2");
  renamed.name = "Renamed by a colleague";
  renamed.updated_at = "2026-11-21T09:00:00Z";
  theirs.library.personas.push(personaJson({ id: "colleague-1", name: "Added by a colleague" }));
  await writeFile(page, JSON.stringify(theirs));
  await comeBack(page);
  const status = page.getByRole("status");
  await expect(status).toContainText(`1 persona changed by a colleague in “${FILE}”: “Renamed by a colleague”.`);
  await expect(status).toContainText("1 persona added by a colleague");
  await expect(page.getByRole("link", { name: "Library (4)" })).toBeVisible();
  await librarySaved(page);
  expect(JSON.parse(await storedLibraryText(page)).personas.map((p) => p.name)).toContain("Renamed by a colleague");

  // Next visit: the browser asks again before the page may write the remembered file.
  await page.addInitScript(() => {
    FileSystemHandle.prototype.queryPermission = async () => "prompt";
    FileSystemHandle.prototype.requestPermission = async () => "granted";
  });
  // Meanwhile the colleague removes the persona they added.
  const later = JSON.parse(await fileText(page));
  later.library.personas = later.library.personas.filter((p) => p.id !== "colleague-1");
  await reloadWhenSaved(page);
  await expect(fileRegion(page)).toContainText(`On your last visit the library was kept in “${FILE}”`);
  await writeFile(page, JSON.stringify(later));
  await fileRegion(page).getByRole("button", { name: "Reconnect" }).click();
  await expect(page.getByRole("status")).toContainText("1 persona removed by a colleague in “library.json”: “Added by a colleague”.");
  await expect(page.getByRole("link", { name: "Library (3)" })).toBeVisible();
  await expect(fileRegion(page)).toContainText(`Kept in step with “${FILE}”`);

  await fileRegion(page).getByRole("button", { name: "Stop keeping the file" }).click();
  await expect(page.getByRole("button", { name: "Keep the library in a file…" })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate “File persona 1”" }).click();
  await expect(page.getByRole("link", { name: "Library (4)" })).toBeVisible();
  await librarySaved(page);
  expect(namesIn(await fileText(page))).toHaveLength(3); // no longer written
});

test("a library file corrupted elsewhere is refused with a message, the library unchanged and still working", async ({ page }) => {
  await startWithFile(page, ["Kept persona"]);
  const before = await storedLibraryText(page);
  const good = await fileText(page);
  const corrupt = good.slice(0, good.length / 2);
  await writeFile(page, corrupt);
  await comeBack(page);
  await expect(page.getByRole("alert")).toContainText(`The library file “${FILE}” cannot be used: it was refused: it is damaged or cut short`);
  await expect(fileRegion(page)).toContainText("cannot be used");
  await expect(page.getByRole("link", { name: "Library (1)" })).toBeVisible();
  expect(await storedLibraryText(page)).toBe(before);

  // The library keeps working; the damaged file is not overwritten.
  await page.getByRole("button", { name: "Duplicate “Kept persona”" }).click();
  await expect(page.getByRole("link", { name: "Library (2)" })).toBeVisible();
  await librarySaved(page);
  expect(await fileText(page)).toBe(corrupt);

  // Put right by the colleague, the file is used again and gets the change made meanwhile.
  await writeFile(page, good);
  await fileRegion(page).getByRole("button", { name: "Try the file again" }).click();
  await expect(fileRegion(page)).toContainText(`Kept in step with “${FILE}”`);
  await expect.poll(() => namesInFile(page)).toEqual(["Copy of Kept persona", "Kept persona"]);
});

test("without the File System Access API the page says so and points to the back-up buttons", async ({ page }) => {
  await page.addInitScript(() => {
    delete Window.prototype.showSaveFilePicker;
    delete window.showSaveFilePicker;
  });
  await openApp(page);
  await openLibrary(page);
  await expect(fileRegion(page)).toContainText("This browser cannot keep the library in a file");
  await expect(page.getByRole("button", { name: "Keep the library in a file…" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Back up everything" })).toBeVisible();
});
