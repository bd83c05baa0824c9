// A records extract linked to the survey in the tab: the key proposed and dropped, a
// persona described by what the records say, the record numbers nowhere kept or exported.
import { test, expect } from "@playwright/test";
import { buildPersonas, exported, openApp, openLibrary, saveToLibrary, screenshots, storedValues, tempFile, uploadSurvey } from "./helpers.js";

const TRAVEL = ["Bus", "Car", "On foot"];

function surveyCsv() {
  const lines = ["Record number,How do you travel?,Age"];
  for (let i = 0; i < 150; i++) lines.push(`REC${10000 + i},${TRAVEL[i % 3]},${30 + (i % 40)}`);
  return lines.join("\n") + "\n";
}

/** Four appointments per patient; those who travel by bus missed two. */
function appointmentsCsv(firstId = 10000) {
  const lines = ["MRN;Appointment status;Clinic"];
  for (let i = 0; i < 150; i++) {
    for (let visit = 0; visit < 4; visit++) {
      const missed = i % 3 === 0 && visit < 2;
      lines.push(`rec${firstId + i};${missed ? "No-show" : "Attended"};North`);
    }
  }
  return lines.join("\n") + "\n";
}

test("a records extract is linked, describes a persona, and its key is kept nowhere", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("survey.csv", surveyCsv()));
  await page.getByLabel("Add a records extract").setInputFiles(tempFile("appointments.csv", appointmentsCsv()));
  const linked = page.getByRole("group", { name: "Linked records" });
  await expect(linked).toContainText("linked on “Record number” = “MRN”: all 150 respondents found in the records; the key was then dropped.");
  await expect(linked).toContainText("several rows in the extract");
  await expect(linked.getByRole("listitem").filter({ hasText: "Records: Appointment status: No-show (rows)" })).toBeVisible();
  await screenshots(page, "records-linked");

  await page.getByLabel("Group respondents by").selectOption({ label: "How do you travel? (3 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("heading", { name: /no-show in 2 of their records/ }).first()).toBeVisible();
  await screenshots(page, "records-personas");
  await saveToLibrary(page);

  // Taken away again, the survey is as it was read.
  await linked.getByRole("button", { name: "Stop using the records" }).click();
  await expect(page.getByRole("group", { name: "Linked records" })).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("no longer linked");

  await openLibrary(page);
  const file = await exported(page, "Export all");
  expect(file.schema_version).toBe(5);
  expect(file.personas.every((p) => p.provenance.records?.matched === "all")).toBe(true);
  const text = (JSON.stringify(file) + JSON.stringify(await storedValues(page)) + (await page.evaluate(() => JSON.stringify({ ...localStorage })))).toLowerCase();
  expect(text).toContain("records: appointment status");
  expect(text).not.toContain("rec100");
  expect(text).not.toContain("rec101");
});

test("an extract that shares no key with the survey is refused and the survey stays", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("survey.csv", surveyCsv()));
  await page.getByLabel("Add a records extract").setInputFiles(tempFile("other.csv", appointmentsCsv(50000)));
  await expect(page.getByRole("alert")).toContainText("“other.csv” was not linked.");
  await expect(page.getByRole("alert")).toContainText("cannot be linked");
  await expect(page.getByRole("group", { name: "Linked records" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "2. Check the columns" })).toBeVisible();
  await buildPersonas(page);
});
