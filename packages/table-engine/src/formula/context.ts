/** What evaluation needs from outside: the clock and the zone dates are read in. */
export interface EvalContext {
  readonly now: Date;
  /** IANA zone, e.g. `Asia/Shanghai`: TODAY(), YEAR() and date text use its wall clock. */
  readonly timeZone: string;
}

/** What SQL builders get: the time zone and current time as SQL expressions (each bound once), and a way to bind values. */
export interface SqlContext {
  readonly tz: () => string;
  readonly now: () => string;
  /** Binds a value we built at compile time (e.g. a to_char pattern); returns a typed placeholder. */
  readonly text: (value: string) => string;
}
