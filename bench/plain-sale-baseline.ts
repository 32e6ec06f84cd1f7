/**
 * The plain flash sale's figures as recorded in bench/README.md before online payment existed,
 * printed beside the same figures of a run made now, so a reader can see the booking path did
 * not get slower. Absolute figures move by ±40 % with this machine's load; the ratios to the
 * ceiling measured in the same run are what to compare.
 */
import { printTable, round } from './harness.ts';

/** What a run of flash-sale.ts (1 slot, 1 API process) gives, or its results file holds. */
export interface PlainSaleFigures {
  medians: Record<string, string | number>[];
  ratio: number;
  ratioToSingle: number;
  floorToCeiling: number;
}

interface Recorded {
  label: string;
  apiConfirmedPerSec?: string;
  sellOutMs?: string;
  p50p95_201?: string;
  apiToCeiling: string;
  apiToSingle?: string;
  floorToCeiling?: string;
  apiCpuUsPerRequest: string;
}

// bench/README.md: "Results" (2026-12-04, two `pnpm bench` runs, quiet machine) and the booking
// path's restructuring (2026-12-05, two runs of the code after it, machine at load 6–11).
const recorded: Recorded[] = [
  {
    label: 'recorded 2026-12-04 (2 runs)',
    apiConfirmedPerSec: '1,232 / 1,594',
    sellOutMs: '406',
    p50p95_201: '292 / 397',
    apiToCeiling: '35% / 35%',
    apiToSingle: '134% / 130%',
    floorToCeiling: '69% / 62%',
    apiCpuUsPerRequest: '387 / 265',
  },
  {
    label: 'recorded 2026-12-05 (2 runs)',
    apiToCeiling: '44% / 57%',
    apiCpuUsPerRequest: '213 / 200',
  },
];

/** The lowest API / ceiling ratio recorded: below it, this run is worse than any before. */
const lowestRecordedRatio = 0.35;

const pct = (ratio: number) => `${round(ratio * 100, 0)}%`;

export function printPlainSaleComparison(now: PlainSaleFigures, when: string): void {
  const [api] = now.medians;
  const row = (r: Recorded) => ({
    '': r.label,
    'API confirmed/s': r.apiConfirmedPerSec ?? '—',
    'sell-out ms': r.sellOutMs ?? '—',
    'p50 / p95 201 ms': r.p50p95_201 ?? '—',
    'API / ceiling': r.apiToCeiling,
    'API / 1 per transaction': r.apiToSingle ?? '—',
    'floor / ceiling': r.floorToCeiling ?? '—',
    'API CPU µs/request': r.apiCpuUsPerRequest,
  });
  printTable('Plain flash sale, 1,000 clients on 500 places, 1 slot: before and now', [
    ...recorded.map(row),
    row({
      label: when,
      apiConfirmedPerSec: String(api?.confirmedPerSec ?? '?'),
      sellOutMs: String(api?.sellOutMs ?? '?'),
      p50p95_201: `${api?.p50_201 ?? '?'} / ${api?.p95_201 ?? '?'}`,
      apiToCeiling: pct(now.ratio),
      apiToSingle: pct(now.ratioToSingle),
      floorToCeiling: pct(now.floorToCeiling),
      apiCpuUsPerRequest: String(api?.serverCpuUsPerRequest ?? '?'),
    }),
  ]);
  console.log(
    now.ratio >= lowestRecordedRatio
      ? `API / ceiling ${pct(now.ratio)}: within or above the recorded ${pct(lowestRecordedRatio)}–57%.`
      : `API / ceiling ${pct(now.ratio)}: BELOW the recorded ${pct(lowestRecordedRatio)}–57% ` +
          '(check the machine’s load before reading it as a regression).',
  );
}
