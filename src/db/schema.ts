// Table types of Måltal's one schema (camelCase here; snake_case in the database through CamelCasePlugin).
import type { Generated } from 'kysely';

/** Flags are stored as 0/1 integers on both dialects (SQLite has no boolean type). */
export type Flag = 0 | 1;

export interface MetaTable {
  key: string;
  value: string;
}

export interface GoalTable {
  id: number;
  code: string;
  areaDa: string;
  areaEn: string;
  titleDa: string;
  titleEn: string;
  directionDa: string;
  directionEn: string;
  sourceUrl: string;
  caveat: string;
}

export interface SubProblemTable {
  id: Generated<number>;
  goalId: number;
  code: string;
  nameDa: string;
  nameEn: string;
  sourceUrl: string;
  caveat: string;
}

export interface BfaTable {
  id: Generated<number>;
  code: string;
  short: string;
  nameDa: string;
  nameEn: string;
  scope: string;
  sourceUrl: string;
  caveat: string;
}

export interface MainGroupTable {
  id: Generated<number>;
  code: string;
  nameDa: string;
  nameEn: string;
  sortOrder: number;
}

export interface BranchGroupTable {
  id: Generated<number>;
  code: string;
  mainGroupId: number;
  nameDa: string;
  nameEn: string;
  nameSeenOnOfficialPage: string;
  sourceUrl: string;
  caveat: string;
  sortOrder: number;
}

export interface BranchGroupOwnerTable {
  branchGroupId: number;
  bfaId: number;
  basis: string;
  note: string;
}

export interface SubBranchTable {
  id: Generated<number>;
  code: string;
  branchGroupId: number;
  nameDa: string;
  nameEn: string;
  sourceUrl: string;
  caveat: string;
}

export interface BranchProblemTable {
  id: Generated<number>;
  scopeKey: string;
  branchGroupId: number;
  subBranchId: number | null;
  goalId: number;
  subProblemId: number | null;
  columnReading: string;
  bfaId: number | null;
  sourceUrl: string;
  caveat: string;
}

export interface IndustryCodeTable {
  id: Generated<number>;
  classification: string;
  code: string;
  branchGroupId: number;
  subBranchId: number | null;
  sourceUrl: string;
  caveat: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  nameDa: string;
  nameEn: string;
  unit: string;
  polarity: string;
  dataSource: string;
  methodBreakNotesDa: string;
  methodBreakNotesEn: string;
  goalId: number | null;
  subProblemId: number | null;
  isDemo: Flag;
}

export interface TargetTable {
  id: Generated<number>;
  scopeKey: string;
  branchGroupId: number | null;
  subBranchId: number | null;
  goalId: number;
  subProblemId: number | null;
  createdAt: string;
  createdBy: string;
  isDemo: Flag;
}

export interface TargetRevisionTable {
  id: Generated<number>;
  targetId: number;
  revision: number;
  indicatorId: number;
  baselineYear: number;
  baselineValue: number;
  targetYear: number;
  targetValue: number;
  ownerBfaId: number | null;
  status: string;
  notes: string;
  revisedAt: string;
  revisedBy: string;
  reason: string;
  isDemo: Flag;
  batchId: Generated<number | null>;
}

export interface ObservationTable {
  id: Generated<number>;
  indicatorId: number;
  scopeKey: string;
  branchGroupId: number | null;
  subBranchId: number | null;
  year: number;
  periodLabel: string;
  value: number;
  count: number | null;
  denominator: number | null;
  respondents: number | null;
  lowercl: number | null;
  uppercl: number | null;
  confidence: number | null;
  source: string;
  seriesLabel: string;
  seriesBreak: Flag;
  isDemo: Flag;
  batchId: Generated<number | null>;
}

export interface EmploymentTable {
  id: Generated<number>;
  branchGroupId: number;
  year: number;
  ageBand: string;
  sex: string;
  employed: number;
  source: string;
  isDemo: Flag;
  batchId: Generated<number | null>;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  format: string;
  sourceLabel: string;
  /** JSON: the detected and given settings (encoding, delimiter, sheet, mapping, …). */
  settings: string;
  rowCount: number;
  replacedCount: Generated<number>;
  status: string;
  importedAt: string;
  importedBy: string;
  rolledBackAt: string | null;
  rolledBackBy: string | null;
  rollbackReason: string | null;
}

export interface ImportReplacedRowTable {
  id: Generated<number>;
  batchId: number;
  tableName: string;
  /** JSON of the removed row, as read from the database. */
  rowData: string;
}

export interface AccidentTable {
  id: Generated<number>;
  batchId: number;
  caseId: string | null;
  registrationDate: string;
  registrationYear: number;
  accidentDate: string | null;
  accidentYear: number | null;
  /** Null when the record's industry code is a valid DB07 code that no branch group covers yet. */
  branchGroupId: number | null;
  industryCode: string | null;
  classification: string | null;
  age: number | null;
  ageBand: string;
  sex: string;
  daysLost: number | null;
  severity: string;
  injuryType: string | null;
  bodyPart: string | null;
  deviation: string | null;
  contactMode: string | null;
  materialAgent: string | null;
  fatal: Flag;
  /** For a record without a branch group: the main group its code's division belongs to, when that is known. */
  mainGroupId: number | null;
}

