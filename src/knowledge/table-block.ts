/**
 * Table rows → passage items, each row spelled out against the column labels so it reads alone
 * ("Max IOPS/Volume: io1 64,000; gp2 16,000"). Real notes' tables are untidy; handled here:
 * - a sparse first row of group labels ("| | | SSD | HDD |") above the real column labels: the
 *   fuller row below becomes the header;
 * - row labels in the first column (an empty first header cell, or a header row under group
 *   labels): each row reads `row label: column value; column value`;
 * - a row with an empty first cell under a labelled row continues that row ("Price" on two lines);
 * - empty rows and padding are dropped.
 */

import type { PassageItem } from './note-types.ts';

/** One table row as read: its cells (trimmed) and 1-based line. */
export interface TableRow {
  cells: string[];
  line: number;
}

const filled = (cells: readonly string[]) => cells.filter((c) => c !== '').length;

/**
 * Items for one table (`rows[0]` is the header row as written). Pure; never throws.
 * Returns one item per data row, depth 0, `cells` kept as `[label, value]` pairs.
 */
export function tableItems(rows: readonly TableRow[]): PassageItem[] {
  const nonEmpty = rows.filter((r) => filled(r.cells) > 0);
  let [head, ...body] = nonEmpty;
  if (!head) return [];
  let rowLabels = head.cells[0] === '';
  const next = body[0];
  // Group labels spanning several columns sit above the real header.
  if (next && filled(head.cells) * 2 <= head.cells.length && filled(next.cells) > filled(head.cells)) {
    head = next;
    body = body.slice(1);
    rowLabels = true;
  }
  if (body.length === 0) {
    const text = head.cells.filter(Boolean).join('; ');
    return text ? [{ text, depth: 0, line: head.line }] : [];
  }
  const merged: TableRow[] = [];
  for (const row of body) {
    const prev = merged[merged.length - 1];
    if (rowLabels && prev && row.cells[0] === '') {
      prev.cells = prev.cells.map((c, k) => [c, row.cells[k] ?? ''].filter(Boolean).join(' + '));
    } else merged.push({ cells: [...row.cells], line: row.line });
  }
  const header = head.cells;
  return merged.map((row) => {
    const pairs: Array<[string, string]> = header.map((h, k) => [h, row.cells[k] ?? '']);
    const text = rowLabels
      ? `${row.cells[0] ?? ''}: ${pairs
          .slice(1)
          .filter(([, v]) => v !== '')
          .map(([h, v]) => `${h} ${v}`.trim())
          .join('; ')}`
      : pairs
          .filter(([h, v]) => h !== '' || v !== '')
          .map(([h, v]) => (h ? `${h}: ${v}` : v))
          .join('; ');
    return { text, depth: 0, line: row.line, cells: rowLabels ? pairs.slice(1) : pairs };
  });
}
