// A persona card a care team recognises: its header block above the fold, the evidence
// one click away, and one printed page per persona on A4 and on Letter.
import { test, expect } from "@playwright/test";
import { buildPersonas, clinicSurveyCsv, openApp, openLibrary, saveToLibrary, seededRandom, tempFile, uploadSurvey } from "./helpers.js";

/** A patient survey of 18 questions and three planted kinds of patient. */
function eighteenQuestions() {
  const questions = [
    ["What is your age?", ["72", "34", "51"]],
    ["What is your gender?", ["Female", "Female", "Male"]],
    ["Who do you live with?", ["Alone", "Partner and children", "Partner"]],
    ["Which long-term conditions do you have?", ["Diabetes", "Asthma", "High blood pressure"]],
    ["How do you usually travel to the clinic?", ["Bus", "Car", "Car"]],
    ["What most often stops you from attending care?", ["Transport", "Childcare", "Work hours"]],
    ["How would you prefer us to contact you?", ["Phone call", "Mobile app", "Email"]],
    ["When suits you best for appointments?", ["Morning", "Evening", "Early morning"]],
    ["What matters most to you about your care?", ["Seeing the same doctor", "Short waiting times", "Clear information"]],
    ["How comfortable are you using health apps?", ["Not at all comfortable", "Very comfortable", "Comfortable"]],
    ["How satisfied are you with your last visit?", ["Satisfied", "Dissatisfied", "Very satisfied"]],
    ["How often do you visit the clinic?", ["Monthly", "Yearly", "Rarely"]],
    ["Do you care for someone else?", ["No", "Yes", "No"]],
    ["What is your employment status?", ["Retired", "Part-time", "Full-time"]],
    ["Do you smoke?", ["No", "No", "Yes"]],
    ["How would you rate your health?", ["Fair", "Good", "Good"]],
    ["Would you use a video appointment?", ["No", "Yes", "Yes"]],
    ["Which language do you prefer?", ["English", "English", "Polish"]],
  ];
  const next = seededRandom(18);
  const rows = [questions.map(([q]) => `"${q}"`).join(",")];
  for (let i = 0; i < 600; i++) {
    const kind = i % 3;
    rows.push(questions.map(([, a], q) => {
      const value = next() < 0.85 ? a[kind] : a[Math.floor(next() * 3)];
      return q === 0 ? String(Number(value) + Math.floor(next() * 8)) : `"${value}"`;
    }).join(","));
  }
  return rows.join("\n") + "\n";
}

const AUTOMATIC = "Similar answers across all questions (automatic segments)";

test("every card's header block is in view without scrolling the card, and the evidence opens on a click", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await openApp(page);
  await uploadSurvey(page, tempFile("eighteen.csv", eighteenQuestions()));
  await page.getByLabel("Group respondents by").selectOption({ label: AUTOMATIC });
  await buildPersonas(page);
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  for (const card of await cards.all()) {
    await card.scrollIntoViewIfNeeded();
    const header = card.locator(".persona-header");
    await expect(header.locator(".headline")).toBeVisible();
    const box = await header.boundingBox();
    expect(box.height, "the header block fits one screen").toBeLessThanOrEqual(900);
    await expect(header.getByText("(illustrative name)")).toBeVisible();
    await expect(card.getByRole("table")).toHaveCount(0);
    await card.getByRole("button", { name: "Show the evidence" }).click();
    await expect(card.getByRole("table")).toBeVisible();
    await expect(card.getByRole("button", { name: "Hide the evidence" })).toHaveAttribute("aria-expanded", "true");
  }
});

test("the cards are drawn one at a time, the grid busy until the last, and approving a quote keeps the rest", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  // Note how many cards the grid holds, and whether it is busy, at every change.
  await page.evaluate(() => {
    window.__drawn = [];
    new MutationObserver(() => {
      const grid = document.querySelector(".persona-grid");
      if (!grid) return;
      const state = `${grid.querySelectorAll("article").length}:${grid.getAttribute("aria-busy")}`;
      if (window.__drawn.at(-1) !== state) window.__drawn.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await buildPersonas(page);
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  expect(await page.evaluate(() => window.__drawn)).toEqual(["0:true", "1:true", "2:true", "3:false"]);
  await expect(cards.first()).toBeFocused();

  // Approving a quote redraws that card only: the grid is never short of a card.
  await page.evaluate(() => (window.__drawn = []));
  const last = cards.nth(2);
  const heading = await last.getByRole("heading", { level: 3 }).textContent();
  await last.getByRole("button", { name: "Approve quote" }).first().click();
  await expect(cards.nth(2).locator(".header-quote, .persona-quotes blockquote").first()).toBeVisible();
  await expect(cards.nth(2).getByRole("heading", { level: 3 })).toHaveText(heading);
  expect(await page.evaluate(() => window.__drawn.every((s) => s === "3:false"))).toBe(true);
  await expect(cards.first()).not.toBeFocused();
});

test("printing gives exactly one page per persona on A4 and on Letter", async ({ page }) => {
  await openApp(page);
  await uploadSurvey(page, tempFile("eighteen.csv", eighteenQuestions()));
  await page.getByLabel("Group respondents by").selectOption({ label: AUTOMATIC });
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  for (const paper of ["A4", "Letter"]) {
    await page.getByLabel("Paper size").selectOption({ label: paper });
    await page.emulateMedia({ media: "print" });
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (process.env.SAVE_PDF) (await import("node:fs")).writeFileSync(`${process.env.SAVE_PDF}-${paper}.pdf`, bytes);
    const pdf = bytes.toString("latin1");
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages, paper).toHaveLength(3);
    // The page size is the one chosen (points: A4 595×842, Letter 612×792).
    expect(pdf, paper).toMatch(
      paper === "A4" ? /MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/ : /MediaBox\s*\[0 0 61[12](\.\d+)? 79[12](\.\d+)?\]/,
    );
    await page.emulateMedia({ media: "screen" });
  }
  // With the full evidence as an appendix, there are more pages.
  await page.getByLabel("Add the full evidence as an appendix").check();
  await page.emulateMedia({ media: "print" });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
  expect((pdf.match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBeGreaterThan(3);
});
