// Shared steps and inputs for the end-to-end suite.
import { expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** Real exports written by others (see their README); never copied into the repo. */
export const SAMPLES = resolve(here, "../../../shared/survey-samples");
export const SURVEYMONKEY = join(SAMPLES, "surveymonkey-2-header-rows-ohbm-2022.csv");

/** A fresh temporary folder for files a test writes. */
export function scratch() {
  return mkdtempSync(join(tmpdir(), "persona-e2e-"));
}

/** Writes `content` to a new temporary file called `name` and returns its path. */
export function tempFile(name, content) {
  const path = join(scratch(), name);
  writeFileSync(path, content);
  return path;
}

/** One CSV field, quoted when needed. */
const field = (v) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A clinic survey with known groups: "Who do you live with?" is Partner 60, Alone 40,
 * Family 30, and Carer 5 + Friends 7 (each too small to report, 12 together), plus a
 * planted email column. Of those living alone 28 take the bus and 12 drive.
 */
export function clinicSurveyCsv({ livesWith = null } = {}) {
  const groups = livesWith ?? [
    ["Partner", 60],
    ["Alone", 40],
    ["Family", 30],
    ["Carer", 5],
    ["Friends", 7],
  ];
  const rows = [["Respondent email", "Who do you live with?", "Age band", "How do you travel to the clinic?", "Preferred contact", "Anything else?"]];
  let i = 0;
  for (const [group, count] of groups) {
    for (let k = 0; k < count; k++) {
      i++;
      const age = group === "Alone" ? (k % 3 === 0 ? "45-64" : "65+") : ["18-44", "45-64", "65+"][i % 3];
      const travel = group === "Alone" ? (k < 28 ? "Bus" : "Car") : ["Car", "Car", "Bus", "Walk"][i % 4];
      const contact = group === "Alone" ? "Phone" : ["Text", "App", "Phone", "Letter"][i % 4];
      rows.push([`patient${i}@example.org`, group, age, travel, contact, `Comment number ${i}, thanks`]);
    }
  }
  return rows.map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

/** Records every request and websocket of a browser context. */
export function recordRequests(context) {
  const urls = [];
  context.on("request", (r) => urls.push(r.url()));
  context.on("page", (p) => p.on("websocket", (ws) => urls.push(ws.url())));
  for (const p of context.pages()) p.on("websocket", (ws) => urls.push(ws.url()));
  return urls;
}

/** The URLs that went anywhere but `origin` (blob: URLs of the origin count as it). */
export function foreign(urls, origin) {
  return urls.filter((u) => {
    const parsed = new URL(u);
    const own = parsed.protocol === "blob:" ? new URL(parsed.pathname).origin : parsed.origin;
    return own !== origin;
  });
}

/** Opens the app at `path` and waits until it has rendered. */
export async function openApp(page, path = "./") {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Persona Builder", level: 1 })).toBeVisible();
}

/** Uploads a survey through the "Survey file" input and waits for its columns. */
export async function uploadSurvey(page, path) {
  await page.getByLabel("Survey file").setInputFiles(path);
  await expect(page.getByRole("heading", { name: "2. Check the columns" })).toBeVisible();
}

/** Builds personas with the current grouping choice and waits until every card is drawn. */
export async function buildPersonas(page) {
  await page.getByRole("button", { name: "Build personas" }).click();
  await expect(page.getByRole("status")).toContainText("Built");
  await cardsDrawn(page);
}

/** Waits until the persona grid has drawn all its cards (it draws one a frame). */
export async function cardsDrawn(page) {
  await expect(page.locator('.persona-grid[aria-busy="true"]')).toHaveCount(0);
}

/** Saves the built personas and waits for the confirmation. */
export async function saveToLibrary(page) {
  await page.getByRole("button", { name: "Save to library" }).click();
  await expect(page.getByRole("status")).toContainText("Saved to the library");
  await librarySaved(page);
}

/** Goes to the Library view through its link. */
export async function openLibrary(page) {
  await page.getByRole("link", { name: /^Library/ }).click();
  await expect(page.getByRole("heading", { name: "Library", level: 2 })).toBeVisible();
}

/** The headings of the persona cards on the page. */
export function personaHeadings(page) {
  return page.getByRole("article").getByRole("heading", { level: 3 });
}

/** Waits until the page shows exactly these persona cards, in this order. */
export async function expectPersonas(page, names) {
  await expect(personaHeadings(page)).toHaveText(names);
}

/** A valid persona-file persona, for import tests. */
export function personaJson(overrides = {}) {
  return {
    id: "e2e-persona-1",
    name: "Imported persona",
    summary: "Made by the test suite.",
    segment: { size: 40, share: 0.25 },
    traits: [{ attribute: "Transport", value: "Bus", segment_pct: 75, overall_pct: 40, n: 30 }],
    quotes: [],
    actions: [],
    created_at: "2026-11-20T09:00:00Z",
    updated_at: "2026-11-20T09:00:00Z",
    review_due: "2027-02-20",
    provenance: { source_sha256: "a".repeat(64), rows: 160, method: "group-by", k: 3, seed: 0 },
    ...overrides,
  };
}

/** A persona file holding `personas`. */
export function personaFile(personas) {
  return JSON.stringify({
    format: "persona-builder",
    schema_version: 1,
    exported_at: "2026-11-24T10:00:00Z",
    personas,
  });
}

/** The option a select shows as chosen (option values are positions, not labels). */
export const chosenOption = (select) => select.locator("option:checked");

/** Opens one of a step's folded details by its summary line (a no-op when open). */
export async function openFold(page, summary) {
  const details = page.locator("details.fold").filter({ has: page.locator("summary", { hasText: summary }) });
  if (!(await details.evaluate((d) => d.open))) await details.locator("summary").click();
}

/**
 * What the app keeps in IndexedDB, by key ("library", "revision", "mappings", "editor",
 * "saved-at", "backed-up-at"); empty when the database was never made (opening it here
 * never makes it).
 */
export async function storedValues(page) {
  await librarySaved(page);
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("persona-builder");
        open.onupgradeneeded = () => open.transaction.abort();
        open.onerror = () => resolve({});
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("kv")) {
            db.close();
            resolve({});
            return;
          }
          const out = {};
          const cursor = db.transaction("kv").objectStore("kv").openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (c) {
              out[c.key] = c.value;
              c.continue();
            } else {
              db.close();
              resolve(out);
            }
          };
          cursor.onerror = () => reject(cursor.error);
        };
      }),
  );
}

