// The public JSON shape of activities, shared by the HTTP API and `maaltal activities … --json`. Who created or
// changed a record (e-mail addresses) stays out of it; the version is in it, for the next save.
import { DEMO_LABEL_DA, DEMO_LABEL_EN } from '../demo/demo.generator.js';
import { type Activity, countsOf, type Evidence, type LinkedTarget, type Named } from './activities.model.js';
import { STATUS_LABELS, TYPE_LABELS } from './activities.texts.js';

const named = (value: Named | null) =>
  value === null ? null : { code: value.code, name: { da: value.nameDa, en: value.nameEn } };

function presentTarget(target: LinkedTarget) {
  return {
    id: target.id,
    goal: named(target.goal),
    subProblem: named(target.subProblem),
    branchGroup: named(target.branchGroup),
    subBranch: named(target.subBranch),
    href: `/maaltal/${target.id}`,
  };
}

function presentEvidence(activityId: number, evidence: Evidence) {
  return evidence.kind === 'link'
    ? { id: evidence.id, kind: 'link', title: evidence.title, url: evidence.url, addedAt: evidence.addedAt }
    : {
        id: evidence.id,
        kind: 'file',
        title: evidence.title,
        fileName: evidence.fileName,
        contentType: evidence.contentType,
        sizeBytes: evidence.sizeBytes,
        sha256: evidence.sha256,
        addedAt: evidence.addedAt,
        href: `/aktiviteter/${activityId}/bilag/${evidence.id}`,
      };
}

export function presentActivity(activity: Activity) {
  return {
    id: activity.id,
    bfa: {
      code: activity.bfa.code,
      short: activity.bfa.short,
      name: { da: activity.bfa.nameDa, en: activity.bfa.nameEn },
    },
    title: activity.title,
    type: activity.type,
    typeLabel: TYPE_LABELS[activity.type],
    branchGroups: activity.branches.map((branch) => ({
      ...named(branch.group),
      subBranch: named(branch.subBranch),
    })),
    targets: activity.targets.map(presentTarget),
    periodStart: activity.periodStart,
    periodEnd: activity.periodEnd,
    ...countsOf(activity),
    costDkk: activity.costDkk,
    fundingPool: activity.fundingPool,
    campaign: activity.campaign,
    status: activity.status,
    statusLabel: STATUS_LABELS[activity.status],
    notes: activity.notes,
    published: activity.published,
    publishedAt: activity.publishedAt,
    version: activity.version,
    updatedAt: activity.updatedAt,
    evidence: activity.evidence.map((item) => presentEvidence(activity.id, item)),
    demo: activity.isDemo,
  };
}

function meta(demo: boolean) {
  return demo ? { demo: true, demoLabel: { da: DEMO_LABEL_DA, en: DEMO_LABEL_EN } } : { demo: false };
}

export function presentActivityList(activities: Activity[], demo: boolean) {
  return { data: activities.map(presentActivity), meta: { count: activities.length, ...meta(demo) } };
}

export function presentActivityDetail(activity: Activity, demo: boolean) {
  return { data: presentActivity(activity), meta: meta(demo) };
}
