/** Time is injected so rules and tests never read the system clock directly. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
