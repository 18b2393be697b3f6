// Browser tests' support: the real server process (the Release build of Xuc.Host, embedded default on free ports and a
// temp data dir), Debian chromium driven by playwright-core, screenshots under artifacts/screenshots.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '../..');
const chromiumPath = process.env.XUC_CHROMIUM || '/usr/bin/chromium';
const screenshots = path.join(repo, 'artifacts', 'screenshots');

/** Why the browser tests cannot run here (null when they can). With XUC_REQUIRE_BROWSER=1 a test fails instead of skipping. */
function missing() {
  if (!fs.existsSync(chromiumPath)) return `no chromium at ${chromiumPath} (apt-get install -y chromium, or set XUC_CHROMIUM)`;
  try { require.resolve('playwright-core'); } catch (e) { return 'playwright-core is not installed (npm ci)'; }
  if (!fs.existsSync(serverDll())) return `no server build at ${serverDll()} (./build.sh build)`;
  return null;
}
function skipOrFail(t) {
  const why = missing();
  if (!why) return false;
  if (process.env.XUC_REQUIRE_BROWSER === '1') throw new Error('browser tests required (XUC_REQUIRE_BROWSER=1) but ' + why);
  t.skip(why);
  return true;
}

function serverDll() { return path.join(repo, 'src/Xuc.Host/bin/Release/net10.0/Xuc.Host.dll'); }

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function until(cond, ms, what) {
  const started = Date.now();
  for (;;) {
    try { if (await cond()) return; } catch (e) { /* not yet */ }
    if (Date.now() - started > ms) throw new Error('timed out after ' + ms + ' ms waiting for ' + what);
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Xuc.Host as ./build.sh run starts it; the same ports and data dir on every start() (a restart keeps them). */
class Server {
  static async create() {
    const s = new Server();
    s.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuc-browser-'));
    s.httpPort = await freePort();
    s.controlPort = await freePort();
    s.amiPort = await freePort();
    s.output = [];
    return s;
  }
  get base() { return `http://127.0.0.1:${this.httpPort}`; }
  get control() { return `http://127.0.0.1:${this.controlPort}`; }
  async start() {
    const env = Object.assign({}, process.env, {
      XUC_DATA_DIR: this.dataDir, XUC_HTTP_PORT: String(this.httpPort), XUC_HTTP_BIND: '127.0.0.1',
      XUC_AMI_PORT: String(this.amiPort), XUC_PBXSIM_CONTROL_PORT: String(this.controlPort), XUC_AKKA_PORT: '0'
    });
    this.process = spawn('dotnet', [serverDll()], { cwd: path.dirname(serverDll()), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = d => { this.output.push(...d.toString().split('\n')); if (this.output.length > 2000) this.output.splice(0, 1000); };
    this.process.stdout.on('data', keep);
    this.process.stderr.on('data', keep);
    const proc = this.process;
    await until(async () => {
      if (proc.exitCode !== null) throw new Error('the server exited: ' + this.output.join('\n'));
      return (await fetch(this.base + '/health/ready')).ok;
    }, 90000, 'the server ready').catch(e => { throw new Error(e.message + '\n' + this.output.slice(-40).join('\n')); });
  }
  async stop() {
    if (!this.process || this.process.exitCode !== null) return;
    const p = this.process;
    const exited = new Promise(r => p.once('exit', r));
    p.kill('SIGTERM');
    const timer = setTimeout(() => p.kill('SIGKILL'), 30000);
    await exited;
    clearTimeout(timer);
  }
  async dispose() { await this.stop(); fs.rmSync(this.dataDir, { recursive: true, force: true }); }
  async token(login, password = login) {
    const r = await fetch(this.base + '/xuc/api/2.0/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password })
    });
    if (!r.ok) throw new Error('login ' + login + ': ' + r.status);
    return (await r.json()).token;
  }
  /** The simulator's control API (docs/pbxsim.md). */
  async sim(pathAndQuery) {
    const r = await fetch(this.control + pathAndQuery, { method: 'POST' });
    if (!r.ok) throw new Error(`simulator ${pathAndQuery}: ${r.status} ${await r.text()}`);
    return r.text();
  }
}

async function launch() {
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xuc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(20000);
  const close = async () => { await context.close(); fs.rmSync(profile, { recursive: true, force: true }); };
  return { context, close };
}

async function screenshot(page, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  const file = path.join(screenshots, name + '.png');
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Opens a page of the server and logs in through its form. */
async function loginPage(context, server, pagePath, login, password = login) {
  const page = await context.newPage();
  page.on('pageerror', e => console.error(`[${login} ${pagePath}] page error:`, e.message));
  await page.goto(server.base + pagePath);
  await page.fill('#login input[name=login]', login);
  await page.fill('#login input[name=password]', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#link.ok');
  return page;
}

module.exports = { Server, launch, screenshot, loginPage, skipOrFail, until, missing };
