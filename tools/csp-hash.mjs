// Trunk post-build hook: allows Trunk's inline loader script by its SHA-256 hash in the
// page's Content-Security-Policy, instead of allowing inline scripts in general.
// Reads and rewrites $TRUNK_STAGING_DIR/index.html.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MARKER = "INLINE_SCRIPT_HASHES";
const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp-hash: TRUNK_STAGING_DIR is not set; run me as a Trunk hook.");
  process.exit(1);
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const policy = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/);
if (!policy || !policy[1].includes(MARKER) || html.split(MARKER).length !== 2) {
  console.error(`csp-hash: index.html must name ${MARKER} once, in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map(([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
writeFileSync(file, html.replace(MARKER, hashes.join(" ")));
console.log(`csp-hash: allowed ${hashes.length} inline script(s) by hash`);
