/**
 * Numbers with a unit in notes text ("16 TiB", "15 minutes", "64,000 IOPS", "99.99 %"), with the
 * kind of quantity they measure, so a drafted question's wrong options are values of the same
 * kind found elsewhere in the notes. Pure.
 */

/** What a value measures. Values of one kind are comparable; other kinds never mix. */
export type UnitKind = 'size' | 'duration' | 'iops' | 'throughput' | 'percent';

/** One value found in text: its exact text, the kind, and its size in the kind's base unit. */
export interface UnitValue {
  /** As written, e.g. "16 TiB" (trimmed). */
  text: string;
  kind: UnitKind;
  /** In bytes, seconds, IOPS, bytes per second or percent; equal amounts compare equal. */
  base: number;
  /** Offset of `text` in the searched string (chars). */
  index: number;
}

const SIZE: Record<string, number> = {
  byte: 1,
  bytes: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e6,
  mib: 1024 ** 2,
  gb: 1e9,
  gib: 1024 ** 3,
  tb: 1e12,
  tib: 1024 ** 4,
  pb: 1e15,
  pib: 1024 ** 5,
};
const DURATION: Record<string, number> = {
  ms: 0.001,
  millisecond: 0.001,
  milliseconds: 0.001,
  second: 1,
  seconds: 1,
  sec: 1,
  secs: 1,
  minute: 60,
  minutes: 60,
  min: 60,
  mins: 60,
  hour: 3600,
  hours: 3600,
  hr: 3600,
  hrs: 3600,
  day: 86_400,
  days: 86_400,
  week: 604_800,
  weeks: 604_800,
  month: 2_592_000,
  months: 2_592_000,
  year: 31_536_000,
  years: 31_536_000,
};
const THROUGHPUT: Record<string, number> = {
  'mb/s': 1e6,
  'mib/s': 1024 ** 2,
  'gb/s': 1e9,
  mbps: 125_000,
  gbps: 125_000_000,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k|K)?`;
const UNIT = [...Object.keys(THROUGHPUT), ...Object.keys(SIZE), ...Object.keys(DURATION), 'iops', '%']
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/\//g, '\\/'))
  .join('|');
const VALUE = new RegExp(String.raw`(?<![\w.,$])${NUMBER}\s?(${UNIT})(?![\w/-])`, 'giu');

/** The unit values in `text`, in order. A bare number, a price or a version is not one. */
export function unitValues(text: string): UnitValue[] {
  const out: UnitValue[] = [];
  for (const m of text.matchAll(VALUE)) {
    const amount = Number((m[1] ?? '').replace(/,/g, '')) * (m[2] ? 1000 : 1);
    const unit = (m[3] ?? '').toLowerCase();
    const kind: UnitKind | undefined =
      unit in THROUGHPUT
        ? 'throughput'
        : unit in SIZE
          ? 'size'
          : unit in DURATION
            ? 'duration'
            : unit === 'iops'
              ? 'iops'
              : unit === '%'
                ? 'percent'
                : undefined;
    if (!kind || !Number.isFinite(amount)) continue;
    const scale =
      kind === 'throughput'
        ? (THROUGHPUT[unit] ?? 1)
        : kind === 'size'
          ? (SIZE[unit] ?? 1)
          : kind === 'duration'
            ? (DURATION[unit] ?? 1)
            : 1;
    out.push({ text: m[0].trim(), kind, base: amount * scale, index: m.index ?? 0 });
  }
  return out;
}
