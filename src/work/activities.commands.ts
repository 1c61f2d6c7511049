// Placeholder: `maaltal activities list|show` is being built.
import type { Command } from '../cli/command.js';

export const activityCommands: Command[] = [];
