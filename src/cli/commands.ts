// Every CLI command, in the order `maaltal --help` lists them.
import { accidentCommands } from '../accidents/accidents.commands.js';
import { disclosureCommands } from '../accidents/disclosure.commands.js';
import { industryCodeCommands } from '../accidents/industry-codes.commands.js';
import { auditCommands } from '../audit/audit.commands.js';
import { userCommands } from '../auth/users.commands.js';
import { importCommands } from '../imports/imports.commands.js';
import { targetCommands } from '../targets/targets.commands.js';
import { activityCommands } from '../work/activities.commands.js';
import type { Command } from './command.js';
import { setupCommands } from './setup.commands.js';
import { statsCommands } from './stats.commands.js';

export const COMMANDS: Command[] = [
  ...setupCommands,
  ...targetCommands,
  ...importCommands,
  ...activityCommands,
  ...accidentCommands,
  ...disclosureCommands,
  ...industryCodeCommands,
  ...statsCommands,
  ...userCommands,
  ...auditCommands,
];
