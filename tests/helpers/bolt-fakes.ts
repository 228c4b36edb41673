/**
 * Fakes of the arguments Bolt hands a listener (`ack`, `respond`, `logger`, `client`), for unit
 * tests of one listener without HTTP. They are Bolt's and Slack's, not our code: each records what
 * the listener did, and `fail` makes a Slack call (or `respond`) reject as Slack would when it is
 * down. The signed-HTTP tests in tests/slack stay the end-to-end layer.
 */

import { type AllMiddlewareArgs, type App, LogLevel } from '@slack/bolt';

/** One Web API call the listener made: its method name ("views.open") and arguments. */
export interface FakeCall {
  method: string;
  args: Record<string, unknown>;
}

/** One log line. */
export interface FakeLogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  args: unknown[];
}

/** The Web API methods the listeners call. */
const CLIENT_METHODS = [
  'views.open',
  'views.publish',
  'chat.postMessage',
  'chat.update',
  'assistant.threads.setStatus',
  'assistant.threads.setSuggestedPrompts',
] as const;

/**
 * A fresh set of fakes. `fail` lists what rejects: 'respond' and/or Web API method names.
 * Spread `args` into a listener's argument object with the payload (`command`, `action`, `body`…).
 */
export function boltFakes(options: { fail?: readonly string[] } = {}) {
  const fail = new Set(options.fail ?? []);
  const acks: unknown[] = [];
  const responses: Array<Record<string, unknown>> = [];
  const calls: FakeCall[] = [];
  const logs: FakeLogLine[] = [];
  const line =
    (level: FakeLogLine['level']) =>
    (...args: unknown[]) =>
      void logs.push({ level, args });
  const logger: AllMiddlewareArgs['logger'] = {
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    setLevel: () => undefined,
    getLevel: () => LogLevel.DEBUG,
    setName: () => undefined,
  };
  const client: Record<string, unknown> = {};
  for (const method of CLIENT_METHODS) {
    const path = method.split('.');
    let node = client;
    for (const part of path.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[path.at(-1) as string] = async (args: Record<string, unknown>) => {
      calls.push({ method, args });
      if (fail.has(method)) throw new Error(`${method} failed (fake)`);
      return { ok: true, ts: `${calls.length}.000100` };
    };
  }
  return {
    acks,
    responses,
    calls,
    logs,
    /** Log lines at `level`, as their first argument (the message). */
    logged: (level: FakeLogLine['level']) => logs.filter((l) => l.level === level).map((l) => l.args[0]),
    args: {
      ack: async (body?: unknown) => {
        acks.push(body);
      },
      respond: async (message: Record<string, unknown>) => {
        if (fail.has('respond')) throw new Error('response_url failed (fake)');
        responses.push(message);
        return { ok: true };
      },
      logger,
      client,
    },
  };
}

/**
 * The handler's argument, typed as the listener wants it: Bolt's own types need a whole request
 * (context, next, payload aliases…), of which a listener reads a few fields.
 */
export function listenerArgs<H extends (args: never) => unknown>(
  _handler: H,
  args: Record<string, unknown>,
): Parameters<H>[0] {
  return args as unknown as Parameters<H>[0];
}

/** A block_actions click: the clicker, their workspace, the trigger and the checkbox state. */
export function clickBody(
  user = 'U1',
  team = 'T1',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    user: { id: user, team_id: team, name: 'ada' },
    team: { id: team },
    trigger_id: `trigger-${user}`,
    ...extra,
  };
}

/** What a listener index registered on a {@link fakeApp}: the kind, the id or pattern, the handler. */
export interface Registration {
  kind: 'command' | 'action' | 'event' | 'view' | 'use';
  id: string;
  handler: (args: never) => Promise<void>;
}

/**
 * A stand-in for Bolt's `App` that records registrations (`command`, `action`, `event`, `view`,
 * `use`), so an index's registrations can be read and its handlers called directly.
 */
export function fakeApp() {
  const registered: Registration[] = [];
  const on =
    (kind: Registration['kind']) =>
    (id: string | RegExp, ...handlers: Array<(args: never) => Promise<void>>) => {
      for (const handler of handlers) registered.push({ kind, id: String(id), handler });
    };
  const app = {
    command: on('command'),
    action: on('action'),
    event: on('event'),
    view: on('view'),
    use: (handler: (args: never) => Promise<void>) => void registered.push({ kind: 'use', id: '*', handler }),
  };
  return {
    app: app as unknown as App,
    registered,
    /** The handlers registered for `kind` and `id`, in order. */
    handlers: (kind: Registration['kind'], id: string) =>
      registered
        .filter((r) => r.kind === kind && r.id === id)
        .map((r) => r.handler as (args: unknown) => Promise<void>),
  };
}
