/**
 * First load: what a devotee's phone downloads to show the home page and a seva's page, and what
 * staff download for the admin sign-in, with Lighthouse's mobile preset (a mid-range phone on a
 * slow 4G line, simulated) against the built sites served by the API.
 *
 *   pnpm build && pnpm --filter @sevabook/bench exec tsx first-load.ts [--runs 3] [--reports dir]
 *
 * Bytes are as sent over the wire (compressed when the server compresses). Chromium comes from
 * CHROMIUM_PATH, or /usr/bin/chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import {
  argValue,
  freePort,
  isMain,
  median,
  printTable,
  repoRoot,
  round,
  scratchDatabase,
  startApi,
  writeResults,
} from './harness.ts';

interface PageFigures {
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Lighthouse's measure of this machine's speed during the run; lower on a busy machine. */
  benchmarkIndex: number;
  totalKb: number;
  scriptKb: number;
  stylesheetKb: number;
  fontKb: number;
  requests: number;
}

interface Page {
  name: string;
  path: string;
  /** The phone's language, which the devotee site follows on a first visit. */
  language: 'en' | 'kn';
}

const kb = (bytes: number) => round(bytes / 1024, 1);
/** `--reports <dir>`: keep every run's full Lighthouse report there, to see why a score is what it is. */
const reportsIndex = process.argv.indexOf('--reports');
const reportsDir = reportsIndex >= 0 ? process.argv[reportsIndex + 1] : undefined;

/** Headless Chromium with its DevTools port open, for Lighthouse to drive. */
async function startChromium(
  language: 'en' | 'kn',
): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const profile = mkdtempSync(join(tmpdir(), 'sevabook-first-load-'));
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      // The devotee site follows the phone's language on a first visit (navigator.languages).
      `--accept-lang=${language === 'kn' ? 'kn-IN,kn' : 'en-IN,en'}`,
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('Chromium did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    stop: () =>
      new Promise<void>((done) => {
        const finish = () => {
          rmSync(profile, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
      }),
  };
}

/** Lighthouse now and then fails to record a trace on a busy machine: such a run is repeated. */
async function measure(url: string, port: number): Promise<PageFigures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measureOnce(url, port);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`${url}: ${(error as Error).message}; trying again`);
    }
  }
}

async function measureOnce(url: string, port: number): Promise<PageFigures> {
  const result = await lighthouse(
    url,
    {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    },
    // Lighthouse's default configuration is the mobile preset with simulated throttling.
    undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  if (reportsDir) {
    mkdirSync(reportsDir, { recursive: true });
    const name = `${new URL(url).pathname.replace(/\W+/g, '-')}-${port}-${Date.now()}.json`;
    writeFileSync(join(reportsDir, name), JSON.stringify(lhr));
  }
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const summary = (lhr.audits['resource-summary']?.details ?? { items: [] }) as {
    items?: Array<{ resourceType: string; transferSize: number; requestCount: number }>;
  };
  const bytesOf = (type: string) =>
    summary.items?.find((item) => item.resourceType === type)?.transferSize ?? 0;
  const total = summary.items?.find((item) => item.resourceType === 'total');
  return {
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    fcpMs: Math.round(audit('first-contentful-paint')),
    lcpMs: Math.round(audit('largest-contentful-paint')),
    tbtMs: Math.round(audit('total-blocking-time')),
    cls: round(audit('cumulative-layout-shift'), 3),
    speedIndexMs: Math.round(audit('speed-index')),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    totalKb: kb(total?.transferSize ?? 0),
    scriptKb: kb(bytesOf('script')),
    stylesheetKb: kb(bytesOf('stylesheet')),
    fontKb: kb(bytesOf('font')),
    requests: total?.requestCount ?? 0,
  };
}

/** When the two sites were last built. */
function buildStamp(): string {
  return ['web', 'admin']
    .map((site) => statSync(resolve(repoRoot, `apps/${site}/dist/index.html`)).mtimeMs)
    .join();
}

function medians(runs: PageFigures[]): PageFigures {
  const keys = Object.keys(runs[0]!) as (keyof PageFigures)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as never;
}

export async function firstLoad(runs: number): Promise<Record<string, PageFigures>> {
  for (const site of ['web', 'admin']) {
    if (!existsSync(resolve(repoRoot, `apps/${site}/dist/index.html`)))
      throw new Error(`apps/${site} is not built: run \`pnpm build\` first`);
  }
  const db = await scratchDatabase();
  // The pages' links are not followed here, so any public address will do.
  const serve = () => startApi(db.url, { SERVE_SPAS: 'true', PUBLIC_URL: 'http://127.0.0.1' });
  let api = await serve();
  let built = buildStamp();
  const browsers: Array<Awaited<ReturnType<typeof startChromium>>> = [];
  try {
    const chromium = {
      en: await startChromium('en').then((b) => (browsers.push(b), b)),
      kn: await startChromium('kn').then((b) => (browsers.push(b), b)),
    };
    const sevas = (await (await fetch(`${api.url}/api/v1/sevas`)).json()) as {
      items?: Array<{ id: number }>;
    };
    const sevaId = sevas.items?.[0]?.id;
    if (sevaId === undefined) throw new Error('the demo temple has no seva');
    const pages: Page[] = [
      { name: 'devotee home (English)', path: '/', language: 'en' },
      { name: 'seva page (English)', path: `/sevas/${sevaId}`, language: 'en' },
      { name: 'devotee home (Kannada)', path: '/', language: 'kn' },
      { name: 'admin sign-in', path: '/admin/login', language: 'en' },
    ];
    const figures: Record<string, PageFigures[]> = {};
    // Pages alternate within each round, so the machine's noise falls on all of them alike.
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        // NOTE: the API lists the built files when it starts; a new build (`pnpm build` in
        // another terminal) would leave it serving an index.html whose scripts it cannot find.
        if (buildStamp() !== built) {
          await api.stop();
          api = await serve();
          built = buildStamp();
        }
        const port = chromium[page.language].port;
        (figures[page.name] ??= []).push(await measure(api.url + page.path, port));
      }
    }
    return Object.fromEntries(Object.entries(figures).map(([name, r]) => [name, medians(r)]));
  } finally {
    for (const browser of browsers) await browser.stop();
    await api.stop();
    await db.drop();
  }
}

if (isMain(import.meta.url)) {
  const runs = argValue('runs', 3);
  const result = await firstLoad(runs);
  printTable(
    `First load, Lighthouse mobile preset (simulated slow 4G, 4× CPU slowdown), medians of ${runs}`,
    Object.entries(result).map(([page, f]) => ({ page, ...f })),
  );
  console.log(
    `results: ${writeResults('first-load', { at: new Date().toISOString(), runs, pages: result })}`,
  );
}
