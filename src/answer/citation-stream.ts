/**
 * Citations in a streamed model reply (pure): text arrives in pieces, and a citation marker such
 * as `[2]` may be split across them. Text is released as soon as it cannot be part of a marker;
 * a complete marker is released only when it cites passages the model was given, renumbered in
 * the order they are first cited (the sources listed at the end follow that order), and dropped
 * otherwise, so nothing shown is ever taken back (issue 13: "a stream never shows a citation
 * marker that gets dropped afterwards"). Reasoning blocks (`<think>…</think>`) are held back.
 */

import { formatHeadingPath } from '../knowledge/heading-path.ts';
import type { Source } from './answer-types.ts';
import { sourceOf } from './compose-answer.ts';
import type { PromptPassage } from './llm-prompt.ts';

/** Longest text held back while it might still become a marker (chars): `[12, 13, 14]` fits. */
const MAX_PENDING = 24;
const MARKER = /^\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]/;
const MAYBE_MARKER = /^\[\s*(\d+(\s*[,;]\s*\d*)*)?\s*$/;

/** Filters one streamed reply. */
export class CitationStream {
  #pending = '';
  #thinking = false;
  #shown = '';
  readonly #order: number[] = [];
  readonly dropped: number[] = [];

  constructor(private readonly given: readonly PromptPassage[]) {}

  /** Feeds a piece of the reply; returns the text that can be shown now ('' when none). */
  push(piece: string): string {
    this.#pending += piece;
    return this.#drain(false);
  }

  /** Ends the reply; returns the rest to show. */
  end(): string {
    return this.#drain(true);
  }

  /** Everything released so far. */
  get text(): string {
    return this.#shown;
  }

  /** The cited passages' sources, in their display numbers' order (one per passage). */
  get sources(): Source[] {
    return this.#order.map((id) => sourceOf((this.given.find((g) => g.id === id) as PromptPassage).passage));
  }

  #drain(final: boolean): string {
    let out = '';
    while (this.#pending) {
      if (this.#thinking) {
        const close = this.#pending.indexOf('</think>');
        if (close < 0) {
          if (final) this.#pending = '';
          break;
        }
        this.#pending = this.#pending.slice(close + '</think>'.length).replace(/^\s+/, '');
        this.#thinking = false;
        continue;
      }
      const open = this.#pending.search(/\[|<think>/);
      if (open < 0) {
        // A "<thin" at the very end might still open a reasoning block.
        const tail = final ? 0 : partialPrefix(this.#pending, '<think>');
        out += this.#pending.slice(0, this.#pending.length - tail);
        this.#pending = this.#pending.slice(this.#pending.length - tail);
        break;
      }
      out += this.#pending.slice(0, open);
      this.#pending = this.#pending.slice(open);
      if (this.#pending.startsWith('<think>')) {
        this.#thinking = true;
        this.#pending = this.#pending.slice('<think>'.length);
        continue;
      }
      const marker = MARKER.exec(this.#pending);
      if (marker) {
        out += this.#marker(marker[1] ?? '');
        this.#pending = this.#pending.slice(marker[0].length);
        continue;
      }
      if (!final && this.#pending.length < MAX_PENDING && MAYBE_MARKER.test(this.#pending)) break;
      // Not a marker: a literal bracket.
      out += '[';
      this.#pending = this.#pending.slice(1);
    }
    this.#shown += out;
    return out;
  }

  /** A marker's ids renumbered to display numbers; '' when none of them was given. */
  #marker(ids: string): string {
    const shown: number[] = [];
    for (const raw of ids.split(/[,;]/)) {
      const id = Number(raw.trim());
      if (!this.given.some((g) => g.id === id)) {
        this.dropped.push(id);
        continue;
      }
      const passage = (this.given.find((g) => g.id === id) as PromptPassage).passage;
      // Two ids of one heading share a source line, as in the whole-reply path (llm-reply.ts).
      const same = this.#order.findIndex((o) => {
        const p = (this.given.find((g) => g.id === o) as PromptPassage).passage;
        return (
          p.file === passage.file &&
          formatHeadingPath(p.headingPath) === formatHeadingPath(passage.headingPath)
        );
      });
      if (same < 0) this.#order.push(id);
      const n = (same < 0 ? this.#order.length - 1 : same) + 1;
      if (!shown.includes(n)) shown.push(n);
    }
    return shown.map((n) => `[${n}]`).join('');
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `token`. */
function partialPrefix(text: string, token: string): number {
  for (let n = Math.min(token.length - 1, text.length); n > 0; n--) {
    if (token.startsWith(text.slice(-n))) return n;
  }
  return 0;
}
