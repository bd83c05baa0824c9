// dist/ must work from any sub-path of any static server: every asset URL is relative.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, clinicSurveyCsv, openApp, openLibrary, personaHeadings, recordRequests,
  saveToLibrary, tempFile, uploadSurvey,
} from "./helpers.js";

test("the app runs from /tools/personas/ and fetches only below it", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  await openApp(page, "tools/personas/");
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  expect(page.url()).toBe(new URL("tools/personas/#library", baseURL).href);
  await expect(personaHeadings(page).first()).toBeVisible();

  const fetched = urls.filter((u) => u.startsWith("http"));
  expect(fetched.some((u) => u.endsWith(".wasm"))).toBe(true);
  const outside = fetched.filter((u) => !u.startsWith(new URL("tools/personas/", baseURL).href));
  expect(outside).toEqual([]);
});
