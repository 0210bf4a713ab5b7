// Drives Debian's Chromium over the built example site served on loopback.
// Usage: BASE=http://127.0.0.1:PORT PREFIX=/vigil/ SHOTS=dir node e2e.js
// Prints one line per problem and exits 1 if there was any.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const BASE = process.env.BASE;
const PREFIX = process.env.PREFIX || '/';
const SHOTS = process.env.SHOTS;
const SECOND = process.env.SECOND_LANG; // the site's second language code
const problems = [];
const fail = (m) => { problems.push(m); console.log('FAIL ' + m); };

const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Every request must go to the local server; every console error is a failure.
function watch(page, label) {
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(BASE) && !u.startsWith('data:') && !u.startsWith('about:')) fail(`${label}: request to another host: ${u}`);
  });
  page.on('console', (m) => { if (m.type() === 'error') fail(`${label}: console error: ${m.text()}`); });
  page.on('pageerror', (e) => fail(`${label}: script error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) fail(`${label}: HTTP ${r.status()} for ${r.url()}`); });
}

async function journey(browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  watch(page, 'journey');
  await page.goto(BASE + PREFIX, { waitUntil: 'load' });
  if ((await page.getAttribute('html', 'lang')) !== 'en') fail('home is not lang=en');
  // Switch language with the visible switcher link.
  await page.click(`a[hreflang="${SECOND}"]`);
  await page.waitForLoadState('load');
  if ((await page.getAttribute('html', 'lang')) !== SECOND) fail(`switcher did not lead to ${SECOND}: ${page.url()}`);
  if (!page.url().startsWith(BASE + PREFIX + SECOND + '/')) fail(`switcher url ${page.url()}`);
  // Open a person from the grid.
  const href = await page.locator('.card a').first().getAttribute('href');
  if (!href) fail('no person card on home'); else {
    await page.goto(BASE + href, { waitUntil: 'load' });
    if (!(await page.locator('h1').first().textContent())) fail('person page has no h1');
    // And back to the default language through the switcher.
    await page.click('a[hreflang="en"]');
    await page.waitForLoadState('load');
    if (!page.url().endsWith(href.replace(PREFIX + SECOND + '/', PREFIX).replace(BASE, ''))) fail(`switching back from ${href} led to ${page.url()}`);
  }
  // The people filter, when the theme has one (progressive enhancement).
  await page.goto(BASE + PREFIX + 'people/', { waitUntil: 'load' });
  const search = page.locator('input[type="search"]');
  if (await search.count()) {
    const before = await page.locator('.card:visible').count();
    await search.first().fill('zzzz-no-such-name');
    await page.waitForTimeout(200);
    const after = await page.locator('.card:visible').count();
    if (!(before > 0 && after === 0)) fail(`people filter: ${before} cards before, ${after} after a search that matches nobody`);
    // A name in the other alphabet: the English spelling finds the Azerbaijani one, and a filter narrows it.
    await page.goto(BASE + PREFIX + SECOND + '/people/', { waitUntil: 'load' });
    await page.locator('input[type="search"]').fill('Mammadli');
    await page.waitForTimeout(200);
    const names = await page.locator('.card:visible .name').allTextContents();
    if (!names.length || !names.every((n) => /M[əa]mm[əa]d/.test(n))) fail(`search "Mammadli" on ${SECOND}/people/ showed: ${names.join(', ')}`);
    const status = await page.locator('#finder [role="status"]').textContent();
    if (!status.includes(String(names.length))) fail(`search count says "${status}" for ${names.length} cards`);
  }
  // A chart page, when the site has infographics.
  const chart = await page.locator('a[href*="/infographics/"]').first();
  if (await chart.count()) {
    await page.goto(BASE + (await chart.getAttribute('href')), { waitUntil: 'load' });
    if (!(await page.locator('svg[role="img"]').count())) fail('infographics page has no chart');
  }
  await ctx.close();
}

async function screenshots(browser, pages) {
  for (const [name, p] of pages) for (const lang of ['en', SECOND]) for (const [w, h] of [[390, 844], [1280, 900]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await ctx.newPage();
    watch(page, `${name}-${lang}-${w}`);
    await page.goto(BASE + localise(p, lang), { waitUntil: 'load' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    if (overflow) fail(`${name} ${lang} scrolls sideways at ${w}px`);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${lang}-${w}.png`), fullPage: true });
    await ctx.close();
  }
}

function localise(p, lang) {
  return lang === 'en' ? p : p.replace(PREFIX, PREFIX + lang + '/');
}

async function accessibility(browser, pages) {
  // The strict CSP would block the injected axe script: this context only bypasses it.
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  for (const [name, p] of pages) for (const lang of ['en', SECOND]) {
    const page = await ctx.newPage();
    await page.goto(BASE + localise(p, lang), { waitUntil: 'load' });
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    for (const v of r.violations) fail(`axe ${name} ${lang}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    console.log(`axe ${name} ${lang}: ${r.violations.length} violations`);
    await page.close();
  }
  await ctx.close();
}

(async () => {
  const pages = JSON.parse(process.env.PAGES); // [[name, path], ...]
  fs.mkdirSync(SHOTS, { recursive: true });
  const browser = await launch();
  try {
    await journey(browser);
    await screenshots(browser, pages);
    await accessibility(browser, pages);
  } catch (e) {
    fail('exception: ' + (e && e.stack || e));
  } finally {
    await browser.close();
  }
  console.log(`${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
})();
