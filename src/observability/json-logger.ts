/**
 * A Bolt `Logger` that writes one JSON object per line (LOG_FORMAT=json): `time` (ISO 8601),
 * `level`, `name`, `msg`, `request_id` when the line is written while a request is handled
 * (request-context.ts), and the fields of any object arguments (an Error becomes `err`: its
 * name, message and stack). Lines below the level are dropped.
 */

import type { Logger, LogLevel } from '@slack/bolt';
import { currentRequestId } from './request-context.ts';

const ORDER = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof ORDER)[number];

function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** JSON-lines logger for Bolt and our listeners. `write` defaults to standard error. */
export class JsonLogger implements Logger {
  #level: Level;
  #name = 'saa';

  constructor(
    level: Level = 'info',
    private readonly write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
    this.#level = level;
  }

  #log(level: Level, args: unknown[]): void {
    if (ORDER.indexOf(level) < ORDER.indexOf(this.#level)) return;
    const words: string[] = [];
    const fields: Record<string, unknown> = {};
    for (const arg of args) {
      if (arg instanceof Error) fields.err = plain(arg);
      else if (arg && typeof arg === 'object') for (const [k, v] of Object.entries(arg)) fields[k] = plain(v);
      else words.push(String(arg));
    }
    const requestId = currentRequestId();
    let line: string;
    try {
      line = JSON.stringify({
        time: new Date().toISOString(),
        level,
        name: this.#name,
        msg: words.join(' '),
        ...(requestId ? { request_id: requestId } : {}),
        ...fields,
      });
    } catch {
      line = JSON.stringify({
        time: new Date().toISOString(),
        level,
        name: this.#name,
        msg: words.join(' '),
      });
    }
    this.write(line);
  }

  debug(...args: unknown[]): void {
    this.#log('debug', args);
  }
  info(...args: unknown[]): void {
    this.#log('info', args);
  }
  warn(...args: unknown[]): void {
    this.#log('warn', args);
  }
  error(...args: unknown[]): void {
    this.#log('error', args);
  }
  setLevel(level: LogLevel): void {
    this.#level = (ORDER as readonly string[]).includes(level) ? (level as Level) : 'info';
  }
  getLevel(): LogLevel {
    return this.#level as LogLevel;
  }
  setName(name: string): void {
    this.#name = name;
  }
}
