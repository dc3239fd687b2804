// Small schemas shared by every data file of `regulations/`.
import { z } from 'zod';

/** A day, YYYY-MM-DD: the date a file was last checked against its source (`asOf`). */
export const asOfDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** A text in both languages. */
export const text = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