/** The stored library's text as IndexedDB holds it (null when none). */
export async function storedLibraryText(page) {
  return (await storedValues(page)).library ?? null;
}

/** Waits until no library save is under way (the page marks it on <html>). */
export async function librarySaved(page) {
  await expect(page.locator("html")).not.toHaveAttribute("data-library-saving", "true");
}

/** Reloads once the library's last change is written. */
export async function reloadWhenSaved(page) {
  await librarySaved(page);
  await page.reload();
}

/** A seeded generator (mulberry32), so a generated survey is the same on every run. */
export function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The clinic survey's personas, by household, in the library's order. */
export const CLINIC = {
  PARTNER: "Lives with a partner, walks",
  ALONE: "Lives alone, prefers a phone call",
  FAMILY: "Lives with family",
};

/** Builds the clinic survey's personas (by household), saves them and opens the library. */
export async function savedClinicLibrary(page) {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  await expect(personaHeadings(page)).toHaveText([CLINIC.PARTNER, CLINIC.ALONE, CLINIC.FAMILY]);
}

/** Clicks `button` (an export) and returns the downloaded persona file, parsed. */
export async function exported(page, button = "Export all") {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  return JSON.parse(readFileSync(await (await download).path(), "utf8"));
}

/** The pages of a PDF: its /Type /Page objects (not the /Pages tree). */
export function pdfPageCount(bytes) {
  return (bytes.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** A PDF's text in the order it was drawn (poppler's pdftotext -raw; scripts/setup.sh installs it), spaces collapsed. */
export function pdfText(bytes) {
  const path = tempFile("printed.pdf", bytes);
  return execFileSync("pdftotext", ["-raw", path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/**
 * With SHOTS=<folder>, full-page screenshots of the page as it is at 1366×900 and
 * 390×844 (`<folder>/<name>-1366.png`, `-390.png`), for looking at a screen by eye; the
 * viewport is put back after. Without SHOTS, nothing.
 */
export async function screenshots(page, name) {
  if (!process.env.SHOTS) return;
  const before = page.viewportSize();
  for (const [width, height] of [[1366, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(process.env.SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

/** With SHOTS=<folder>, keeps a printed PDF there as `<name>.pdf`; without, nothing. */
export function keepPdf(name, bytes) {
  if (process.env.SHOTS) writeFileSync(join(process.env.SHOTS, `${name}.pdf`), bytes);
}
