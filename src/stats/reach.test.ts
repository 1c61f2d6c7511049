// Reach and spend (METHODS §11), each figure against one worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  activityYear,
  bookingMonth,
  burnDown,
  costPerWorkplace,
  daysBetween,
  daysLeft,
  FLAG_DAYS,
  poolFlag,
  type ReachActivity,
  reachCells,
  reachedTotals,
  reachShare,
  type SpendActivity,
  spendOf,
} from './reach.js';

const spend = (
  status: SpendActivity['status'],
  cost: number | null,
  periodStart: string,
  periodEnd: string | null,
): SpendActivity => ({ status, cost, periodStart, periodEnd });

describe('when an activity counts', () => {
  it('counts in the year its period ends, the start year while it has no end', () => {
    expect(activityYear('2024-11-01', '2025-02-28')).toBe(2025);
    expect(activityYear('2024-11-01', null)).toBe(2024);
  });

  it('books its cost in the month its period ends, the start month while it has no end', () => {
    expect(bookingMonth('2024-11-01', '2025-02-28')).toBe('2025-02');
    expect(bookingMonth('2024-11-15', null)).toBe('2024-11');
  });
});

describe('spend', () => {
  const activities = [
    spend('done', 100_000, '2025-01-10', '2025-03-31'),
    spend('running', 50_000, '2025-02-01', '2025-06-30'),
    spend('cancelled', 20_000, '2025-01-01', '2025-01-31'),
    spend('planned', 70_000, '2025-09-01', '2025-12-31'),
    spend('done', null, '2025-04-01', '2025-04-30'),
  ];

  it('counts running, done and cancelled costs as spent and planned ones as committed', () => {
    // spent 100,000 + 50,000 + 20,000 = 170,000; committed 70,000; 500,000 − 170,000 = 330,000; − 70,000 = 260,000.
    expect(spendOf(500_000, activities)).toEqual({
      spent: 170_000,
      committed: 70_000,
      remaining: 330_000,
      remainingAfterCommitments: 260_000,
    });
  });

  it('goes below zero when more is spent than the pool holds', () => {
    expect(spendOf(100_000, activities).remaining).toBe(-70_000);
  });

  it('burns down month by month from the pool’s start to today, with future bookings of the pool included', () => {
    // Booked: 2025-01 20,000 (cancelled), 2025-03 100,000, 2025-06 50,000 (running, ends in June); planned never.
    const months = burnDown(
      { amount: 500_000, periodStart: '2025-01-01', periodEnd: '2026-12-31' },
      '2025-04-15',
      activities,
    );
    expect(months).toEqual([
      { month: '2025-01', spent: 20_000, cumulative: 20_000, remaining: 480_000 },
      { month: '2025-02', spent: 0, cumulative: 20_000, remaining: 480_000 },
      { month: '2025-03', spent: 100_000, cumulative: 120_000, remaining: 380_000 },
      { month: '2025-04', spent: 0, cumulative: 120_000, remaining: 380_000 },
      { month: '2025-05', spent: 0, cumulative: 120_000, remaining: 380_000 },
      { month: '2025-06', spent: 50_000, cumulative: 170_000, remaining: 330_000 },
    ]);
  });

  it('stops at the pool’s end and shows spending outside its period in its first or last month', () => {
    const months = burnDown(
      { amount: 1000, periodStart: '2025-02-10', periodEnd: '2025-04-20' },
      '2027-01-01',
      [spend('done', 100, '2024-12-01', '2025-01-15'), spend('done', 200, '2025-03-01', '2025-07-31')],
    );
    expect(months.map((m) => [m.month, m.spent, m.cumulative, m.remaining])).toEqual([
      ['2025-02', 100, 100, 900],
      ['2025-03', 0, 100, 900],
      ['2025-04', 200, 300, 700],
    ]);
  });

  it('shows the first month for a pool that has not started', () => {
    expect(
      burnDown({ amount: 5, periodStart: '2030-01-01', periodEnd: '2031-01-01' }, '2026-01-01', []),
    ).toEqual([{ month: '2030-01', spent: 0, cumulative: 0, remaining: 5 }]);
  });

  it('crosses a year boundary in its months', () => {
    const months = burnDown(
      { amount: 10, periodStart: '2025-11-01', periodEnd: '2026-12-31' },
      '2026-02-01',
      [],
    );
    expect(months.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('days left and the flag', () => {
  it('counts calendar days, leap days too', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysLeft('2026-12-31', '2026-06-30')).toBe(184);
    expect(daysLeft('2026-12-31', '2026-12-31')).toBe(0);
    expect(daysLeft('2026-12-31', '2027-01-05')).toBe(0);
  });

  it('flags a pool ending within 365 days with money left, not one ending a day later', () => {
    const today = '2026-01-01';
    // 2026-01-01 + 365 days = 2027-01-01.
    const at = poolFlag({ periodEnd: '2027-01-01', today, remaining: 1, activitiesLeft: 0 });
    expect(at).toMatchObject({ flagged: true, daysLeft: FLAG_DAYS, endsWithinYear: true, moneyLeft: true });
    const after = poolFlag({ periodEnd: '2027-01-02', today, remaining: 1, activitiesLeft: 0 });
    expect(after).toMatchObject({ flagged: false, daysLeft: 366, endsWithinYear: false });
  });

  it('flags for activities left even when the money is gone, and not with neither left', () => {
    const base = { periodEnd: '2026-03-01', today: '2026-01-01' };
    expect(poolFlag({ ...base, remaining: 0, activitiesLeft: 2 })).toMatchObject({
      flagged: true,
      moneyLeft: false,
      activitiesLeft: true,
    });
    expect(poolFlag({ ...base, remaining: -10, activitiesLeft: 0 }).flagged).toBe(false);
  });

  it('does not flag a pool that has ended, and flags one on its last day', () => {
    expect(
      poolFlag({ periodEnd: '2025-12-31', today: '2026-01-01', remaining: 9, activitiesLeft: 1 }),
    ).toMatchObject({
      flagged: false,
      ended: true,
      daysLeft: 0,
    });
    expect(
      poolFlag({ periodEnd: '2026-01-01', today: '2026-01-01', remaining: 9, activitiesLeft: 0 }).flagged,
    ).toBe(true);
  });
});

describe('reach', () => {
  const activity = (over: Partial<ReachActivity>): ReachActivity => ({
    bfa: 'voa',
    status: 'done',
    periodStart: '2025-01-01',
    periodEnd: '2025-06-30',
    reachedWorkplaces: 10,
    reachedParticipants: 40,
    branchGroups: ['butikker'],
    ...over,
  });

  it('sums activities per BFA, branch group and year; several groups apart; cancelled ones not at all', () => {
    const cells = reachCells([
      activity({}),
      activity({ status: 'running', reachedWorkplaces: 5, reachedParticipants: 7, periodEnd: null }),
      activity({ reachedWorkplaces: null, reachedParticipants: 3 }),
      activity({ status: 'cancelled', reachedWorkplaces: 99 }),
      activity({ branchGroups: ['butikker', 'engros'], reachedWorkplaces: 8, reachedParticipants: 8 }),
      activity({ branchGroups: ['engros', 'engros'], reachedWorkplaces: 2, reachedParticipants: 1 }),
      activity({ branchGroups: [], reachedWorkplaces: 4, reachedParticipants: 4 }),
      activity({ bfa: 'ba', branchGroups: ['anlaeg'], periodStart: '2024-03-01', periodEnd: '2024-04-01' }),
    ]);
    expect(cells).toEqual([
      {
        bfa: 'ba',
        branch: 'anlaeg',
        placement: 'branch',
        year: 2024,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 10,
        reachedParticipants: 40,
      },
      {
        bfa: 'voa',
        branch: 'butikker',
        placement: 'branch',
        year: 2025,
        // Workplaces 10 + 5 + nothing reported, participants 40 + 7 + 3; the running one without an end counts in
        // its start year, 2025.
        activities: 3,
        unreported: 1,
        reachedWorkplaces: 15,
        reachedParticipants: 50,
      },
      {
        bfa: 'voa',
        branch: 'engros',
        placement: 'branch',
        year: 2025,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 2,
        reachedParticipants: 1,
      },
      {
        bfa: 'voa',
        branch: null,
        placement: 'several',
        year: 2025,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 8,
        reachedParticipants: 8,
      },
      {
        bfa: 'voa',
        branch: null,
        placement: 'none',
        year: 2025,
        activities: 1,
        unreported: 0,
        reachedWorkplaces: 4,
        reachedParticipants: 4,
      },
    ]);
  });

  it('gives the share over its denominator, and says why when there is none', () => {
    expect(reachShare(15, 300)).toEqual({ share: 0.05, missing: null });
    expect(reachShare(15, null)).toEqual({ share: null, missing: 'no_denominator' });
    expect(reachShare(15, 0)).toEqual({ share: null, missing: 'zero_denominator' });
    expect(reachShare(8, 300, false)).toEqual({ share: null, missing: 'not_placed' });
    // An upper bound may pass 1: it is reported, not capped.
    expect(reachShare(450, 300).share).toBe(1.5);
  });

  it('totals the reach of a pool’s activities, cancelled ones left out', () => {
    expect(
      reachedTotals([
        activity({}),
        activity({ status: 'cancelled', reachedWorkplaces: 99, reachedParticipants: 99 }),
        activity({ status: 'planned', reachedWorkplaces: null, reachedParticipants: null }),
        activity({ reachedWorkplaces: 5, reachedParticipants: 6 }),
      ]),
    ).toEqual({ activities: 3, reachedWorkplaces: 15, reachedParticipants: 46 });
  });

  it('gives the cost per workplace reached, none when nothing was reached', () => {
    expect(costPerWorkplace(170_000, 40)).toBe(4250);
    expect(costPerWorkplace(170_000, 0)).toBeNull();
  });
});
