// Trunk post-build hook: writes the list of the app's files, and a version that changes
// whenever one of them does, into the staged sw.js (see sw.js), so the service worker
// caches exactly this build for offline use.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("offline-manifest: TRUNK_STAGING_DIR is not set; run me as a Trunk hook.");
  process.exit(1);
}
const worker = join(dir, "sw.js");
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
  .filter((path) => path !== "sw.js")
  .sort();
const hash = createHash("sha256");
for (const path of files) {
  hash.update(path);
  hash.update(readFileSync(join(dir, path)));
}
const source = readFileSync(worker, "utf8");
if (!source.includes("OFFLINE_ASSETS") || !source.includes("OFFLINE_VERSION")) {
  console.error("offline-manifest: sw.js must name OFFLINE_ASSETS and OFFLINE_VERSION");
  process.exit(1);
}
const assets = ["./", ...files].map((path) => JSON.stringify(path)).join(", ");
writeFileSync(
  worker,
  source
    .replace("OFFLINE_ASSETS", `[${assets}]`)
    .replace("OFFLINE_VERSION", hash.digest("hex").slice(0, 16)),
);
console.log(`offline-manifest: ${files.length} file(s) for offline use`);
