/**
 * One answerer per notes folder, picked by workspace (issue 14, item 1): a deployment that serves
 * several teams answers each from the folder its operator set for it (`saa workspace --notes`),
 * and every other workspace from NOTES_DIR. A folder's notes and index are opened once, on first
 * use or at start (`open`), and shared by the workspaces that name it. A workspace's folder is
 * read again after {@link SETTINGS_TTL_MS}, so a change reaches running processes without a
 * restart. What cannot be read (the database down, a folder gone) falls back to the last folder
 * known for that workspace, else to NOTES_DIR, and is logged once per cause: never an error
 * shown to the learner.
 */

import type { Answerer } from './answerer.ts';

/** How long a workspace's notes folder is kept before it is read again (ms). */
export const SETTINGS_TTL_MS = 60_000;

/** Picks a workspace's answerer (implemented by {@link TeamAnswerers}). */
export interface AnswerersByTeam {
  /**
   * The workspace's answerer when it is at hand without waiting (its folder known and open), else
   * undefined; either way the folder is read or opened in the background for the next question.
   */
  ready(teamId: string): Answerer | undefined;
  /** The workspace's answerer, waiting while its folder is read or opened. Never throws. */
  forTeam(teamId: string | undefined): Promise<Answerer>;
}

/** The services that answer: one answerer for all, or one per workspace when `answerers` is set. */
export interface AnswerSource {
  answerer: Answerer;
  answerers?: AnswerersByTeam;
}

/** The answerer for `teamId` if at hand now (a Slack ack cannot wait on a folder being indexed). */
export function answererNow(source: AnswerSource, teamId: string): Answerer | undefined {
  return source.answerers ? source.answerers.ready(teamId) : source.answerer;
}

/** The answerer for `teamId`, waiting for it if need be. Never throws. */
export async function answererOf(source: AnswerSource, teamId: string | undefined): Promise<Answerer> {
  return source.answerers ? source.answerers.forTeam(teamId) : source.answerer;
}

/** What {@link TeamAnswerers} is built from. */
export interface TeamAnswerersOptions {
  /** The answerer over NOTES_DIR. */
  fallback: Answerer;
  /** The workspace's own notes folder, or null (a settings read; may throw when the database is down). */
  notesDirOf(teamId: string): Promise<string | null>;
  /** Opens an answerer over `dir` (loads the notes, builds or loads the index). @throws when it cannot. */
  open(dir: string): Promise<Answerer>;
  log: Pick<Console, 'warn' | 'error'>;
  /** Clock (ms since the epoch). */
  now?: () => number;
}

/** The answerer for each workspace. */
export class TeamAnswerers implements AnswerersByTeam {
  readonly #o: TeamAnswerersOptions;
  readonly #dirs = new Map<string, { dir: string | null; at: number }>();
  readonly #byDir = new Map<string, Promise<Answerer>>();
  readonly #open = new Map<string, Answerer>();
  readonly #reading = new Map<string, Promise<string | null>>();
  readonly #said = new Set<string>();

  constructor(options: TeamAnswerersOptions) {
    this.#o = options;
  }

  /** The answerer over NOTES_DIR. */
  get fallback(): Answerer {
    return this.#o.fallback;
  }

  /**
   * The answerer for workspace `teamId` (none: NOTES_DIR's). Waits while its folder is opened the
   * first time (seconds for a large folder). Never throws.
   */
  async forTeam(teamId: string | undefined): Promise<Answerer> {
    if (!teamId) return this.#o.fallback;
    const dir = await this.#dirOf(teamId);
    return dir ? this.#answererFor(dir) : this.#o.fallback;
  }

  ready(teamId: string): Answerer | undefined {
    const known = this.#dirs.get(teamId);
    if (!known) {
      void this.forTeam(teamId);
      return undefined;
    }
    // Stale: answer as known now, and read the folder again for the next question.
    if ((this.#o.now ?? Date.now)() - known.at >= SETTINGS_TTL_MS) void this.forTeam(teamId);
    return known.dir ? this.#open.get(known.dir) : this.#o.fallback;
  }

  /** Opens `dirs` ahead of their first question (at start). Never throws. */
  async warm(dirs: readonly string[]): Promise<void> {
    await Promise.all([...new Set(dirs)].map((d) => this.#answererFor(d)));
  }

  async #dirOf(teamId: string): Promise<string | null> {
    const now = (this.#o.now ?? Date.now)();
    const known = this.#dirs.get(teamId);
    if (known && now - known.at < SETTINGS_TTL_MS) return known.dir;
    // One read per workspace at a time: a question and its ack's `ready` share it.
    let reading = this.#reading.get(teamId);
    if (!reading) {
      reading = this.#readDir(teamId, now, known).finally(() => this.#reading.delete(teamId));
      this.#reading.set(teamId, reading);
    }
    return reading;
  }

  async #readDir(
    teamId: string,
    now: number,
    known: { dir: string | null } | undefined,
  ): Promise<string | null> {
    try {
      const dir = await this.#o.notesDirOf(teamId);
      this.#dirs.set(teamId, { dir, at: now });
      return dir;
    } catch (err) {
      this.#sayOnce(`settings:${teamId}`, () =>
        this.#o.log.warn(
          `workspace ${teamId}: its notes folder could not be read (${(err as Error).message}); answering from ${known?.dir ?? 'NOTES_DIR'}`,
        ),
      );
      return known?.dir ?? null;
    }
  }

  async #answererFor(dir: string): Promise<Answerer> {
    let opening = this.#byDir.get(dir);
    if (!opening) {
      opening = this.#o.open(dir).then(
        (a) => {
          this.#said.delete(`open:${dir}`);
          this.#open.set(dir, a);
          return a;
        },
        (err: Error) => {
          // Tried again on the next question: the folder may be mounted later.
          this.#byDir.delete(dir);
          this.#sayOnce(`open:${dir}`, () =>
            this.#o.log.error(
              `notes folder ${dir} cannot be opened (${err.message}); answering from NOTES_DIR`,
            ),
          );
          return this.#o.fallback;
        },
      );
      this.#byDir.set(dir, opening);
    }
    return opening;
  }

  #sayOnce(key: string, say: () => void): void {
    if (this.#said.has(key)) return;
    this.#said.add(key);
    say();
  }
}
