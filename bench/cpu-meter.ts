/**
 * CPU time spent by the processes of a benchmark while it runs: the server under test (and its
 * workers), the database server, and this process (the load generator). Read from Linux's
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds on a CPU, every thread), so a sale of a few
 * hundred milliseconds is measured to the microsecond; where /proc is missing every figure is 0.
 *
 * It answers the question wall-clock figures cannot: was the machine's CPU the limit?
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface CpuFigures {
  /** CPU of the server under test and its child processes, per request, in microseconds. */
  serverCpuUsPerRequest: number;
  /** CPU of the database server over the window, in milliseconds. */
  dbCpuMs: number;
  /** CPU of the load generator (this process) over the window, in milliseconds. */
  clientCpuMs: number;
  /** All three together over the window's wall time: 2 means two cores busy throughout. */
  coresBusy: number;
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function listOr(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Nanoseconds on a CPU of every thread of one process (0 when it is gone). */
function processCpuNs(pid: number): number {
  let ns = 0;
  for (const tid of listOr(`/proc/${pid}/task`)) {
    ns += Number(readOr(`/proc/${pid}/task/${tid}/schedstat`).split(' ')[0] ?? 0) || 0;
  }
  return ns;
}

/** The process and all its descendants (the workers of API_PROCESSES, say). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of listOr('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    // Field 4 of stat is the parent; the name (field 2) may hold spaces, so read after its ')'.
    const ppid = Number(readOr(`/proc/${entry}/stat`).split(') ')[1]?.split(' ')[1]);
    if (!ppid) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** The local database server's process, found by name; undefined when it runs elsewhere. */
function databaseServerPid(): number | undefined {
  const names = new Set(['mariadbd', 'mysqld']);
  const pid = listOr('/proc').find(
    (entry) => /^\d+$/.test(entry) && names.has(readOr(`/proc/${entry}/comm`).trim()),
  );
  return pid ? Number(pid) : undefined;
}

/** Starts measuring now; `stop(requests)` gives the figures since. */
export function startCpuMeter(serverPid: number | undefined): {
  stop: (requests: number) => CpuFigures;
} {
  const server = serverPid ? processTree(serverPid) : [];
  const db = databaseServerPid();
  const sum = (pids: number[]) => pids.reduce((ns, pid) => ns + processCpuNs(pid), 0);
  const before = { server: sum(server), db: db ? processCpuNs(db) : 0, client: sum([process.pid]) };
  const startedAt = performance.now();
  return {
    stop(requests) {
      const wallMs = performance.now() - startedAt;
      const serverMs = (sum(server) - before.server) / 1e6;
      const dbCpuMs = ((db ? processCpuNs(db) : 0) - before.db) / 1e6;
      const clientCpuMs = (sum([process.pid]) - before.client) / 1e6;
      return {
        serverCpuUsPerRequest: Math.round((serverMs * 1000) / Math.max(1, requests)),
        dbCpuMs: Math.round(dbCpuMs),
        clientCpuMs: Math.round(clientCpuMs),
        coresBusy: Math.round(((serverMs + dbCpuMs + clientCpuMs) / wallMs) * 100) / 100,
      };
    },
  };
}
