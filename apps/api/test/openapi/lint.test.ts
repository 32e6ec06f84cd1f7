import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appForSuite } from '../app.ts';

/**
 * The document the API serves, linted as a third-party developer would: Redocly's recommended
 * rules and Spectral's `spectral:oas`, with the few rules turned off in apps/api/redocly.yaml
 * and apps/api/.spectral.yaml, each with its reason. Neither may find an error or a warning.
 */
const run = promisify(execFile);
const apiDir = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(apiDir, 'node_modules', '.bin', name);

const app = appForSuite();
let dir = '';
let file = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sevabook-openapi-'));
  file = join(dir, 'openapi.json');
  await writeFile(file, (await app.inject('/api/v1/openapi.json')).body);
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function lint(command: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(bin(command), args, {
      cwd: apiDir,
      env: {
        ...process.env,
        NO_COLOR: '1',
        REDOCLY_TELEMETRY: 'off',
        REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the served OpenAPI document, linted', () => {
  it('passes Redocly’s recommended rules with no error or warning', async () => {
    const { code, output } = await lint('redocly', [
      'lint',
      file,
      '--config',
      join(apiDir, 'redocly.yaml'),
      '--format',
      'stylish',
    ]);
    expect(code, output).toBe(0);
    expect(output, output).toMatch(/Your API description is valid/);
    expect(output, output).not.toMatch(/\d+ (errors?|warnings?)\b/);
  });

  it('passes Spectral’s spectral:oas rules with no error or warning', async () => {
    const { code, output } = await lint('spectral', [
      'lint',
      file,
      '--ruleset',
      join(apiDir, '.spectral.yaml'),
      '--fail-severity',
      'warn',
    ]);
    expect(code, output).toBe(0);
    expect(output, output).toMatch(/No results with a severity of 'warn' or higher found/);
  });
});
