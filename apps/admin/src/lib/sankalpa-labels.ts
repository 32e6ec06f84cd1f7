import { nakshatras, rashis } from '@sevabook/shared';

const nakshatraByKey = new Map<string, { en: string; kn: string }>(
  nakshatras.map((n) => [n.key, n]),
);
const rashiByKey = new Map<string, { en: string; kn: string }>(rashis.map((r) => [r.key, r]));

/** "Rohini · ರೋಹಿಣಿ" for a stored key; the key itself if it is unknown. */
export function nakshatraLabel(key: string | null): string | null {
  if (!key) return null;
  const n = nakshatraByKey.get(key);
  return n ? `${n.en} · ${n.kn}` : key;
}

export function rashiLabel(key: string | null): string | null {
  if (!key) return null;
  const r = rashiByKey.get(key);
  return r ? `${r.en} · ${r.kn}` : key;
}

export const nakshatraOptions = nakshatras.map((n) => ({
  value: n.key,
  label: `${n.en} · ${n.kn}`,
}));
export const rashiOptions = rashis.map((r) => ({ value: r.key, label: `${r.en} · ${r.kn}` }));

/** The sankalpa details for dense tables: English names only, e.g. "Kashyapa · Rohini · Mesha". */
export function sankalpaShort(b: {
  gotra: string | null;
  nakshatra: string | null;
  rashi: string | null;
}): string {
  const nak = b.nakshatra ? (nakshatraByKey.get(b.nakshatra)?.en ?? b.nakshatra) : null;
  const ras = b.rashi ? (rashiByKey.get(b.rashi)?.en.replace(/ \(.*\)$/, '') ?? b.rashi) : null;
  return [b.gotra, nak, ras].filter(Boolean).join(' · ');
}
