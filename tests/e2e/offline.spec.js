// Offline: after the first visit the service worker has the app's own files, so the app
// reloads and the whole flow runs with the network off.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, clinicSurveyCsv, foreign, openApp, openLibrary, personaHeadings, recordRequests,
  saveToLibrary, tempFile, uploadSurvey, reloadWhenSaved } from "./helpers.js";

test("with the network off after the first visit, the app reloads and the whole flow works", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  await openApp(page);
  // The service worker has cached this build once it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await reloadWhenSaved(page);
  await expect(page.getByRole("heading", { name: "Persona Builder", level: 1 })).toBeVisible();
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  const saved = await personaHeadings(page).count();
  expect(saved).toBeGreaterThan(1);
  await page.getByRole("link", { name: /^Present/ }).first().click();
  await expect(page.getByText(`Persona 1 of ${saved}`)).toBeVisible();
  expect(foreign(urls, new URL(baseURL).origin)).toEqual([]);
  // The worker caches only the app's own files.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const requests = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return requests.map((r) => new URL(r.url).pathname);
  });
  expect(cached.some((p) => p.endsWith("pipeline_bg.wasm"))).toBe(true);
  expect(cached.every((p) => !p.endsWith(".csv"))).toBe(true);
});
