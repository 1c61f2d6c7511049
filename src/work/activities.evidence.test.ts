// The pure parts of evidence and notes: a file's kind by its first bytes (never its name), the stored name and the
// download header, the safe Markdown of notes, and the input schemas' problems in English and Danish.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createActivitySchema, linkEvidenceSchema, parseActivityInput } from './activities.schemas.js';
import { attachmentDisposition, detectFileKind, storedFileName } from './evidence.js';
import { safeMarkdown } from './safe-markdown.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const office = (main: string) =>
  zipSync({
    '[Content_Types].xml': bytes('<Types/>'),
    [main]: bytes('<x/>'),
    'docProps/app.xml': bytes('<a/>'),
  });

describe('evidence files', () => {
  it('tells the allowed kinds by their first bytes', () => {
    expect(detectFileKind(bytes('%PDF-1.4\n'))?.contentType).toBe('application/pdf');
    expect(
      detectFileKind(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.contentType,
    ).toBe('image/png');
    expect(detectFileKind(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.contentType).toBe('image/jpeg');
    expect(detectFileKind(office('word/document.xml'))?.extensions).toEqual(['.docx']);
    expect(detectFileKind(office('xl/workbook.xml'))?.extensions).toEqual(['.xlsx']);
    expect(detectFileKind(bytes('år;antal\n2025;12\n'))?.contentType).toBe('text/plain; charset=utf-8');
    expect(detectFileKind(new Uint8Array([0x61, 0xe6, 0x0a]))?.contentType).toBe(
      'text/plain; charset=windows-1252',
    );
  });

  it('refuses everything else, whatever the name says: markup, programs, other zips, binary, empty', () => {
    for (const refused of [
      bytes('<!doctype html><p>hej</p>'),
      bytes('\ufeff  <html><script>alert(1)</script>'),
      bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00]),
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02]),
      zipSync({ 'a.txt': bytes('a') }),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      new Uint8Array([0x41, 0x00, 0x42]),
      new Uint8Array(),
    ])
      expect(detectFileKind(refused)).toBeUndefined();
  });

  it('keeps the name without folders or control characters, with an extension that matches the content', () => {
    const pdf = { contentType: 'application/pdf', extensions: ['.pdf'] };
    expect(storedFileName('C:\\mapper\\rapport.PDF', pdf)).toBe('rapport.PDF');
    expect(storedFileName('../../etc/program.exe', pdf)).toBe('program.exe.pdf');
    expect(storedFileName('navn\u0007 med "citat".pdf', pdf)).toBe('navn med citat.pdf');
    expect(storedFileName('', pdf)).toBe('fil.pdf');
  });

  it('names the download in ASCII and, exactly, in UTF-8', () => {
    expect(attachmentDisposition('Årsrapport (endelig) 100%.pdf')).toBe(
      `attachment; filename="Aarsrapport (endelig) 100_.pdf"; filename*=UTF-8''%C3%85rsrapport%20%28endelig%29%20100%25.pdf`,
    );
    expect(attachmentDisposition('a\\b;c\u00e9.txt')).toBe(
      `attachment; filename="a_b_ce.txt"; filename*=UTF-8''a%5Cb%3Bc%C3%A9.txt`,
    );
  });
});

describe('notes', () => {
  it('render raw HTML as text, drop dangerous link targets, and leave no headings or images', () => {
    const html = safeMarkdown(
      '# Overskrift\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) ![d](https://evil.example/x.png) [ok](https://at.dk) *kursiv*',
    );
    expect(html).not.toMatch(/<script|<img|<h\d|href="(javascript|data):/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://at.dk">ok</a>');
    expect(html).toContain('<em>kursiv</em>');
    expect(safeMarkdown('   ')).toBe('');
  });
});

describe('activity input', () => {
  const valid = {
    bfa: 'ba',
    title: 'Kursus',
    type: 'course',
    branchGroups: ['anlaegsarbejde'],
    periodStart: '2025-01-01',
  };
  const problems = (input: unknown) => {
    try {
      parseActivityInput(createActivitySchema, input, 'invalid');
    } catch (error) {
      if (error instanceof AppError) return error.issues;
    }
    return [];
  };

  it('fills defaults and reads form text as numbers', () => {
    expect(
      parseActivityInput(
        createActivitySchema,
        { ...valid, plannedWorkplaces: '12', periodEnd: '', fundingPool: '' },
        'x',
      ),
    ).toMatchObject({
      plannedWorkplaces: 12,
      periodEnd: null,
      fundingPool: null,
      status: 'planned',
      notes: '',
      targets: [],
      published: false,
    });
  });

  it('names every problem by field, in English and Danish, at once', () => {
    const issues = problems({
      ...valid,
      title: 'x\u0000',
      type: 'party',
      branchGroups: [],
      targets: ['1', 'nine'],
      periodStart: '2025-02-30',
      periodEnd: '2024-12-31',
      costDkk: -5,
      reachedWorkplaces: 1.5,
      notes: 'n'.repeat(20_001),
      extra: 1,
    });
    const fields = issues.map((issue) => issue.field).sort();
    expect(fields).toEqual([
      'branchGroups',
      'costDkk',
      'extra',
      'notes',
      'periodStart',
      'reachedWorkplaces',
      'targets',
      'title',
      'type',
    ]);
    expect(issues.every((issue) => issue.messageDa !== undefined && issue.messageDa !== issue.message)).toBe(
      true,
    );
    expect(issues.find((issue) => issue.field === 'targets')?.message).toContain('"nine"');
    const order = problems({ ...valid, periodEnd: '2024-12-31' });
    expect(order).toEqual([
      {
        field: 'periodEnd',
        message: 'must be on or after the start date',
        messageDa: 'skal være samme dag som eller efter startdatoen',
      },
    ]);
  });

  it('takes http and https links only', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.dk/a', 'https://', 'at.dk'])
      expect(() => parseActivityInput(linkEvidenceSchema, { title: 'a', url }, 'x'), url).toThrow(AppError);
    expect(parseActivityInput(linkEvidenceSchema, { title: ' a ', url: ' https://at.dk/x ' }, 'x')).toEqual({
      title: 'a',
      url: 'https://at.dk/x',
    });
  });
});
