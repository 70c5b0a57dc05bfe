import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../../test/harness.ts';

const BIN = fileURLToPath(new URL('../../bin/concord.mjs', import.meta.url));

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

/** Runs the real `concord` binary as a child process, with only the CONCORD_* variables given here. */
function concord(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONCORD_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...base, ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const asAdmin = { CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: ADMIN.password };

describe('concord CLI', () => {
  it('prints usage for --help and exits 0', async () => {
    const r = await concord(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: concord <command>/);
    expect(r.stdout).toMatch(/app create/);
    const sub = await concord(['app', 'create', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toMatch(/--name NAME/);
  });

  it('creates an app as the admin and prints credentials the Feishu token endpoint accepts', async () => {
    const r = await concord(['app', 'create', '--name', 'x', '--scopes', 'bitable,okr', '--url', url], asAdmin);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { app_id: string; app_secret: string; name: string; scopes: string[] };
    expect(out).toEqual({ app_id: expect.stringMatching(/^cli_/), app_secret: expect.any(String), name: 'x', scopes: ['bitable', 'okr'] });
    const tok = await t.app.inject({
      method: 'POST',
      url: '/open-apis/auth/v3/tenant_access_token/internal',
      payload: { app_id: out.app_id, app_secret: out.app_secret },
    });
    expect(tok.json()).toMatchObject({ code: 0, tenant_access_token: expect.stringMatching(/^t-/) });
  });

  it('creates a personal token, which then works as CONCORD_TOKEN (with CONCORD_URL)', async () => {
    const created = await concord(['token', 'create', '--name', 'ci', '--url', url], asAdmin);
    expect(created.code, created.stderr).toBe(0);
    const { token } = JSON.parse(created.stdout) as { token: string };
    expect(token).toMatch(/^cpat_/);
    const list = await concord(['app', 'list'], { CONCORD_TOKEN: token, CONCORD_URL: url });
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { items: { name: string; app_id: string }[] }).items.map((a) => a.name)).toContain('x');
    expect(list.stdout).not.toMatch(/secret/);
  });

  it("fails with a non-zero exit code and the server's reason on a wrong password, printing nothing on stdout", async () => {
    const r = await concord(['app', 'list', '--url', url], { CONCORD_ADMIN_EMAIL: ADMIN.email, CONCORD_ADMIN_PASSWORD: 'wrong-password' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/auth\.invalid_credentials/);
    expect(r.stderr).toMatch(/Wrong email or password/);
  });

  it('explains usage mistakes, missing credentials and an unreachable server', async () => {
    const usage = await concord(['app', 'create', '--url', url], asAdmin);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/missing --name/);
    const badScope = await concord(['app', 'create', '--name', 'y', '--scopes', 'everything', '--url', url], asAdmin);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toMatch(/valid scopes/);
    const anon = await concord(['app', 'list', '--url', url]);
    expect(anon.code).toBe(1);
    expect(anon.stderr).toMatch(/CONCORD_TOKEN/);
    const down = await concord(['health', '--url', 'http://127.0.0.1:9']);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/cannot reach Concord/);
  });

  it('checks health without credentials', async () => {
    const r = await concord(['health', '--url', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
  });
});
