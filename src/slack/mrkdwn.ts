/**
 * Slack mrkdwn escaping for text taken from notes. Slack reads `<…>` as links and mentions
 * (`<!channel>` would notify everyone) and `&` as an entity, so the three must be escaped in any
 * text we did not write ourselves (https://api.slack.com/reference/surfaces/formatting#escaping).
 */

/** Escapes `&`, `<`, `>` for Slack mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reverses {@link escapeMrkdwn}, for terminals. */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
