// The agent queue with many tickets, measured in Debian's Chromium against a running system (`./autocrm run
// --demo-data`): fills the tenant up to TICKETS tickets through the API, waits for the read side, then opens the
// queue's "All" tab and scrolls it from the first row to the last, loading page after page as an agent would.
// Prints how long the first rows took, the frame times while scrolling, how many rows the page keeps in its DOM
// and the heap it used. A measurement, not a test: nothing is asserted.
//
//   node scripts/queue-scroll.mjs            (defaults: http://localhost:8080, tenant demo, its admin, 10,000 tickets)
//   BASE_URL=… TENANT=… EMAIL=… PASSWORD=… TICKETS=… CHROMIUM=… node scripts/queue-scroll.mjs
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const tenant = process.env.TENANT ?? 'demo';
const email = process.env.EMAIL ?? 'admin@demo.example';
const password = process.env.PASSWORD ?? 'demo-admin-pw';
const wanted = Number(process.env.TICKETS ?? 10_000);

async function call(path, { token, key, method = 'GET', body } = {}) {
  let response;
  for (;;) {
    response = await fetch(base + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'X-API-Key': key } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (response.status !== 429) break;
    await new Promise((done) => setTimeout(done, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

const { accessToken: token } = await call('/api/auth/login', { method: 'POST', body: { tenant, email, password } });
const total = async () => (await call('/api/tickets?size=1', { token })).total ?? 0;

// fill up: a few customers, then tickets from many callers at once (each API key has its own rate limit)
let have = await total();
if (have < wanted) {
  const customers = [];
  for (let i = 0; i < 20; i++) {
    customers.push((await call('/api/customers', { token, method: 'POST',
      body: { name: `Scroll Customer ${i}`, emails: [`scroll-${i}-${Date.now()}@example.test`], company: `Company ${i % 7}` } })).customerId);
  }
  const keys = [];
  for (let i = 0; i < 20; i++) {
    keys.push((await call('/api/admin/api-keys', { token, method: 'POST',
      body: { name: `queue-scroll ${Date.now()} ${i}`, scopes: ['tickets:write', 'tickets:read'] } })).key);
  }
  const missing = wanted - have;
  const started = Date.now();
  let next = 0;
  const priorities = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
  await Promise.all(Array.from({ length: 20 }, async (_, worker) => {
    while (next < missing) {
      const n = next++;
      await call('/api/tickets', { key: keys[worker], method: 'POST', body: { customerId: customers[n % customers.length],
        subject: `Queue scroll ticket ${n}`, description: 'Made by scripts/queue-scroll.mjs', priority: priorities[n % 4] } });
      if (n > 0 && n % 1000 === 0) console.log(`  ${n} of ${missing} tickets created`);
    }
  }));
  console.log(`created ${missing} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const deadline = Date.now() + 300_000;
  while ((have = await total()) < wanted && Date.now() < deadline) await new Promise((done) => setTimeout(done, 1000));
}
console.log(`the read side lists ${have} tickets`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })).newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(base + '/');
  await page.getByLabel('Organisation').fill(tenant);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/app') || url.pathname.startsWith('/admin'));

  const opened = Date.now();
  await page.goto(base + '/app?tab=all');
  await page.getByTestId('ticket-row').first().waitFor();
  console.log(`queue "All": first rows shown ${Date.now() - opened} ms after navigation`);

  // scroll as a person flicking through the list: 2,000 px a frame, until every ticket is loaded and passed
  const figures = await page.evaluate(async (expected) => {
    const viewport = document.querySelector('.queue-viewport');
    const frames = [];
    let longTasks = 0;
    new PerformanceObserver((list) => { longTasks += list.getEntries().length; }).observe({ type: 'longtask', buffered: false });
    const started = performance.now();
    let last = started;
    let maxRows = 0;
    await new Promise((done) => {
      const tick = (now) => {
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, document.querySelectorAll('[data-testid=ticket-row]').length);
        const atEnd = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1;
        const loadedAll = viewport.scrollHeight >= expected * 56 - 1;
        if ((atEnd && loadedAll) || now - started > 240_000) return done();
        viewport.scrollTop += 2000;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    frames.shift();
    const sorted = [...frames].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return {
      seconds: (performance.now() - started) / 1000, frames: frames.length, p50: at(0.5), p95: at(0.95), p99: at(0.99),
      max: sorted[sorted.length - 1], over50: frames.filter((f) => f > 50).length, longTasks, maxRows,
      rowsLoaded: Math.round(viewport.scrollHeight / 56),
      heapMb: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null,
    };
  }, have);
  console.log(`scrolled through ${figures.rowsLoaded} rows in ${figures.seconds.toFixed(1)} s over ${figures.frames} frames`);
  console.log(`frame time: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, `
    + `max ${figures.max.toFixed(1)} ms; ${figures.over50} frames over 50 ms; ${figures.longTasks} long tasks`);
  console.log(`rows in the DOM at most: ${figures.maxRows} (windowed); JS heap used: `
    + `${figures.heapMb === null ? 'n/a' : figures.heapMb.toFixed(1) + ' MB'}`);
} finally {
  await browser.close();
}
