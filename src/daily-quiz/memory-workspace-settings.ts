/**
 * {@link WorkspaceSettingsRepository} in memory: the same behaviour as the SQL one (the contract
 * tests in tests/storage/workspace-settings-repository.test.ts run on both). Not shared between
 * processes.
 */

import type { WorkspaceSettings, WorkspaceSettingsRepository } from './workspace-settings-ports.ts';

/** In-memory workspace settings. */
export class MemoryWorkspaceSettings implements WorkspaceSettingsRepository {
  readonly #settings = new Map<string, WorkspaceSettings>();

  async get(teamId: string): Promise<WorkspaceSettings | null> {
    const s = this.#settings.get(teamId);
    return s ? { ...s, updatedAt: new Date(s.updatedAt) } : null;
  }

  async save(settings: WorkspaceSettings): Promise<void> {
    this.#settings.set(settings.teamId, { ...settings, updatedAt: new Date(settings.updatedAt) });
  }
}
