import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { E2E_ADMIN, REPO_ROOT } from './server.ts';

/** Debian's chromium; the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian chromium (apt-get install -y chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const WEB = path.join(REPO_ROOT, 'apps/web');
const DIST_INDEX = path.join(WEB, 'dist/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist/ is missing or older than its sources, so the servers serve the current UI. */
export function ensureWebBuilt(): void {
  const built = fs.existsSync(DIST_INDEX) ? fs.statSync(DIST_INDEX).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(WEB, 'src')), newestMtime(path.join(REPO_ROOT, 'packages/contracts/src')));
  if (built && built >= sources) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** Clicks the user menu first when `target` lives inside it and is not shown yet. */
export async function revealInUserMenu(page: Page, target: Locator): Promise<void> {
  if (await target.isVisible()) return;
  const menu = page.locator('button[data-testid=user-menu]');
  if (await menu.isVisible()) await menu.click();
  await target.waitFor({ state: 'visible' });
}

/** Signs in through the login form and waits for the top navigation. */
export async function signIn(page: Page, baseUrl: string, creds: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('input[name=email]').fill(creds.email);
  await page.locator('input[name=password]').fill(creds.password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav[data-testid=top-nav]').waitFor({ state: 'visible' });
}

/** Signs out through the (possibly menu-hidden) logout button and waits for the login form. */
export async function signOut(page: Page): Promise<void> {
  await revealInUserMenu(page, page.locator('button[data-testid=logout]'));
  await page.locator('button[data-testid=logout]').click();
  await page.locator('input[name=password]').waitFor({ state: 'visible' });
}

/** Picks a UI language from the switch, wherever it lives (top bar or user menu). */
export async function switchLocale(page: Page, locale: 'en' | 'zh-CN'): Promise<void> {
  const select = page.locator('select[data-testid=locale-switch]');
  await revealInUserMenu(page, select);
  await select.selectOption(locale);
}

/** The name element of a department in the directory tree. */
export function departmentName(page: Page, id: string): Locator {
  return page.locator(`[data-testid=dept-node][data-dept-id="${id}"] [data-testid=dept-name]`).first();
}

/** Makes a department visible in the tree by opening its ancestors (top-down) until it shows. */
export async function revealDepartment(page: Page, ancestorIds: string[], id: string): Promise<Locator> {
  const target = departmentName(page, id);
  await page.locator('[data-testid=dept-node]').first().waitFor({ state: 'visible' });
  for (const a of ancestorIds) {
    if (await target.isVisible()) break;
    await departmentName(page, a).click();
  }
  await target.waitFor({ state: 'visible' });
  return target;
}