/** Accidents per batch and leaf cell; the public statistics are built from these, never from the records. */
export interface AccidentAggregateTable {
  batchId: number;
  /** 'registration' (counted by registration year) or 'accident' (by accident year; undated records left out). */
  convention: string;
  year: number;
  branchGroupId: number;
  ageBand: string;
  sex: string;
  /** The record's severity, with every fatal accident counted as 'fatal'. */
  severity: string;
  chemical: Flag;
  accidents: number;
  /** Sum of days lost over the records that state them. */
  daysLost: number;
  /** How many records state their days lost. */
  daysKnown: number;
}

/** Accidents without a branch group per batch and leaf cell; the main group is null when it is not known. */
export interface AccidentUnmappedAggregateTable extends Omit<AccidentAggregateTable, 'branchGroupId'> {
  mainGroupId: number | null;
}

/** Per batch, records counted by their cell and the raw codes the chemical setting reads (base-cube.ts). */
export interface AccidentBaseTable {
  batchId: number;
  registrationYear: number;
  accidentYear: number | null;
  branchGroupId: number | null;
  mainGroupId: number | null;
  ageBand: string;
  sex: string;
  severity: string;
  injuryType: string | null;
  contactMode: string | null;
  materialAgent: string | null;
  accidents: number;
  daysLost: number;
  daysKnown: number;
}

/** Per convention and year, the cells the disclosure audit left hidden and the figures they were computed for. */
export interface DisclosureProtectionTable {
  convention: string;
  year: number;
  /** SHA-256 of the year's cube (values, counts, exemptions) and the suppression settings. */
  fingerprint: string;
  /** Base64 bitmap over the year's cube cells: 1 = hidden. */
  hidden: string;
  /** Cells hidden on the audit's account, beyond the line rules. */
  addedCells: number;
  rounds: number;
  computedAt: string;
}

export interface DiseaseCaseTable {
  id: Generated<number>;
  batchId: number;
  year: number;
  aesGroup: string;
  diseaseType: string;
  reported: number;
  recognised: number | null;
  source: string;
}

export type Role = 'admin' | 'steward' | 'bfa_editor' | 'viewer';

export interface AppUserTable {
  id: Generated<number>;
  /** Lower-case. */
  email: string;
  name: string;
  role: Role;
  /** The BFA a `bfa_editor` works for (null for every other role). */
  bfaId: number | null;
  /** 0/1: a disabled user cannot log in and has no sessions. */
  active: number;
  /** argon2id PHC string; null until a password is set. */
  passwordHash: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  isDemo: Generated<number>;
}

