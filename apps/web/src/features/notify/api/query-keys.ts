/** Every notify query key starts with 'notify', so one realtime event refreshes the badge and the list together. */
export const notifyKeys = {
  all: ['notify'] as const,
  inbox: ['notify', 'inbox'] as const,
  unread: ['notify', 'unread'] as const,
  settings: ['notify', 'settings'] as const,
};
