import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/connect.ts';
import type { Db } from './db/database.ts';

/** What services receive as their first argument. No container: this object is passed down explicitly. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Config;
}

/** Deps plus the raw database handle, for the parts that need LISTEN (realtime) or scripts (migrations). */
export interface AppDeps extends Deps {
  handle: DbHandle;
  instanceId: string;
}
