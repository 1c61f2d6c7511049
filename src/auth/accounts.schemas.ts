// The shapes of account input (CLI flags and forms), checked once at the edge.
import { z } from 'zod';
import { ROLES } from './policy.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'is not an e-mail address');

export const roleSchema = z.enum(ROLES as [string, ...string[]], {
  message: `must be one of ${ROLES.join(', ')}`,
});

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  role: roleSchema,
  bfa: z.string().trim().min(1).optional(),
});

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  role: roleSchema,
  days: z.coerce
    .number({ message: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be between 1 and 365')
    .max(365, 'must be between 1 and 365'),
});

export type NewUserInput = z.infer<typeof newUserSchema>;
export type NewTokenInput = z.infer<typeof newTokenSchema>;
