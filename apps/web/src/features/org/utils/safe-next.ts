/** Where to go after signing in: only a path on this site (never `//evil.example`), else the directory. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/setup')) return '/directory';
  return next;
}
