// Persona Builder's service worker: keeps the app's own files so that, after the first
// visit, the app opens and works with no network at all. It caches nothing else: survey
// files are read inside the tab and never fetched, and other origins are never asked.
// tools/offline-manifest.mjs fills in the file list and version at build time.
const VERSION = "OFFLINE_VERSION";
const ASSETS = OFFLINE_ASSETS;
const CACHE = `persona-builder-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("persona-builder-") && key !== CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  // Pages are the app's one page; files are answered from the cache, else the network.
  const key = request.mode === "navigate" ? "./" : request;
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
