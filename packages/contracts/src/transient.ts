import { z } from 'zod';
import { importProgressEvent } from './base/import.ts';

/**
 * Transient events: sent to rooms at once (not through the outbox, so also from inside a transaction that has not
 * committed), never stored, never replayed on `resume`, and lost by a socket that is not connected at the time. Only
 * for what is stale a moment later anyway, such as progress. Outbox consumers never see them.
 */
export const transientEvent = z.discriminatedUnion('type', [importProgressEvent]);
export type TransientEvent = z.infer<typeof transientEvent>;
