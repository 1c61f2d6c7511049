// Uploads go straight to disk: the file arrives whole under a safe name beside the form's fields, and an upload that
// is too large or not a form is refused with nothing left in the upload folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { receiveUpload } from './upload.js';

const dir = mkdtempSync(path.join(tmpdir(), 'maaltal-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const formRequest = (content: string, name: string) => {
  const form = new FormData();
  form.set('kind', 'accidents');
  form.set('file', new File([content], name, { type: 'text/csv' }));
  form.set('source', 'Arbejdstilsynet');
  return new Request('http://localhost/redaktion/import', { method: 'POST', body: form });
};

it('saves the file as sent, under a random id and a safe name, with the form’s fields', async () => {
  const content = `år;værdi\n${'2024;1\n'.repeat(50_000)}`;
  const { fields, file } = await receiveUpload(formRequest(content, '../ulykker 2024?.csv'), dir);
  expect(fields).toEqual({ kind: 'accidents', source: 'Arbejdstilsynet' });
  expect(file?.displayName).toBe('ulykker 2024_.csv');
  expect(file?.stored).toMatch(/^[0-9a-f-]{36}__ulykker 2024_\.csv$/);
  expect(file?.size).toBe(Buffer.byteLength(content));
  expect(readFileSync(file?.filePath ?? '', 'utf8')).toBe(content);
  rmSync(file?.filePath ?? '');
});

it('refuses a file above the limit and keeps none of it', async () => {
  const upload = receiveUpload(formRequest('x'.repeat(10_000), 'stor.csv'), dir, 1000);
  await expect(upload).rejects.toMatchObject({
    code: 'too_large',
    issues: [{ field: 'file', messageDa: expect.stringContaining('del den op i mindre filer') }],
  });
  expect(readdirSync(dir)).toEqual([]);
});

it('refuses a body that is not a form upload', async () => {
  const request = new Request('http://localhost/redaktion/import', {
    method: 'POST',
    body: 'kind=accidents',
  });
  await expect(receiveUpload(request, dir)).rejects.toMatchObject({ code: 'invalid_input' });
  expect(readdirSync(dir)).toEqual([]);
});
