// The browser half of the benchmark: the release build in headless Debian Chromium,
// driven through the UI exactly as a user would (choose the file, build with automatic
// segments), and Papa Parse reading the same file in the same browser.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../chromium.mjs";

const PAPA = createRequire(import.meta.url).resolve("papaparse/papaparse.min.js");
/** Longest wait for one step; a 1M-row import may take a while on 2 cores. */
const STEP_TIMEOUT = 600_000;

export async function launch() {
  return chromium.launch(CHROMIUM_LAUNCH);
}

/** Resident and peak memory (KiB) of the browser's renderer processes, from /proc. */
async function rendererMemory(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send("SystemInfo.getProcessInfo");
  await cdp.detach();
  let rss = 0;
  let peak = 0;
  for (const { type, id } of processInfo) {
    if (type !== "renderer") continue;
    const status = await readFile(`/proc/${id}/status`, "utf8").catch(() => "");
    const kib = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
    rss = Math.max(rss, kib("VmRSS"));
    peak = Math.max(peak, kib("VmHWM"));
  }
  return { rss, peak };
}

/** Watches the page: long tasks, each move of the progress bar, when results appear. */
function watch() {
  const bench = (window.__bench = { longTasks: [], progress: [], seen: {} });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  const look = () => {
    const now = performance.now();
    const value = document.getElementById("busy-bar")?.getAttribute("value") ?? null;
    if (value !== null && value !== bench.lastValue) bench.progress.push({ t: now, value: Number(value) });
    bench.lastValue = value;
    const seen = (name, found) => {
      if (found && bench.seen[name] === undefined) bench.seen[name] = now;
    };
    seen("survey", document.getElementById("overview-heading"));
    // Every card drawn (the grid draws one a frame and is busy until the last).
    seen("personas", document.querySelector('.persona-grid[aria-busy="false"] article'));
    seen("alert", document.querySelector("[role=alert]")?.textContent.trim());
  };
  new MutationObserver(look).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
  document.addEventListener(
    "change",
    (e) => {
      if (e.target.type === "file") bench.readStart = performance.now();
    },
    true,
  );
}

/** Reads one survey through the UI and builds personas with automatic segments. */
export async function measureApp(browser, base, file) {
  const page = await browser.newPage();
  await page.goto(base);
  await page.getByRole("heading", { name: "Persona Builder", level: 1 }).waitFor();
  await page.evaluate(watch);
  const before = await rendererMemory(browser);

  await page.getByLabel("Survey file").setInputFiles(file);
  await page.waitForFunction(() => __bench.seen.survey || __bench.seen.alert, null, {
    timeout: STEP_TIMEOUT,
    polling: 100,
  });
  const read = await page.evaluate(() => ({ ...__bench, end: __bench.seen.survey }));
  if (read.end === undefined) {
    const refused = (await page.getByRole("alert").textContent()).trim();
    const memory = { ...(await rendererMemory(browser)), before: before.rss };
    await page.close();
    return { refused, refusedAfterMs: read.seen.alert - read.readStart, memory };
  }

  await page.getByLabel("Group respondents by").selectOption({
    label: "Similar answers across all questions (automatic segments)",
  });
  await page.evaluate(() => {
    __bench.buildStart = performance.now();
    [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Build personas").click();
  });
  await page.waitForFunction(() => __bench.seen.personas || __bench.seen.alert, null, {
    timeout: STEP_TIMEOUT,
    polling: 100,
  });
  const after = await page.evaluate(() => __bench);
  const memory = { ...(await rendererMemory(browser)), before: before.rss };
  const personas = await page.getByRole("article").count();
  const worker = await workerStages(page);
  await page.close();

  const within = (from, to) => after.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  const readTasks = within(read.readStart, read.end);
  const buildTasks = within(after.buildStart, after.seen.personas);
  return {
    readMs: read.end - read.readStart,
    buildMs: after.seen.personas - after.buildStart,
    worker,
    personas,
    memory,
    longestTaskMs: {
      read: Math.max(0, ...readTasks.map((t) => t.duration)),
      build: Math.max(0, ...buildTasks.map((t) => t.duration)),
    },
    progress: {
      ...cadence(read.progress, read.readStart, read.end),
      timeline: read.progress.map((p) => [Math.round(p.t - read.readStart), p.value]),
    },
  };
}

/** Stage times of the read in the worker, from its User Timing marks: ms per stage. */
async function workerStages(page) {
  for (const worker of page.workers()) {
    const marks = await worker
      .evaluate(() => performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]))
      .catch(() => []);
    const seq = marks.map(([name]) => name.match(/^persona-builder:(\d+):Guarding$/)?.[1]).find(Boolean);
    if (!seq) continue;
    const read = marks
      .filter(([name]) => name.startsWith(`persona-builder:${seq}:`))
      .map(([name, t]) => [name.split(":")[2], t]);
    const at = Object.fromEntries(read);
    const stages = Object.fromEntries(read.slice(0, -1).map(([name, t], i) => [name, read[i + 1][1] - t]));
    return {
      parseMs: at.Guarding - at.start,
      guardMs: at.Summarising - at.Guarding,
      summariseMs: at.end - at.Summarising,
      readMs: at.end - at.start,
      stages,
    };
  }
  return null;
}

/** How often the progress bar moved between `start` and `end`: moves and longest gap. */
function cadence(moves, start, end) {
  const times = [start, ...moves.map((m) => m.t).filter((t) => t >= start && t <= end), end];
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  return { moves: times.length - 2, longestGapMs: Math.max(...gaps) };
}

/**
 * Papa Parse on the same file in a page of the same origin: from the File (`header:
 * true`), and from its text, bare (`Papa.parse(text)`) and with `header: true`.
 */
export async function measurePapa(browser, base, file) {
  const page = await browser.newPage();
  await page.goto(base);
  await page.evaluate(await readFile(PAPA, "utf8"));
  await page.evaluate(() => {
    const input = document.createElement("input");
    input.type = "file";
    input.id = "papa-file";
    document.body.append(input);
  });
  await page.locator("#papa-file").setInputFiles(file);
  const figures = await page.evaluate(async () => {
    const file = document.getElementById("papa-file").files[0];
    const fromFile = await new Promise((resolve) => {
      const t0 = performance.now();
      Papa.parse(file, {
        header: true,
        skipEmptyLines: true,
        complete: (r) => resolve({ ms: performance.now() - t0, rows: r.data.length }),
      });
    });
    const text = await file.text();
    const timed = (options) => {
      const t0 = performance.now();
      const parsed = Papa.parse(text, options);
      return { ms: performance.now() - t0, rows: parsed.data.length };
    };
    // The bare parse the target is stated against, then with header rows.
    const bare = timed(undefined);
    const fromText = timed({ header: true, skipEmptyLines: true });
    return { fromFile, bare, fromText };
  });
  await page.close();
  return figures;
}

/** Milliseconds from navigation until the app's heading is in the page, over fresh contexts. */
export async function firstRender(browser, base, loads = 5) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector("h1")) {
          window.__firstRender = performance.now();
          observer.disconnect();
        }
      }).observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole("heading", { name: "Persona Builder", level: 1 }).waitFor();
    times.push(await page.evaluate(() => window.__firstRender));
    await context.close();
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1], loads };
}
