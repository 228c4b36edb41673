/**
 * One streamed reply in Slack (chat.startStream → appendStream → stopStream:
 * https://docs.slack.dev/messaging/sending-and-scheduling-messages#text-streaming). The first
 * text starts the stream at once (time to first token is what a person feels); later text is
 * batched (at least {@link FLUSH_CHARS} characters or {@link FLUSH_MS} ms apart) to keep the
 * append calls well under Slack's rate limits. When Slack ends the stream early (an error on
 * append or stop), the message is completed with chat.update and the full text instead, so the
 * reply is never left cut off.
 */

import type { Block, KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';

/** Text batched per append (chars). */
export const FLUSH_CHARS = 120;
/** Longest wait before batched text is appended (ms). */
export const FLUSH_MS = 250;

/** Where a stream goes: a DM or channel thread, for one person. */
export interface StreamTarget {
  channel: string;
  threadTs: string;
  teamId?: string;
  userId?: string;
}

/** A reply being streamed. */
export class SlackStream {
  #ts: string | undefined;
  #text = '';
  #pending = '';
  #timer: NodeJS.Timeout | undefined;
  #chain: Promise<void> = Promise.resolve();
  #broken: unknown = null;
  #startCalled = false;

  constructor(
    private readonly client: WebClient,
    private readonly target: StreamTarget,
  ) {}

  /** The message's ts once the stream started (undefined before the first text). */
  get ts(): string | undefined {
    return this.#ts;
  }

  /** True when Slack refused a start, append or stop: the reply is finished with chat.update. */
  get broken(): boolean {
    return this.#broken !== null;
  }

  /** Adds text; the first call starts the stream. Never throws (a failure marks the stream broken). */
  append(text: string): Promise<void> {
    this.#text += text;
    if (this.#broken) return this.#chain;
    if (!this.#startCalled) {
      this.#startCalled = true;
      this.#chain = this.#start(text);
      return this.#chain;
    }
    this.#pending += text;
    if (this.#pending.length >= FLUSH_CHARS) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), FLUSH_MS);
    return this.#chain;
  }

  async #start(text: string): Promise<void> {
    try {
      const res = await this.client.chat.startStream({
        channel: this.target.channel,
        thread_ts: this.target.threadTs,
        markdown_text: text,
        ...(this.target.teamId ? { recipient_team_id: this.target.teamId } : {}),
        ...(this.target.userId ? { recipient_user_id: this.target.userId } : {}),
      });
      this.#ts = res.ts;
    } catch (err) {
      this.#broken = err;
    }
  }

  #flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const text = this.#pending;
    this.#pending = '';
    if (!text) return;
    this.#chain = this.#chain.then(async () => {
      if (this.#broken || !this.#ts) return;
      try {
        await this.client.chat.appendStream({
          channel: this.target.channel,
          ts: this.#ts,
          markdown_text: text,
        });
      } catch (err) {
        this.#broken = err;
      }
    });
  }

  /**
   * Ends the reply with `blocks` under it (sources, feedback). When the stream broke, or Slack
   * refuses the stop, the message gets `finalText` (default: everything appended) and the blocks
   * through chat.update, or is posted anew when it never started.
   * @throws the Web API error when even that fails.
   */
  async finish(blocks: (KnownBlock | Block)[], finalText?: string): Promise<void> {
    this.#flush();
    await this.#chain;
    if (!this.#broken && this.#ts && finalText === undefined) {
      try {
        await this.client.chat.stopStream({ channel: this.target.channel, ts: this.#ts, blocks });
        return;
      } catch (err) {
        this.#broken = err;
      }
    }
    const text = finalText ?? this.#text;
    const body: KnownBlock[] = [
      { type: 'section', text: { type: 'mrkdwn', text: text.slice(0, 3000) || ' ' } },
      ...(blocks as KnownBlock[]),
    ];
    if (this.#ts) {
      if (!this.#broken)
        await this.client.chat
          .stopStream({ channel: this.target.channel, ts: this.#ts })
          .catch(() => undefined);
      await this.client.chat.update({
        channel: this.target.channel,
        ts: this.#ts,
        text: text.slice(0, 3000),
        blocks: body,
      });
    } else {
      await this.client.chat.postMessage({
        channel: this.target.channel,
        thread_ts: this.target.threadTs,
        text: text.slice(0, 3000),
        blocks: body,
      });
    }
  }
}
