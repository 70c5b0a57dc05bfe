/**
 * The notify feature: the bell with its live unread count and inbox panel (mounted in the top bar), the notification
 * settings page, and the link resolver for notifications that point at a record by table only.
 */
export { InboxBell } from './components/inbox-bell.tsx';
export { NotificationSettingsRoute } from './routes/notification-settings-route.tsx';
export { RecordLinkRoute } from './routes/record-link-route.tsx';
