import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('Could not find a free port');
  return address.port;
}

export interface RunningApi {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real API (`pnpm --filter @sevabook/api start`: migrate, seed, serve the built
 * sites) and waits until /readyz answers. Its output is kept and shown if it fails to start.
 */
export async function startApi(
  repoRoot: string,
  env: Record<string, string>,
  port: number,
): Promise<RunningApi> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn('pnpm', ['--filter', '@sevabook/api', 'start'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: baseUrl },
    // Its own process group, so stopping it also stops tsx and node under pnpm.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  try {
    await waitUntilReady(`${baseUrl}/readyz`, child, 120_000);
  } catch (error) {
    await stopProcess(child);
    throw new Error(`${(error as Error).message}\n--- API output ---\n${output.join('')}`, {
      cause: error,
    });
  }
  return { baseUrl, stop: () => stopProcess(child) };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The API was not ready at ${url} within ${timeoutMs / 1000} s`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, 10_000);
  await exited;
  clearTimeout(timer);
}