export interface UserSessionTable {
  /** SHA-256 of the session id (the id itself is only in the user's cookie). */
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  /** SHA-256 of the token (the token is shown once, to its owner). */
  tokenHash: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface PasswordResetTable {
  codeHash: string;
  userId: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

/** Failed logins per key (`account:EMAIL` or `address:IP`), shared by every app instance on the database. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil: string;
}

export interface TargetCommentTable {
  id: Generated<number>;
  targetId: number;
  body: string;
  writtenBy: number;
  writtenAt: string;
}

/** One write, recorded once; rows are never changed (triggers refuse it) and each chains the previous row's hash. */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actorKind: 'user' | 'token' | 'cli' | 'anonymous';
  actorId: number | null;
  actorLabel: string;
  requestId: string | null;
  /** The client's address, or `cli`. */
  clientAddress: string;
  action: string;
  entity: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  prevHash: string;
  hash: string;
}

/** Columns every editable record of the BFAs' work carries (migration 2026-12-03T1300-bfa-work). */
export interface EditableColumns {
  /** 0: a draft, seen only by its BFA, the secretariat and stewards; 1: public. */
  published: Generated<Flag>;
  publishedAt: string | null;
  /** Optimistic locking: a save names the version it started from and bumps it. */
  version: Generated<number>;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  isDemo: Generated<Flag>;
}

export interface FundingPoolTable extends EditableColumns {
  id: Generated<number>;
  name: string;
  /** E.g. "Akt 65 2020". */
  legalBasis: string;
  amountDkk: number;
  periodStart: string;
  periodEnd: string;
  purpose: string;
}

export interface FundingPoolShareTable {
  poolId: number;
  bfaId: number;
  amountDkk: number;
}

export interface CampaignTable extends EditableColumns {
  id: Generated<number>;
  /** Null: a campaign of the council or several BFAs (edited by the secretariat). */
  bfaId: number | null;
  title: string;
  description: string;
  /** JSON array of channel names. */
  channels: string;
  periodStart: string;
  periodEnd: string | null;
  reachedPeople: number | null;
  reachedWorkplaces: number | null;
  impressions: number | null;
  reachNote: string;
}

export type ActivityType =
  | 'workplace_visit'
  | 'dialogue_meeting'
  | 'course'
  | 'guidance_material'
  | 'network'
  | 'campaign_activity'
  | 'other';
export type ActivityStatus = 'planned' | 'running' | 'done' | 'cancelled';

export interface WorkActivityTable extends EditableColumns {
  id: Generated<number>;
  bfaId: number;
  title: string;
  activityType: ActivityType;
  periodStart: string;
  periodEnd: string | null;
  plannedWorkplaces: number | null;
  plannedParticipants: number | null;
  reachedWorkplaces: number | null;
  reachedParticipants: number | null;
  costDkk: number | null;
  fundingPoolId: number | null;
  campaignId: number | null;
  status: ActivityStatus;
  /** Plain text or a safe Markdown subset, rendered escaped. */
  notes: string;
  /** The `activities` import that brought it, if any. */
  batchId: number | null;
}

export interface WorkActivityBranchTable {
  activityId: number;
  branchGroupId: number;
  subBranchId: number | null;
}

export interface WorkActivityTargetTable {
  activityId: number;
  targetId: number;
}

export interface WorkEvidenceTable {
  id: Generated<number>;
  activityId: number;
  kind: 'link' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  content: Buffer | null;
  addedAt: string;
  addedBy: string;
}

export type PilotDesign = 'proportions' | 'rates';

export interface PilotTable extends EditableColumns {
  id: Generated<number>;
  bfaId: number;
  title: string;
  description: string;
  interventionGroup: string;
  comparisonGroup: string;
  /** What was measured (e.g. "share of seniors still employed after 12 months"). */
  outcome: string;
  design: PilotDesign;
  periodStart: string;
  periodEnd: string | null;
  beforeLabel: string;
  afterLabel: string;
  /** METHODS §10: x events of n (people, or person-time for rates) per group (i/c) and period (0 before, 1 after). */
  xI0: number | null;
  nI0: number | null;
  xI1: number | null;
  nI1: number | null;
  xC0: number | null;
  nC0: number | null;
  xC1: number | null;
  nC1: number | null;
}

export interface WorkplaceCountTable {
  id: Generated<number>;
  branchGroupId: number;
  year: number;
  workplaces: number;
  source: string;
  isDemo: Generated<Flag>;
  batchId: number | null;
}

export interface RecommendationTable extends EditableColumns {
  id: Generated<number>;
  topic: string;
  body: string;
  issuedOn: string;
  /** E.g. the minister, the Danish Working Environment Authority. */
  addressee: string;
  answerOn: string | null;
  answerText: string;
  answerUrl: string | null;
}

export type FollowUpStatus = 'open' | 'in_progress' | 'done' | 'dropped';

export interface FollowUpItemTable extends EditableColumns {
  id: Generated<number>;
  recommendationId: number;
  action: string;
  owner: string;
  dueOn: string;
  status: FollowUpStatus;
}

/** Every saved version of an editable record, as JSON: its history and the base of a conflict report. */
export interface RecordVersionTable {
  entity: string;
  entityId: number;
  version: number;
  stateJson: string;
  savedAt: string;
  savedBy: string;
}

export interface Database {
  meta: MetaTable;
  goal: GoalTable;
  subProblem: SubProblemTable;
  bfa: BfaTable;
  mainGroup: MainGroupTable;
  branchGroup: BranchGroupTable;
  branchGroupOwner: BranchGroupOwnerTable;
  subBranch: SubBranchTable;
  branchProblem: BranchProblemTable;
  industryCode: IndustryCodeTable;
  indicator: IndicatorTable;
  target: TargetTable;
  targetRevision: TargetRevisionTable;
  observation: ObservationTable;
  employment: EmploymentTable;
  importBatch: ImportBatchTable;
  importReplacedRow: ImportReplacedRowTable;
  accident: AccidentTable;
  accidentUnmappedAggregate: AccidentUnmappedAggregateTable;
  accidentAggregate: AccidentAggregateTable;
  accidentBase: AccidentBaseTable;
  disclosureProtection: DisclosureProtectionTable;
  diseaseCase: DiseaseCaseTable;
  appUser: AppUserTable;
  userSession: UserSessionTable;
  apiToken: ApiTokenTable;
  passwordReset: PasswordResetTable;
  loginThrottle: LoginThrottleTable;
  targetComment: TargetCommentTable;
  auditEvent: AuditEventTable;
  fundingPool: FundingPoolTable;
  fundingPoolShare: FundingPoolShareTable;
  campaign: CampaignTable;
  workActivity: WorkActivityTable;
  workActivityBranch: WorkActivityBranchTable;
  workActivityTarget: WorkActivityTargetTable;
  workEvidence: WorkEvidenceTable;
  pilot: PilotTable;
  workplaceCount: WorkplaceCountTable;
  recommendation: RecommendationTable;
  followUpItem: FollowUpItemTable;
  recordVersion: RecordVersionTable;
}
