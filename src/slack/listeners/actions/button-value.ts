/** The JSON a button carries in its `value` (max 2,000 chars, set by our own views). */

/** Parses a button value; a value that is not our JSON object (tampered, truncated) gives {}. */
export function buttonValue(value: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
