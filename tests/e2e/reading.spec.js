// Survey files as tools and spreadsheets write them, read in the browser.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { buildPersonas, openApp, SAMPLES, tempFile, uploadSurvey, chosenOption, openFold } from "./helpers.js";

/** A small survey with accents, `rows` respondents, written with `delimiter`. */
function survey(delimiter, newline = "\r\n") {
  const lines = [["Wohnort", "Mit wem leben Sie?", "Anmerkung"].join(delimiter)];
  for (let i = 0; i < 40; i++) {
    const lives = ["Allein", "Mit Partner", "Familie"][i % 3];
    lines.push([["Köln", "München", "Düsseldorf"][i % 3], lives, `"Bus ist zu spät${delimiter} Nr. ${i}"`].join(delimiter));
  }
  return lines.join(newline) + newline;
}

const overview = (page) => page.getByRole("region", { name: "2. Check the columns" });

test("an Excel Windows-1252 semicolon CSV reads with its accents and columns", async ({ page }) => {
  await openApp(page);
  // Every character here is the same byte in Latin-1 and Windows-1252.
  await uploadSurvey(page, tempFile("excel.csv", Buffer.from(survey(";"), "latin1")));
  await expect(overview(page)).toContainText("Read as CSV in windows-1252, semicolon delimiter.");
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  for (const name of ["Wohnort", "Mit wem leben Sie?", "Anmerkung"]) {
    await expect(columns.getByRole("rowheader", { name, exact: true })).toBeVisible();
  }
  await expect(columns).toContainText("Köln (14)");
  await openFold(page, "Preview of the first");
  await expect(page.getByRole("table", { name: /Preview/ })).toContainText("Bus ist zu spät; Nr. 0");
  await page.getByLabel("Group respondents by").selectOption({ label: "Mit wem leben Sie? (3 answers)" });
  await buildPersonas(page);
  await expect(page.getByRole("article")).toHaveCount(3);
});

test("Excel's Unicode text (UTF-16 LE, tab-separated) reads", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("unicode.txt", Buffer.from("\ufeff" + survey("\t"), "utf16le")));
  await expect(overview(page)).toContainText("Read as CSV in UTF-16LE, tab delimiter.");
  await expect(page.getByRole("table", { name: "Columns", exact: true })).toContainText("München (13)");
});

test("a JSON array of flat objects reads", async ({ page }) => {
  await openApp(page);
  const rows = Array.from({ length: 30 }, (_, i) => ({ "Who do you live with?": ["Alone", "Partner"][i % 2], Age: 40 + i }));
  await uploadSurvey(page, tempFile("survey.json", JSON.stringify(rows)));
  await expect(overview(page)).toContainText("Read as JSON in UTF-8.");
  await expect(page.getByRole("table", { name: "Columns", exact: true })).toContainText("Alone (15)");
});

test("the user can read the file another way, and a way that fails changes nothing", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("excel.csv", Buffer.from(survey(";"), "latin1")));
  await page.getByLabel("Text encoding").selectOption("UTF-8");
  await expect(page.getByRole("alert")).toContainText("cannot be read that way");
  await expect(overview(page)).toContainText("windows-1252, semicolon");

  await page.getByLabel("Delimiter").selectOption("comma");
  await expect(overview(page)).toContainText("Read as CSV in windows-1252, comma delimiter.");
  await expect(page.getByRole("table", { name: "Columns", exact: true }).getByRole("rowheader")).toHaveText([
    "Wohnort;Mit wem leben Sie?;Anmerkung",
  ]);
});

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

