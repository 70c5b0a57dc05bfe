/**
 * The notify slice: each person's in-app inbox, unread counts and notification settings. Other slices never import it:
 * they publish domain events (`base.comment.mentioned`, `notify.requested`, …) and `notifyConsumer` turns them into
 * notifications.
 */
import './notify.db.ts';

export { notifyRoutes } from './notify.routes.ts';
/** Register with the platform's outbox consumers (app.ts); tests drain it with `drainOutbox(deps, [notifyConsumer])`. */
export { notifyConsumer } from './notify.consumer.ts';
export { notify, type NotifyInput } from './notification.service.ts';
