// The benchmark's report: the browser half (tools/bench/browser.mjs) beside the native
// figures `cargo bench --bench pipeline` wrote, the shipped sizes, and the ratios the
// targets are stated in. Run by scripts/bench, which builds and generates first.
//   node tools/bench/run.mjs [--out target/bench] [--port 4180] [--dist dist] [--runs 3]
import { spawn } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { firstRender, launch, measureApp, measurePapa } from "./browser.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const OUT = args.out ?? "target/bench";
const PORT = Number(args.port ?? 4180);
const DIST = args.dist ?? "dist";
const BASE = `http://127.0.0.1:${PORT}/`;
const MB = 1e6;
/** Browser runs per survey up to 100,000 rows (fresh Chromium each); medians are kept. */
const RUNS = Number(args.runs ?? 3);

function median(items, key) {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor(sorted.length / 2)];
}

/** The static server the tests use, on loopback. */
async function serve() {
  const server = spawn("node", ["tools/serve.mjs", "--port", String(PORT), "--root", DIST], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve) => server.stdout.once("data", resolve));
  return server;
}

/** Each shipped wasm and JS file in dist/, raw and gzipped (level 9). */
async function shippedSizes() {
  const files = (await readdir(DIST)).filter((f) => /\.(wasm|js)$/.test(f) && f !== "sw.js");
  const sizes = [];
  for (const name of files.sort()) {
    const bytes = await readFile(join(DIST, name));
    sizes.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return sizes;
}

const fmt = (ms) => (ms === undefined || ms === null || Number.isNaN(ms) ? "–" : `${Math.round(ms)} ms`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : "–");
const kb = (bytes) => `${(bytes / 1000).toFixed(0)} KB`;
const mbOf = (kib) => `${((kib * 1024) / MB).toFixed(0)} MB`;

const native = JSON.parse(await readFile(join(OUT, "native.json"), "utf8"));
const server = await serve();
const results = { date: new Date().toISOString(), sizes: await shippedSizes(), surveys: [] };
try {
  let browser = await launch();
  results.firstRender = await firstRender(browser, BASE);
  await browser.close();
  for (const n of native) {
    const file = join(OUT, `survey-${n.rows}.csv`);
    const runs = n.rows <= 100_000 ? RUNS : 1;
    console.error(`browser: ${n.rows} rows (${(n.bytes / MB).toFixed(1)} MB), ${runs} run(s)…`);
    const apps = [];
    const papas = [];
    for (let run = 0; run < runs; run++) {
      browser = await launch(); // a fresh renderer, so its peak memory is this import's
      const app = await measureApp(browser, BASE, file);
      if (!app.refused) papas.push(await measurePapa(browser, BASE, file));
      await browser.close();
      apps.push(app);
    }
    // The run with the median pipeline time, and Papa Parse's median times.
    const total = (a) => (a.refused ? 0 : a.readMs + a.buildMs);
    const app = median(apps, total);
    const papa = papas.length
      ? {
          fromFile: median(papas.map((p) => p.fromFile), (f) => f.ms),
          fromText: median(papas.map((p) => p.fromText), (f) => f.ms),
          bare: median(papas.map((p) => p.bare), (f) => f.ms),
        }
      : null;
    results.surveys.push({ rows: n.rows, bytes: n.bytes, native: n, app, papa, runs: apps.map(total) });
  }
  // The over-wide file the native half refused (100,000 columns × 30 rows), through the UI.
  const wide = [];
  for (let run = 0; run < RUNS; run++) {
    browser = await launch();
    wide.push(await measureApp(browser, BASE, join(OUT, "wide.csv")));
    await browser.close();
  }
  results.wideRefusal = median(wide, (w) => w.refusedAfterMs ?? Infinity);
} finally {
  server.kill();
}

const lines = [];
const say = (line = "") => lines.push(line);
say(`# Persona Builder benchmark, ${results.date}`);
say();
say(`Headless Chromium (release build, through the UI; median of ${RUNS} runs up to 100,000 rows) beside Papa Parse and the native core (median of 3).`);
say();
say("| rows | MB | app parse (worker) | app read (file → columns on screen) | Papa Parse text bare / `header: true` text / File | read ÷ Papa bare / `header: true` | native read | read ÷ native | app build (Auto k) | native build | pipeline | pipeline ÷ native | peak tab memory | peak above the empty tab ÷ file | longest main-thread task | progress moves / longest gap | segments vs planted (ARI) |");
say("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const s of results.surveys) {
  const { app, papa, native: n } = s;
  const mb = (s.bytes / MB).toFixed(1);
  if (app.refused) {
    say(`| ${s.rows} | ${mb} | refused in ${fmt(app.refusedAfterMs)}: ${app.refused} | | | | ${fmt(n.read_ms)} | | | ${fmt(n.build_ms)} | | | ${mbOf(app.memory.peak)} | ${ratio((app.memory.peak - app.memory.before) * 1024, s.bytes)} | | | ${n.adjusted_rand.toFixed(2)} |`);
    continue;
  }
  const pipeline = app.readMs + app.buildMs;
  const papaHeader = Math.min(papa.fromFile.ms, papa.fromText.ms);
  say(
    `| ${s.rows} | ${mb} | ${fmt(app.worker?.parseMs)} | ${fmt(app.readMs)} | ${fmt(papa.bare.ms)} / ${fmt(papa.fromText.ms)} / ${fmt(papa.fromFile.ms)} | ${ratio(app.readMs, papa.bare.ms)} / ${ratio(app.readMs, papaHeader)} | ${fmt(n.read_ms)} | ${ratio(app.readMs, n.read_ms)} | ${fmt(app.buildMs)} | ${fmt(n.build_ms)} | ${fmt(pipeline)} | ${ratio(pipeline, n.pipeline_ms)} | ${mbOf(app.memory.peak)} (empty tab ${mbOf(app.memory.before)}) | ${ratio((app.memory.peak - app.memory.before) * 1024, s.bytes)} | ${fmt(Math.max(app.longestTaskMs.read, app.longestTaskMs.build))} | ${app.progress.moves} / ${fmt(app.progress.longestGapMs)} | ${n.adjusted_rand.toFixed(2)} |`,
  );
}
say();
say("Where the read's time goes in the worker (User Timing marks; *start* is receiving and copying the file):");
say();
for (const s of results.surveys) {
  const stages = s.app.worker?.stages;
  if (stages) say(`- ${s.rows} rows: ${Object.entries(stages).map(([name, ms]) => `${name} ${fmt(ms)}`).join(", ")}`);
}
say();
const wide = results.wideRefusal;
say(`Over-wide file (100,000 columns × 30 rows): ${wide.refused ? `refused in ${fmt(wide.refusedAfterMs)} from the file's choice to the message (median of ${RUNS})` : "NOT refused"}.`);
say();
say("Shipped files (KB = 1,000 bytes; gzip level 9):");
say();
for (const f of results.sizes) say(`- ${f.name}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
say();
say(`First render from loopback: median ${fmt(results.firstRender.medianMs)}, slowest ${fmt(results.firstRender.maxMs)} over ${results.firstRender.loads} fresh loads.`);
say();
say("Pipeline time against rows (app, then native):");
say();
for (const s of results.surveys) {
  const app = s.app.refused ? "refused" : fmt(s.app.readMs + s.app.buildMs);
  say(`- ${s.rows} rows: ${app}; native ${fmt(s.native.pipeline_ms)} (${((s.native.pipeline_ms / s.rows) * 1000).toFixed(1)} µs a row)`);
}
const report = lines.join("\n") + "\n";
await writeFile(join(OUT, "results.md"), report);
await writeFile(join(OUT, "results.json"), JSON.stringify(results, null, 2));
console.log(report);
console.log(`Written to ${join(OUT, "results.md")} and results.json.`);
