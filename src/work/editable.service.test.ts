// The pure parts of the service every editable record shares: what a save sets of the published flag and date
// (nothing when not asked, the first publication's date kept, withdrawing clears it), who may read a draft, and the
// record's flags as booleans. Saving, conflicts, history and audit rows are tested through campaigns and pilots on
// both databases (campaigns.service.test.ts, pilots.service.test.ts).
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../auth/policy.js';
import { actorLabel, editableFieldsOf, mayRead, publication } from './editable.service.js';

const AT = '2026-12-03T10:00:00.000Z';
const editor = (bfaId: number): Principal => ({
  kind: 'user',
  userId: 1,
  role: 'bfa_editor',
  bfaId,
  label: 'redaktør@example.dk',
});

describe('editable records', () => {
  it('publishes only when asked, keeps the first publication’s date, and clears it when withdrawn', () => {
    expect(publication(undefined, { published: 1, publishedAt: '2024-01-01' }, AT)).toEqual({});
    expect(publication(true, undefined, AT)).toEqual({ published: 1, publishedAt: AT });
    expect(publication(true, { published: 0, publishedAt: null }, AT)).toEqual({
      published: 1,
      publishedAt: AT,
    });
    expect(publication(true, { published: 1, publishedAt: '2024-01-01' }, AT)).toEqual({
      published: 1,
      publishedAt: '2024-01-01',
    });
    expect(publication(false, { published: 1, publishedAt: '2024-01-01' }, AT)).toEqual({
      published: 0,
      publishedAt: null,
    });
  });

  it('lets everyone read published records, and a draft only whoever may read its BFA’s drafts', () => {
    expect(mayRead(ANONYMOUS, { published: 1, bfaId: 2 })).toBe(true);
    expect(mayRead(ANONYMOUS, { published: 0, bfaId: 2 })).toBe(false);
    expect(mayRead(editor(2), { published: 0, bfaId: 2 })).toBe(true);
    expect(mayRead(editor(3), { published: 0, bfaId: 2 })).toBe(false);
  });

  it('names who saved, and gives the stored flags as booleans', () => {
    expect(actorLabel(ANONYMOUS)).toBe('anonymous');
    expect(actorLabel(editor(2))).toBe('redaktør@example.dk');
    const made = {
      publishedAt: AT,
      version: 3,
      createdAt: AT,
      createdBy: 'a',
      updatedAt: AT,
      updatedBy: 'b',
    };
    const row = { id: 1, bfaId: null, published: 1, isDemo: 0, ...made };
    expect(editableFieldsOf(row)).toEqual({ ...made, published: true, isDemo: false });
  });
});
