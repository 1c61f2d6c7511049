// The public JSON shape of targets, shared by the HTTP API and `maaltal targets … --json`.
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import type { ProgressResult } from '../stats/index.js';
import { headlineOf, projectionWords } from './status-words.js';
import type { Named, Observation, Target, TargetHistory, WithheldObservation } from './targets.model.js';

const named = (value: Named | null) =>
  value === null ? null : { code: value.code, name: { da: value.nameDa, en: value.nameEn } };

export function presentObservation(observation: Observation) {
  return {
    year: observation.year,
    period: observation.periodLabel,
    value: observation.value,
    lowercl: observation.lowercl,
    uppercl: observation.uppercl,
    confidence: observation.confidence,
    count: observation.count,
    respondents: observation.respondents,
    source: observation.source,
    series: observation.seriesLabel,
    seriesBreak: observation.seriesBreak,
    demo: observation.isDemo,
    published: true,
  };
}

/** A withheld observation in a data steward's view: flagged, with the warning in Danish and English. */
function presentWithheld(observation: WithheldObservation) {
  return { ...presentObservation(observation), published: false, warning: observation.warning };
}

/** The status in words (Danish and English), as the pages and the CLI put it. */
function statusWords(assessment: ProgressResult, unit: string) {
  const { da, en } = headlineOf(assessment);
  return { headlineText: { da, en }, projectionText: projectionWords(assessment, unit) };
}

/** The headline of an assessment; the whole explanation is served at /api/v1/targets/:id/assessment. */
export function presentAssessmentSummary(assessment: ProgressResult | null, unit: string) {
  if (assessment === null) return null;
  return {
    status: assessment.status,
    headline: assessment.headline,
    ...statusWords(assessment, unit),
    uncertain: assessment.uncertain,
    r: assessment.r,
    range: assessment.range === null ? null : { worst: assessment.range.worst, best: assessment.range.best },
    projection:
      assessment.projection === null
        ? null
        : {
            year: assessment.projection.year,
            cagr: assessment.projection.cagr.value,
            lowercl: assessment.projection.cagr.lowercl,
            uppercl: assessment.projection.cagr.uppercl,
            verdict: assessment.projection.verdict,
            logLinear: assessment.projection.logLinear?.value ?? null,
          },
  };
}

export function presentAssessment(target: Target, demo: boolean) {
  const assessment = target.assessment;
  return {
    data: {
      targetId: target.id,
      key: target.key,
      ...(assessment === null
        ? { status: null, explanation: null }
        : {
            status: assessment.status,
            headline: assessment.headline,
            ...statusWords(assessment, target.indicator.unit),
            uncertain: assessment.uncertain,
            r: assessment.r,
            range: assessment.range,
            projection: assessment.projection,
            explanation: assessment.explanation,
          }),
    },
    meta: listMeta(demo),
  };
}

export function presentTarget(target: Target) {
  return {
    id: target.id,
    key: target.key,
    scope: target.scope,
    goal: { no: target.goal.no, ...named(target.goal) },
    subProblem: named(target.subProblem),
    mainGroup: named(target.mainGroup),
    branchGroup: named(target.branchGroup),
    subBranch: named(target.subBranch),
    indicator: {
      ...named(target.indicator),
      unit: target.indicator.unit,
      polarity: target.indicator.polarity,
      dataSource: target.indicator.dataSource,
      methodBreakNotes: { da: target.indicator.methodBreakNotesDa, en: target.indicator.methodBreakNotesEn },
    },
    owner: target.owner === null ? null : { short: target.owner.short, ...named(target.owner) },
    baseline: target.baseline,
    target: target.target,
    latest: target.latest === null ? null : presentObservation(target.latest),
    status: target.status,
    assessment: presentAssessmentSummary(target.assessment, target.indicator.unit),
    notes: target.notes,
    revision: target.revision,
    demo: target.isDemo,
  };
}

function listMeta(demo: boolean) {
  return demo ? { demo: true, demoLabel: { da: DEMO_LABEL_DA, en: DEMO_LABEL_EN } } : { demo: false };
}

export function presentTargetList(targets: Target[], demo: boolean) {
  return { data: targets.map(presentTarget), meta: { count: targets.length, ...listMeta(demo) } };
}

/** Published and (in a data steward's view) withheld observations, oldest first. */
function presentObservations(history: TargetHistory) {
  return [...history.observations.map(presentObservation), ...history.withheld.map(presentWithheld)].sort(
    (a, b) => a.year - b.year,
  );
}

const STEWARD_META = {
  unsuppressed: true,
  note: {
    da: 'Indeholder målinger, der ikke offentliggøres (published: false). Kun til datafolk.',
    en: 'Includes measurements that are not published (published: false). For data stewards only.',
  },
};

/** One target with its history; `steward` marks the view with withheld observations (never public). */
export function presentTargetHistory(history: TargetHistory, demo: boolean, steward = false) {
  return {
    data: {
      ...presentTarget(history.current),
      revisions: history.revisions.map((revision) => ({
        ...revision.revision,
        indicator: revision.indicator.code,
        owner: revision.owner?.code ?? null,
        baseline: revision.baseline,
        target: revision.target,
        status: revision.status,
        notes: revision.notes,
      })),
      observations: presentObservations(history),
    },
    meta: steward ? { ...listMeta(demo), ...STEWARD_META } : listMeta(demo),
  };
}
