/**
 * One pace per workspace for the reminder sweep (issue 12, item 3): Slack's rate limits are per
 * workspace (team_id), so each workspace gets its own gates and its own concurrency, created on
 * first use, while different workspaces proceed in parallel. Numbers and their sources:
 * REMINDER_WORKSPACE_* and REMINDER_OPEN_INTERVAL_MS in timeouts.ts.
 */

import pLimit, { type LimitFunction } from 'p-limit';
import { createPace, type Sleep } from './send-pace.ts';

/** The gates of one workspace within one sweep. */
export interface WorkspaceLane {
  /** Await before each chat.postMessage of this workspace (one per `postIntervalMs`). */
  post: () => Promise<void>;
  /** Await before each conversations.open of this workspace (one per `openIntervalMs`). */
  open: () => Promise<void>;
  /** Runs a person's whole reminder (claim to Slack's answer), at most `concurrency` at once. */
  limit: LimitFunction;
}

/** Per-workspace budget; intervals in ms. */
export interface WorkspaceBudget {
  postIntervalMs: number;
  openIntervalMs: number;
  concurrency: number;
  sleep: Sleep;
}

/** Returns the lane of a workspace, the same one for every call with the same `teamId`. */
export function createWorkspaceLanes(budget: WorkspaceBudget): (teamId: string) => WorkspaceLane {
  const lanes = new Map<string, WorkspaceLane>();
  return (teamId) => {
    let lane = lanes.get(teamId);
    if (!lane) {
      lane = {
        post: createPace(budget.postIntervalMs, budget.sleep),
        open: createPace(budget.openIntervalMs, budget.sleep),
        limit: pLimit(budget.concurrency),
      };
      lanes.set(teamId, lane);
    }
    return lane;
  };
}
