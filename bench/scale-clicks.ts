/**
 * The clicks of the scale-out run (issue 14, item 3), built from the quiz messages as Slack holds
 * them (pure). Each posted message's own controls are clicked: a multiple-choice question's
 * option buttons, or a multiple-response question's checkboxes and Submit (with as many boxes
 * ticked as the Submit button asks). Three kinds of click:
 * - a first click: one (quiz, person) pair, the one answer that must count;
 * - a Slack retry: the same body again (same `trigger_id`) marked `X-Slack-Retry-Num: 1`;
 * - a double click: the same person on the same message again, a new interaction (new
 *   `trigger_id`), another option.
 * Duplicates follow their first click closely (within ~20 requests), so with dozens of requests
 * in flight they race it, usually through another bot process.
 */

import { buttonClickForm } from '../tests/helpers/signed-request.ts';

/** A posted daily quiz: its row and the blocks of its message on Slack. */
export interface PostedQuiz {
  teamId: string;
  channelId: string;
  quizId: number;
  messageTs: string;
  blocks: unknown[];
}

/** One request to send. `pair`: `quizId:userId`, the answer it is about; `responseId`: its response_url id. */
export interface PlannedClick {
  body: string;
  responseId: string;
  retry: boolean;
  pair: string;
  kind: 'first' | 'retry' | 'double';
}

/** How an answer is given on a message: one button per option, or ticks and a Submit. */
type Controls =
  | { kind: 'buttons'; buttons: Array<{ actionId: string; value: string }> }
  | { kind: 'submit'; actionId: string; pickActionId: string; value: string; keys: string[]; ticks: number };

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  text?: { text?: string };
  options?: Array<{ value?: string }>;
}

/** The daily-quiz answer controls of a message. @throws Error when the message has none. */
export function answerControls(blocks: unknown[]): Controls {
  const elements = blocks.flatMap((b) => ((b as { elements?: Element[] }).elements ?? []) as Element[]);
  const buttons = elements
    .filter((e) => e.type === 'button' && e.action_id?.startsWith('quiz_answer:'))
    .map((e) => ({ actionId: e.action_id ?? '', value: e.value ?? '' }));
  if (buttons.length > 0) return { kind: 'buttons', buttons };
  const pick = elements.find((e) => e.type === 'checkboxes' && e.action_id === 'quiz_pick');
  const submit = elements.find((e) => e.type === 'button' && e.action_id === 'quiz_submit');
  if (!pick || !submit) throw new Error('the quiz message has no answer buttons');
  return {
    kind: 'submit',
    actionId: 'quiz_submit',
    pickActionId: 'quiz_pick',
    value: submit.value ?? '',
    keys: (pick.options ?? []).map((o) => o.value ?? ''),
    ticks: Number(/Submit (\d+)/.exec(submit.text?.text ?? '')?.[1] ?? 2),
  };
}

/**
 * `clicks` requests over `quizzes`: three in four are first clicks (person `U<n>` of each
 * workspace answers its channel's quiz), the rest alternate retries and double clicks of earlier
 * first clicks. `responseUrl(id)`: where request `id`'s reply goes.
 */
export function planClicks(
  quizzes: PostedQuiz[],
  clicks: number,
  responseUrl: (id: string) => string,
): PlannedClick[] {
  const firsts = Math.max(1, Math.round(clicks * 0.75));
  const controls = quizzes.map((q) => answerControls(q.blocks));
  const form = (pair: number, variant: number, responseId: string) => {
    const quiz = quizzes[pair % quizzes.length] as PostedQuiz;
    const c = controls[pair % quizzes.length] as Controls;
    const common = {
      responseUrl: responseUrl(responseId),
      user: `U${Math.floor(pair / quizzes.length)}`,
      team: quiz.teamId,
      channel: quiz.channelId,
      messageTs: quiz.messageTs,
    };
    if (c.kind === 'buttons') {
      const b = c.buttons[(pair * 7 + variant) % c.buttons.length] as { actionId: string; value: string };
      return { ...buttonClickForm({ ...common, actionId: b.actionId, value: b.value }), pair: quiz.quizId };
    }
    const letters = variant === 0 ? c.keys.slice(0, c.ticks) : c.keys.slice(-c.ticks);
    return {
      ...buttonClickForm({
        ...common,
        actionId: c.actionId,
        value: c.value,
        ticked: { pickActionId: c.pickActionId, letters },
      }),
      pair: quiz.quizId,
    };
  };
  const planned: Array<PlannedClick & { order: number }> = [];
  for (let p = 0; p < firsts; p++) {
    const f = form(p, 0, `s${p}`);
    const pair = `${f.pair}:U${Math.floor(p / quizzes.length)}`;
    planned.push({
      body: new URLSearchParams({ payload: f.payload }).toString(),
      responseId: `s${p}`,
      retry: false,
      pair,
      kind: 'first',
      order: p,
    });
  }
  for (let r = 0; planned.length < clicks; r++) {
    const p = (r * 7919) % firsts;
    const original = planned[p] as PlannedClick;
    const order = p + 0.5 + (r % 20);
    if (r % 2 === 0) {
      const { body, responseId, pair } = original;
      planned.push({ body, responseId, retry: true, pair, kind: 'retry', order });
    } else {
      const responseId = `s${planned.length}`;
      const f = form(p, 1, responseId);
      const body = new URLSearchParams({ payload: f.payload }).toString();
      planned.push({ body, responseId, retry: false, pair: original.pair, kind: 'double', order });
    }
  }
  return planned.sort((a, b) => a.order - b.order).map(({ order: _order, ...click }) => click);
}
