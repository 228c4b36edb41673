/**
 * The ports of review reminders (issue 12, item 3): the stored settings (SQL in
 * src/storage/reminder-repository.ts, memory in memory-reminders.ts) and the way a reminder
 * reaches the person (Slack DM in src/slack/slack-reminder-messenger.ts).
 */

/** A person's reminder setting as stored. */
export interface ReminderSetting {
  teamId: string;
  userId: string;
  enabled: boolean;
  /** Local time of the reminder, minutes after midnight (0–1439). */
  minuteOfDay: number;
  /** IANA time zone the local time is read in (Slack `users.info` → `user.tz`). */
  timeZone: string;
  /** YYYY-MM-DD local date of the last reminder claimed; null before the first. */
  lastLocalDate: string | null;
  /** The person's DM channel with the bot, once opened; null before. */
  dmChannelId: string | null;
}

/** What `/saa remind on|off` stores; the rest of the row (last date, DM channel) is kept. */
export interface ReminderChange {
  teamId: string;
  userId: string;
  enabled: boolean;
  minuteOfDay: number;
  timeZone: string;
  updatedAt: Date;
}

/** Stored reminder settings. */
export interface ReminderRepository {
  /** The person's setting; undefined when they never used `/saa remind on`. */
  get(teamId: string, userId: string): Promise<ReminderSetting | undefined>;
  /** Creates or changes the setting, keeping `lastLocalDate` and `dmChannelId`. */
  save(change: ReminderChange): Promise<void>;
  /**
   * Every enabled setting, all workspaces, ordered by team then user; on SQL not those of a
   * workspace whose erasure is pending (it uninstalled the app). On SQL the time zone is the
   * profile cache's (user_profiles) when it has the person, else the one stored at opt-in.
   */
  listEnabled(): Promise<ReminderSetting[]>;
  /**
   * Claims the reminder of `localDate` (YYYY-MM-DD): true for exactly one caller, and only while
   * the setting is enabled and its last reminder is of an earlier local date (so never two in
   * one local day, also when the person's time zone moved west).
   */
  claim(teamId: string, userId: string, localDate: string, now: Date): Promise<boolean>;
  /** Gives back a claim of `localDate` whose DM was certainly not sent, so a later sweep retries. */
  release(teamId: string, userId: string, localDate: string): Promise<void>;
  /** Remembers the person's DM channel (Slack conversations.open's answer). */
  saveDmChannel(teamId: string, userId: string, channelId: string): Promise<void>;
}

/** A reminder to send: cards due now (capped by today's review limit) and the time they take. */
export interface DueReminder {
  teamId: string;
  userId: string;
  /** Cards due, at least 1. */
  cards: number;
  /** Estimated minutes to review them (review-time-estimate.ts), at least 1. */
  minutes: number;
  /** The local date this reminder is for (YYYY-MM-DD). */
  localDate: string;
}

/**
 * Sends a reminder as a direct message, in two calls the sweep paces apart (Slack limits them
 * separately): opening the person's DM channel (once; the sweep stores it), and posting.
 */
export interface ReminderMessenger {
  /**
   * Opens (or finds) the DM channel of `userId` in workspace `teamId` with the bot and resolves
   * with its id.
   * @throws ReminderNotSentError when no channel came back (Slack refused, rate-limited or failed;
   *   no token for the workspace).
   */
  openDm(teamId: string, userId: string): Promise<string>;
  /**
   * Posts the reminder in `channelId` once (no automatic retry).
   * @throws ReminderNotSentError when the reminder was certainly not posted (Slack refused the
   *   call, or rate-limited it); any other error (timeout, 5xx) leaves it unknown.
   */
  sendReminder(reminder: DueReminder, channelId: string): Promise<void>;
}

/** Slack certainly did not post the reminder: the claim may be given back and retried. */
export class ReminderNotSentError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReminderNotSentError';
  }
}
