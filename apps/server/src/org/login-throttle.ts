import { AppError } from '../platform/errors.ts';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 8;

/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins for one address+email within 15 minutes, refuse further
 * attempts until the window passes. Per instance (in memory); several instances each allow their own budget.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  check(key: string, now: Date): void {
    const recent = (this.failures.get(key) ?? []).filter((t) => now.getTime() - t < WINDOW_MS);
    this.failures.set(key, recent);
    if (recent.length >= MAX_FAILURES) {
      throw new AppError('rate_limited', 'auth.too_many_attempts', {
        en: 'Too many failed sign-ins; wait 15 minutes',
        zh: '登录失败次数过多，请 15 分钟后再试',
      });
    }
  }
  fail(key: string, now: Date): void {
    const list = this.failures.get(key) ?? [];
    list.push(now.getTime());
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.failures.clear();
  }
  reset(key: string): void {
    this.failures.delete(key);
  }
}
