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

/** The workspace a click came from (`team.id`, or the user's `team_id` in shared channels); '' when absent. */
export function clickTeamId(body: { team?: { id?: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}
