/* Sidak's service worker: the field app (/lapangan) and its bootstrap data, offline.

   inspect/sidak/web/pwa.py serves this file at /sw.js (so its scope is the whole site) and
   rewrites the CONFIG line: the version is a hash of every file the shell is made of, so a
   change to any of them makes a new worker, which precaches into a new shell cache.

   Service workers run only in secure contexts: https://, or http://127.0.0.1 and
   http://localhost while developing. Any other host must be served over HTTPS; over plain
   http the pages work as before, just not offline.

   Rules this file keeps:
   - only GET requests to this origin are looked at; POST, PUT and DELETE never reach
     respondWith, so they go to the network and fail there when offline
   - the only /api/ response stored is the bootstrap, the only HTML page stored is the shell
     (/lapangan); every other request passes through untouched
   - drafts live in IndexedDB, which this worker never touches; an update deletes old shell
     caches only, never the data cache
   - a new worker waits until the page asks it to take over (skip-waiting), so a form being
     filled in is never swapped under the inspector's fingers */
"use strict";

// pwa.py replaces this line when serving /sw.js; keep it a single line.
const CONFIG = {"version": "dev", "shell": [], "page": null, "data": "/api/v1/field/bootstrap"};

const SHELL_PREFIX = "sidak-shell-";
const SHELL = SHELL_PREFIX + CONFIG.version;
const DATA = "sidak-data";
const PAGE_TIMEOUT_MS = 3000;
// the bootstrap can be large on a slow line: wait longer before settling for the stored copy
const DATA_TIMEOUT_MS = 10000;
// a stored bootstrap carries this header, so the page can say how old what it shows is
const STORED_AT = "X-Sidak-Stored-At";
const SHELL_ASSETS = new Set(CONFIG.shell);
const PAGE_BASE = CONFIG.page ? CONFIG.page.replace(/\/$/, "") : null;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = names.filter((name) => name.startsWith(SHELL_PREFIX) && name !== SHELL);
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
    })()
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && isShellPage(url.pathname)) {
    event.respondWith(shellPage(event));
  } else if (url.pathname === CONFIG.data) {
    event.respondWith(bootstrap(event));
  } else if (!url.search && SHELL_ASSETS.has(url.pathname)) {
    event.respondWith(shellAsset(event));
  }
});

async function precache() {
  const cache = await caches.open(SHELL);
  // `no-cache`: the HTTP cache may answer only after the server confirmed it (a 304), so a
  // new version never stores an old file, and a file the page just loaded is not sent twice
  await cache.addAll(CONFIG.shell.map((url) => new Request(url, {cache: "no-cache"})));
  if (CONFIG.page) await precachePage(cache);
}

/* The shell page needs a session: without one the server redirects to the login form, which
   must not be stored as the shell. Then (or offline) the copy the previous version stored is
   kept, and the next online visit stores a fresh one. */
async function precachePage(cache) {
  try {
    const request = new Request(CONFIG.page, {cache: "no-cache", redirect: "manual"});
    const response = await fetch(request);
    if (storable(response, "text/html")) return cache.put(CONFIG.page, response);
  } catch (error) {
    // offline while installing
  }
  const previous = await caches.match(CONFIG.page, {ignoreVary: true});
  if (previous) await cache.put(CONFIG.page, previous);
}

function isShellPage(path) {
  return PAGE_BASE !== null && (path === PAGE_BASE || path.startsWith(PAGE_BASE + "/"));
}

function storable(response, type) {
  if (!response.ok || response.status !== 200 || response.type !== "basic") return false;
  if (response.redirected) return false;
  return !type || (response.headers.get("Content-Type") || "").startsWith(type);
}

/* Network first (3 s), then the stored shell. Only /lapangan itself is stored; its
   sub-paths fall back to it, the app routes on the phone. */
function shellPage(event) {
  const request = event.request;
  const path = new URL(request.url).pathname;
  const network = fetch(request).then((response) => {
    const keep = path === CONFIG.page && storable(response, "text/html");
    return {response, copy: keep ? response.clone() : null};
  });
  event.waitUntil(
    network
      .then(({copy}) => copy && caches.open(SHELL).then((cache) => cache.put(CONFIG.page, copy)))
      .catch(() => {})
  );
  const stored = () => caches.match(CONFIG.page, {cacheName: SHELL, ignoreVary: true});
  return networkFirst(
    network.then(({response}) => response),
    PAGE_TIMEOUT_MS,
    stored
  );
}

/* Network first, then the stored copy (marked with the time it was stored). */
function bootstrap(event) {
  const request = event.request;
  const network = fetch(request).then((response) => {
    return {response, copy: storable(response, "application/json") ? response.clone() : null};
  });
  event.waitUntil(
    network
      .then(({copy}) => copy && storeData(request, copy))
      .catch(() => {})
  );
  const stored = () => caches.match(request, {cacheName: DATA, ignoreVary: true});
  return networkFirst(
    network.then(({response}) => response),
    DATA_TIMEOUT_MS,
    stored
  );
}

async function storeData(request, response) {
  const headers = new Headers(response.headers);
  headers.set(STORED_AT, new Date().toISOString());
  const copy = new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  const cache = await caches.open(DATA);
  await cache.put(request, copy);
  await tell({type: "data-stored", url: request.url});
}

/* The network's answer if it comes in time and is not a server error (a proxy's 502 while
   the app server is down counts as offline); otherwise the stored copy; failing that, the
   network's answer whenever it comes. */
async function networkFirst(network, timeoutMs, stored) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, timeoutMs, null);
  });
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.status < 500) return response;
    return (await stored()) || response || (await network);
  } catch (error) {
    const copy = await stored();
    if (copy) return copy;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/* Cache first: the shell cache is versioned, so a stored file is never stale. */
async function shellAsset(event) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(event.request, {ignoreVary: true});
  if (hit) return hit;
  const response = await fetch(event.request);
  if (storable(response)) event.waitUntil(cache.put(event.request, response.clone()));
  return response;
}

async function tell(message) {
  const windows = await self.clients.matchAll({type: "window"});
  windows.forEach((client) => client.postMessage(message));
}
