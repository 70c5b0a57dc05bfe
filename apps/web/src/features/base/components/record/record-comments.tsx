import type { ReactNode } from 'react';
import type { CommentDto } from '@concord/contracts';
import { formatDateTime } from '../../../../lib/dates.ts';
import { useI18n } from '../../../../lib/i18n/i18n.tsx';
import { Avatar } from '../../../../ui/avatar.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { useAddComment } from '../../api/add-comment.ts';
import { useComments } from '../../api/list-comments.ts';
import { MentionComposer } from './mention-composer.tsx';

export interface RecordCommentsProps {
  tableId: string;
  recordId: string;
}

/** Marks "@name" of the people a comment mentions. */
function withMentions(c: CommentDto): ReactNode[] {
  const names = c.mentions.map((m) => `@${m.name}`).filter(Boolean);
  if (!names.length) return [c.body];
  const pattern = new RegExp(`(${names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
  return c.body.split(pattern).map((part, i) =>
    names.includes(part) ? (
      <mark key={i} className="mention">
        {part}
      </mark>
    ) : (
      part
    ),
  );
}

/** The record's comments, oldest first, and the box to add one. */
export function RecordComments({ tableId, recordId }: RecordCommentsProps) {
  const { t, locale } = useI18n();
  const comments = useComments(tableId, recordId);
  const add = useAddComment(tableId, recordId);
  return (
    <div className="record-comments">
      {comments.isPending && <Spinner size="sm" />}
      {comments.error && <ErrorNotice error={comments.error} />}
      {comments.data?.length === 0 && <p className="muted small">{t('base.comments.empty')}</p>}
      <ol className="comment-list" data-testid="comment-list">
        {comments.data?.map((c) => (
          <li key={c.id} className="comment" data-testid="comment">
            <Avatar name={c.author?.name ?? '?'} size="sm" />
            <div>
              <div className="comment-head">
                <strong>{c.author?.name ?? t('base.history.someone')}</strong>
                <span className="muted small">{formatDateTime(c.createdAt, locale)}</span>
              </div>
              <p className="comment-body">{withMentions(c)}</p>
            </div>
          </li>
        ))}
      </ol>
      {add.error && <ErrorNotice error={add.error} />}
      <MentionComposer busy={add.isPending} onSend={(body, mentions) => add.mutateAsync({ body, mentions })} />
    </div>
  );
}
