// Test helper: await a promise that must fail with one of the catalogue's errors, and return that error.
import { AppError } from '../src/errors.js';

export async function expectAppError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
