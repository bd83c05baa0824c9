// National-survey sizes: a 100,000-row survey builds, saves and exports (its summaries
// say "…of 100000 respondents", the app's own figure and no identifier), and a file just
// over the size cap is refused from its size, before any of it is read. A large file is
// fingerprinted beside its read by a helper worker, and the personas carry its SHA-256.
import { test, expect } from "@playwright/test";
import { createHash } from "node:crypto";
import { closeSync, openSync, ftruncateSync } from "node:fs";
import { join } from "node:path";
import { buildPersonas, exported, openApp, openLibrary, saveToLibrary, scratch, tempFile, uploadSurvey } from "./helpers.js";

/** The app's size cap (`survey::MAX_SURVEY_BYTES`), in MiB. */
const CAP_MIB = 400;

/** A clinic survey of `rows` respondents with patterned answers (seed-free, repeatable). */
function nationalSurveyCsv(rows) {
  const lives = ["Partner", "Alone", "Family", "Partner", "Alone"];
  const ages = ["18-34", "35-54", "55-74", "75+"];
  const travel = ["Bus", "Car", "Walk", "Car", "Taxi", "Bus", "Car"];
  const contact = ["Phone", "Text", "Email", "Letter", "App"];
  const satisfied = ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied"];
  const lines = ["Who do you live with?,Age band,How do you travel to the clinic?,Preferred contact,How satisfied were you?"];
  for (let i = 0; i < rows; i++) {
    lines.push([lives[i % 5], ages[(i >> 2) % 4], travel[i % 7], contact[(i * 3) % 5], satisfied[(i >> 3) % 4]].join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

test("a survey of 100,000 respondents builds, saves and exports", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  await uploadSurvey(page, tempFile("national.csv", nationalSurveyCsv(100_000)));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (3 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).toHaveCount(3);
  await saveToLibrary(page);
  await openLibrary(page);
  const file = await exported(page);
  expect(file.personas).toHaveLength(3);
  expect(file.personas.map((p) => p.provenance.rows)).toEqual([100_000, 100_000, 100_000]);
  expect(file.personas.every((p) => p.summary.includes("of 100000 respondents"))).toBe(true);
});

test("a large file is fingerprinted by a helper worker beside its read, and the personas carry its SHA-256", async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);
  // Over 8 MiB (`protocol::FINGERPRINT_BESIDE_FROM`): the survey worker reads it without
  // hashing it, while a helper worker works the fingerprint out and stops.
  const csv = nationalSurveyCsv(300_000);
  expect(csv.length).toBeGreaterThan(8 * 1024 * 1024);
  // Workers started from the file's choice on (the spare taken for the survey was started
  // before): the next spare, and the helper, which stops once it has answered.
  let closed = 0;
  page.on("worker", (worker) => worker.on("close", () => (closed += 1)));
  await uploadSurvey(page, tempFile("fingerprinted.csv", csv));
  await expect.poll(() => closed, { timeout: 30_000 }).toBe(1);
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (3 answers)" });
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  const sha256 = createHash("sha256").update(csv).digest("hex");
  expect((await exported(page)).personas.map((p) => p.provenance.source_sha256)).toEqual([sha256, sha256, sha256]);
});

test("a file just over the size cap is refused before it is read, with the cap in the message", async ({ page }) => {
  await openApp(page);
  // A sparse file: its size is over the cap, yet it takes no room on disk and nothing
  // is read from it.
  const path = join(scratch(), "too-large.csv");
  const fd = openSync(path, "w");
  ftruncateSync(fd, CAP_MIB * 1024 * 1024 + 1);
  closeSync(fd);
  await page.getByLabel("Survey file").setInputFiles(path);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("too-large.csv");
  await expect(alert).toContainText(`The file is ${CAP_MIB + 1} MiB; surveys of up to ${CAP_MIB} MiB can be read`);
  await expect(page.getByRole("heading", { name: "2. Check the columns" })).toHaveCount(0);
});
