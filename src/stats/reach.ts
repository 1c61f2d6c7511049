// Reach and spend of the BFAs' work (METHODS §11). Pure functions: no I/O, nothing of ours imported.
//
// Reach = workplaces (or participants) reached ÷ workplaces (or employed) in the branch group in that year. The
// activities report totals only, so the reached count is the SUM over activities: an upper bound of the distinct
// workplaces reached. Overlap between activities is unknown and never guessed: a workplace reached by several
// activities counts once per activity. An activity counts in the year its period ends (the start year while it has
// no end). An activity linked to exactly one branch group counts there; one linked to several cannot be split and
// counts in a row of its own ("several branch groups"), in no branch group's share. Cancelled activities reach
// nothing; planned ones count with whatever they have reported (normally nothing yet).
//
// Spend: the cost of activities drawing on a pool that are running, done or cancelled is spent, booked in the month
// their period ends (start month without an end); a planned activity's cost is committed, not spent. Remaining =
// amount − spent; remaining after commitments = amount − spent − committed. Cost per workplace reached = funding
// spent ÷ workplaces reached; as the reached count is an upper bound, the cost is a lower bound.

export type WorkStatus = 'planned' | 'running' | 'done' | 'cancelled';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD, a timestamp's date part is used). */
function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The year an activity counts in: the year its period ends, the start year while it has no end. */
export function activityYear(periodStart: string, periodEnd: string | null): number {
  return Number((periodEnd ?? periodStart).slice(0, 4));
}

/** The month (YYYY-MM) an activity's cost is booked in: the month its period ends, the start month without one. */
export function bookingMonth(periodStart: string, periodEnd: string | null): string {
  return (periodEnd ?? periodStart).slice(0, 7);
}

/** Running, done and cancelled activities have spent their cost; planned ones have only committed it. */
export function isSpent(status: WorkStatus): boolean {
  return status !== 'planned';
}

export interface SpendActivity {
  status: WorkStatus;
  /** DKK; null: no cost given (counts as 0). */
  cost: number | null;
  periodStart: string;
  periodEnd: string | null;
}

export interface Spend {
  spent: number;
  committed: number;
  /** amount − spent (negative when overspent). */
  remaining: number;
  /** amount − spent − committed. */
  remainingAfterCommitments: number;
}

export function spendOf(amount: number, activities: readonly SpendActivity[]): Spend {
  let spent = 0;
  let committed = 0;
  for (const activity of activities) {
    const cost = activity.cost ?? 0;
    if (isSpent(activity.status)) spent += cost;
    else committed += cost;
  }
  return {
    spent,
    committed,
    remaining: amount - spent,
    remainingAfterCommitments: amount - spent - committed,
  };
}

