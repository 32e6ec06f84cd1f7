/**
 * Prints where a V8 CPU profile (node --cpu-prof) spent its time: the top functions by self
 * time, and the top packages. Usage: tsx profile-summary.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[] };
const total = profile.samples.length;
const counts = new Map<number, number>();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
for (const node of profile.nodes) {
  const hits = counts.get(node.id) ?? 0;
  if (!hits) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^file:\/\/.*\/(apps|packages)\//, '$1/');
  const key = `${functionName || '(anonymous)'} ${where}:${lineNumber}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  const pkg =
    url.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ??
    (url.includes('/apps/') || url.includes('/packages/')
      ? 'sevabook'
      : url
        ? 'node'
        : functionName);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
}
const top = Number(topArg ?? 25);
const show = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
    .join('\n');
console.log(
  `By package (self time, ${total} samples):\n${show(byPackage)}\n\nBy function:\n${show(byFunction)}`,
);