test("an XLSX dropped on the page reads its first sheet with answers, and another sheet can be chosen", async ({ page }) => {
  await openApp(page);
  const bytes = readFileSync(`${FIXTURES}two-sheets.xlsx`).toString("base64");
  const transfer = await page.evaluateHandle((b64) => {
    const data = new DataTransfer();
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    data.items.add(new File([raw], "survey.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
    return data;
  }, bytes);
  await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(overview(page)).toContainText("Read as XLSX, sheet “Responses”.");
  await expect(overview(page)).toContainText("survey.xlsx: 30 respondents");
  const columns = page.getByRole("table", { name: "Columns", exact: true });
  await expect(columns.getByRole("rowheader")).toHaveText(["Who do you live with?", "Age", "Visit date", "Score", "Consent", "Comment"]);
  // Dates arrive as dates (then keep only their year), never as serial numbers.
  await expect(columns.getByRole("row", { name: /Visit date/ })).toContainText("2024 (30)");
  await openFold(page, "Preview of the first");
  await expect(page.getByRole("table", { name: /Preview/ })).toContainText("2.5");

  await page.getByLabel("Sheet").selectOption("Wave 2");
  await expect(overview(page)).toContainText("sheet “Wave 2”");
  await expect(overview(page)).toContainText("survey.xlsx: 11 respondents");
});

test("ODS and XLS workbooks read; a damaged XLS is refused and the loaded survey stays", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, `${FIXTURES}survey.ods`);
  await expect(overview(page)).toContainText("Read as ODS, sheet “Responses”.");
  // Cut short where calamine's XLS reader panics: the panic takes down only the
  // worker reading it, and the page says what to do.
  const damaged = readFileSync(`${FIXTURES}survey.xls`).subarray(0, 518);
  await page.getByLabel("Survey file").setInputFiles(tempFile("damaged.xls", damaged));
  await expect(page.getByRole("alert")).toContainText("“damaged.xls” could not be read.");
  await expect(page.getByRole("alert")).toContainText("save it as .xlsx or .csv");
  await expect(overview(page)).toContainText("Read as ODS");
  // The worker holding the ODS survey still answers.
  await buildPersonas(page);
  await page.getByLabel("Survey file").setInputFiles(`${FIXTURES}survey.xls`);
  await expect(overview(page)).toContainText("Read as XLS, sheet “Responses”.");
  await expect(overview(page)).toContainText("survey.xls: 30 respondents");
});

test("a large file shows a progress bar with rows read while the page stays usable", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  const rows = 100_000;
  const lines = ["Respondent ID,Who do you live with?,How do you travel?,Age,Comment"];
  const lives = ["Alone", "Partner", "Family", "Carer"];
  const travel = ["Bus", "Car", "On foot", "Taxi", "Bicycle"];
  for (let i = 0; i < rows; i++) {
    lines.push(`R${i},${lives[i % 4]},${travel[i % 5]},${18 + (i % 70)},"The bus was late again, number ${i % 50}"`);
  }
  // Whether the progress line ever said how many rows were read: the reading stage may
  // be shorter than an assertion's polling interval, so the page is watched instead.
  await page.evaluate(() => {
    window.__rowsRead = false;
    new MutationObserver(() => {
      if (document.querySelector(".busy")?.textContent.includes("rows read")) window.__rowsRead = true;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel("Survey file").setInputFiles(tempFile("large.csv", lines.join("\n") + "\n"));
  const bar = page.getByRole("progressbar");
  await expect(bar).toBeVisible();
  await page.waitForFunction(() => window.__rowsRead, null, { timeout: 60_000 });
  // The page answers while the worker reads: the library opens and the build view returns.
  await page.getByRole("link", { name: /Library/ }).click();
  await expect(page.getByRole("heading", { name: "Library", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Build" }).click();
  await expect(page.getByRole("status")).toContainText("Read “large.csv”: 100000 respondents", { timeout: 90_000 });
  await expect(bar).toHaveCount(0);
  await expect(overview(page)).toContainText("large.csv: 100000 respondents");
});

test("a Qualtrics export's header rows become names and its metadata is dropped with a reason", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, `${SAMPLES}/qualtrics-3-header-rows-de.csv`);
  await expect(overview(page)).toContainText("Qualtrics layout");
  await expect(chosenOption(page.getByLabel("Survey tool"))).toHaveText("Qualtrics");
  const dropped = page.getByRole("table", { name: /Dropped columns/ });
  await expect(dropped.getByRole("row", { name: /Beendet \(Finished\)/ })).toContainText("Qualtrics metadata, not a question");
  await expect(dropped.getByRole("row", { name: /IP-Adresse \(IPAddress\)/ })).toBeVisible();
  // Read as a plain one-header file instead: the header rows become answers again.
  await page.getByLabel("Survey tool").selectOption("Other (one header row)");
  await expect(overview(page)).toContainText(": <11 respondents");
  await openFold(page, "Preview of the first");
  await expect(page.getByRole("table", { name: /Preview/ })).toContainText("ImportId");
});

test("the page loads the workbook reader only when a workbook is chosen", async ({ page }) => {
  // The page's own requests (the service worker caches every file for offline use apart).
  const fetched = [];
  page.on("request", (request) => fetched.push(request.url()));
  await openApp(page);
  await uploadSurvey(page, tempFile("excel.csv", Buffer.from(survey(","), "latin1")));
  await expect(overview(page)).toContainText("excel.csv: 40 respondents");
  expect(fetched.some((url) => url.endsWith("/workbook_bg.wasm"))).toBe(false);
  // The survey worker links no spreadsheet reader: a workbook worker reads the sheet.
  await uploadSurvey(page, `${FIXTURES}survey.xlsx`);
  await expect(overview(page)).toContainText("survey.xlsx: 30 respondents");
  expect(fetched.some((url) => url.endsWith("/workbook_bg.wasm"))).toBe(true);
});
