/**
 * Makes Slack mrkdwn that came back to us from outside (a button value, which anyone holding the
 * signing secret can forge, issue 9 item 10) safe to post: every raw `<` and `>` becomes an
 * entity, so `<!channel>`, `<@U…>` and `<url|label>` show as text instead of notifying or linking,
 * and a bare `&` becomes `&amp;`. Entities already there (`&amp;`, `&lt;`, `&gt;`) and emphasis
 * (`*bold*`, `_italic_`) are kept, so text we escaped ourselves (answers are built with
 * `escapeMrkdwn`, which leaves no raw `<` or `>`) reads exactly as before.
 * Rule: https://api.slack.com/reference/surfaces/formatting#escaping
 */

/** `text` with raw `<`, `>` and entity-less `&` escaped; idempotent. */
export function defuseMrkdwn(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
