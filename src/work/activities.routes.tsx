// Placeholder: this feature's routes are being built.
import { Hono } from 'hono';
import type { Store } from '../db/connect.js';

export function activityRoutes(_store: Store): Hono {
  return new Hono();
}