export interface BurnDownMonth {
  /** YYYY-MM. */
  month: string;
  /** Spent that month. */
  spent: number;
  /** Spent up to and including that month. */
  cumulative: number;
  /** amount − cumulative. */
  remaining: number;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Spending per month from the pool's first month to its last month or today's, whichever comes first; further when
 * spending is already booked in a later month of the pool (a running activity books its cost in the month it ends).
 * Spending booked before the pool starts is shown in its first month, after it ends in its last month, so the last
 * month's cumulative figure is always the pool's whole spending.
 */
export function burnDown(
  pool: { amount: number; periodStart: string; periodEnd: string },
  today: string,
  activities: readonly SpendActivity[],
): BurnDownMonth[] {
  const first = monthIndex(pool.periodStart);
  const end = Math.max(first, monthIndex(pool.periodEnd));
  const clamp = (index: number) => Math.min(end, Math.max(first, index));
  const byMonth = new Map<number, number>();
  for (const activity of activities) {
    if (!isSpent(activity.status)) continue;
    const index = clamp(monthIndex(bookingMonth(activity.periodStart, activity.periodEnd)));
    byMonth.set(index, (byMonth.get(index) ?? 0) + (activity.cost ?? 0));
  }
  const last = Math.max(clamp(monthIndex(today)), ...byMonth.keys());
  const months: BurnDownMonth[] = [];
  let cumulative = 0;
  for (let index = first; index <= last; index++) {
    const spent = byMonth.get(index) ?? 0;
    cumulative += spent;
    months.push({ month: monthOf(index), spent, cumulative, remaining: pool.amount - cumulative });
  }
  return months;
}

/** Calendar days from today to the pool's last day; 0 on its last day and after it has ended. */
export function daysLeft(periodEnd: string, today: string): number {
  return Math.max(0, daysBetween(today, periodEnd));
}

/** A pool is flagged when it ends within this many days (12 months) and has money or activities left. */
export const FLAG_DAYS = 365;

export interface PoolFlag {
  flagged: boolean;
  daysLeft: number;
  /** The pool's last day is today or within FLAG_DAYS days from today (and not past). */
  endsWithinYear: boolean;
  ended: boolean;
  moneyLeft: boolean;
  activitiesLeft: boolean;
}

/** Flagged: ends within 12 months (365 days, not yet ended) and has money (remaining > 0) or activities left. */
export function poolFlag(input: {
  periodEnd: string;
  today: string;
  remaining: number;
  activitiesLeft: number;
}): PoolFlag {
  const until = daysBetween(input.today, input.periodEnd);
  const ended = until < 0;
  const endsWithinYear = !ended && until <= FLAG_DAYS;
  const moneyLeft = input.remaining > 0;
  const activitiesLeft = input.activitiesLeft > 0;
  return {
    flagged: endsWithinYear && (moneyLeft || activitiesLeft),
    daysLeft: Math.max(0, until),
    endsWithinYear,
    ended,
    moneyLeft,
    activitiesLeft,
  };
}

/** Funding spent ÷ workplaces reached: a lower bound (the reached count is an upper bound); null for none reached. */
export function costPerWorkplace(spent: number, reachedWorkplaces: number): number | null {
  return reachedWorkplaces > 0 ? spent / reachedWorkplaces : null;
}

export interface ReachActivity {
  bfa: string;
  status: WorkStatus;
  periodStart: string;
  periodEnd: string | null;
  reachedWorkplaces: number | null;
  reachedParticipants: number | null;
  /** The branch groups the activity is linked to (codes; duplicates count once). */
  branchGroups: readonly string[];
}

/** Workplaces and participants reached by the activities in all (sums; cancelled activities reach nothing). */
export function reachedTotals(
  activities: readonly Pick<ReachActivity, 'status' | 'reachedWorkplaces' | 'reachedParticipants'>[],
): { activities: number; reachedWorkplaces: number; reachedParticipants: number } {
  let counted = 0;
  let reachedWorkplaces = 0;
  let reachedParticipants = 0;
  for (const activity of activities) {
    if (activity.status === 'cancelled') continue;
    counted += 1;
    reachedWorkplaces += activity.reachedWorkplaces ?? 0;
    reachedParticipants += activity.reachedParticipants ?? 0;
  }
  return { activities: counted, reachedWorkplaces, reachedParticipants };
}

/** Where an activity's reach counts: its one branch group, several (cannot be split), or none given. */
export type Placement = 'branch' | 'several' | 'none';

export interface ReachCell {
  bfa: string;
  /** The branch group's code; null for `several` and `none`. */
  branch: string | null;
  placement: Placement;
  year: number;
  /** Activities counted (cancelled ones are not). */
  activities: number;
  /** Of those, activities that have reported no reached workplaces. */
  unreported: number;
  /** Sum over the activities: an upper bound of the distinct workplaces reached. */
  reachedWorkplaces: number;
  reachedParticipants: number;
}

const PLACEMENT_ORDER: Record<Placement, number> = { branch: 0, several: 1, none: 2 };

/** Reach summed per BFA × branch group (or several / none) × year. */
export function reachCells(activities: readonly ReachActivity[]): ReachCell[] {
  const cells = new Map<string, ReachCell>();
  for (const activity of activities) {
    if (activity.status === 'cancelled') continue;
    const groups = [...new Set(activity.branchGroups)];
    const placement: Placement = groups.length === 1 ? 'branch' : groups.length > 1 ? 'several' : 'none';
    const branch = placement === 'branch' ? (groups[0] ?? null) : null;
    const year = activityYear(activity.periodStart, activity.periodEnd);
    const key = `${activity.bfa}\u0000${placement}\u0000${branch}\u0000${year}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = {
        bfa: activity.bfa,
        branch,
        placement,
        year,
        activities: 0,
        unreported: 0,
        reachedWorkplaces: 0,
        reachedParticipants: 0,
      };
      cells.set(key, cell);
    }
    cell.activities += 1;
    if (activity.reachedWorkplaces === null) cell.unreported += 1;
    cell.reachedWorkplaces += activity.reachedWorkplaces ?? 0;
    cell.reachedParticipants += activity.reachedParticipants ?? 0;
  }
  return [...cells.values()].sort(
    (a, b) =>
      a.bfa.localeCompare(b.bfa) ||
      a.year - b.year ||
      PLACEMENT_ORDER[a.placement] - PLACEMENT_ORDER[b.placement] ||
      (a.branch ?? '').localeCompare(b.branch ?? ''),
  );
}

/** Why a share could not be given. */
export type ShareMissing = 'not_placed' | 'no_denominator' | 'zero_denominator';

export interface ReachShare {
  /** reached ÷ denominator as a fraction (an upper bound; it may exceed 1); null when it cannot be given. */
  share: number | null;
  missing: ShareMissing | null;
}

/** The reached count over its denominator; `placed` false for activities of several (or no) branch groups. */
export function reachShare(reached: number, denominator: number | null, placed = true): ReachShare {
  if (!placed) return { share: null, missing: 'not_placed' };
  if (denominator === null) return { share: null, missing: 'no_denominator' };
  if (denominator <= 0) return { share: null, missing: 'zero_denominator' };
  return { share: reached / denominator, missing: null };
}
