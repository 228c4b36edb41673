/** Registers slash commands. */

import type { App } from '@slack/bolt';
import type { CommandServices } from '../../../commands/handle-command.ts';
import { saaCommand } from './saa-command.ts';

/** Registers `/saa`. */
export function registerCommands(app: App, services: CommandServices): void {
  app.command('/saa', saaCommand(services));
}
