/**
 * One turn of the event loop: resolves after the I/O callbacks already waiting have run
 * (`setImmediate`, which runs after the poll phase; `setTimeout(0)` or a resolved promise would
 * not let waiting sockets be read). Used between an ack and the slow work it promised, so the
 * other requests on the socket are acked within Slack's 3 s
 * (https://api.slack.com/interactivity/handling#acknowledgment_response), and between slices of a
 * long computation. Never rejects.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
