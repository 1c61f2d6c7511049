// Every import kind, by name.
import { accidentsKind } from './accidents.kind.js';
import { activitiesKind } from './activities.kind.js';
import { diseasesKind } from './diseases.kind.js';
import { employmentKind } from './employment.kind.js';
import type { ImportKind, KindDefinition } from './kind.js';
import { observationsKind } from './observations.kind.js';
import { targetsKind } from './targets.kind.js';
import { workplacesKind } from './workplaces.kind.js';

export const KINDS: Record<ImportKind, KindDefinition> = {
  observations: observationsKind,
  employment: employmentKind,
  accidents: accidentsKind,
  diseases: diseasesKind,
  targets: targetsKind,
  activities: activitiesKind,
  workplaces: workplacesKind,
};

export { IMPORT_KINDS, type ImportKind, type KindDefinition } from './kind.js';
