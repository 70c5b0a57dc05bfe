import type { OutboxConsumer } from '../platform/outbox-consumer.ts';
import { getPeopleByIds } from '../org/index.ts';
import { notify } from './notification.service.ts';

/** Turns other slices' events into inbox items. Re-runs are harmless: notifications are unique per (event, person). */
export const notifyConsumer: OutboxConsumer = {
  name: 'notify',
  handlers: {
    'base.comment.mentioned': async (trx, e, meta) => {
      const [author] = e.authorId ? await getPeopleByIds(trx, [e.authorId]) : [];
      const who = author?.name;
      await notify(
        trx,
        {
          userIds: [e.mentionedId],
          kind: 'base.comment.mentioned',
          title: who
            ? { en: `${who} mentioned you in a comment`, zh: `${who} 在评论中提到了你` }
            : { en: 'You were mentioned in a comment', zh: '有人在评论中提到了你' },
          body: e.excerpt,
          // Without baseId in the event (older publishers), the web app finds the record's base from its table.
          link: e.baseId ? `/base/${e.baseId}/${e.tableId}/${e.recordId}` : `/inbox/record/${e.tableId}/${e.recordId}`,
          actorId: e.authorId,
        },
        { now: meta.now, sourceSeq: meta.seq },
      );
    },
    'notify.requested': async (trx, e, meta) => {
      await notify(trx, { ...e, link: e.link ?? null }, { now: meta.now, sourceSeq: meta.seq });
    },
  },
};
