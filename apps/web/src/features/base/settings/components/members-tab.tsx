import { useState } from 'react';
import type { BaseRole } from '@concord/contracts';
import { useT } from '../../../../lib/i18n/i18n.tsx';
import { useDebouncedValue } from '../../../../lib/use-debounced-value.ts';
import { Avatar } from '../../../../ui/avatar.tsx';
import { ConfirmDialog } from '../../../../ui/confirm-dialog.tsx';
import { ErrorNotice } from '../../../../ui/error-notice.tsx';
import { Spinner } from '../../../../ui/spinner.tsx';
import { useMe } from '../../../org/index.ts';
import { useToast } from '../../components/toast.tsx';
import { useBaseMembers } from '../api/list-members.ts';
import { useRemoveBaseMember } from '../api/remove-member.ts';
import { useDirectorySearch } from '../api/search-directory.ts';
import { useSetBaseMembers } from '../api/set-members.ts';

const ROLES: readonly BaseRole[] = ['owner', 'editor', 'commenter', 'viewer'];

export interface MembersTabProps {
  baseId: string;
}

/** Who may open the base and with which role: add from the directory, change roles, remove. */
export function MembersTab({ baseId }: MembersTabProps) {
  const t = useT();
  const toast = useToast();
  const me = useMe().data?.user?.id;
  const members = useBaseMembers(baseId);
  const setMembers = useSetBaseMembers(baseId);
  const remove = useRemoveBaseMember(baseId);
  const [q, setQ] = useState('');
  const [newRole, setNewRole] = useState<BaseRole>('editor');
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);
  const query = useDebouncedValue(q.trim(), 250);
  const people = useDirectorySearch(query, query.length > 0);
  const memberIds = new Set(members.data?.map((m) => m.userId));

  function handleAdd(userId: string, name: string) {
    setMembers.mutate([{ userId, role: newRole }], {
      onSuccess: () => {
        toast(t('base.members.added', { name }), 'success');
        setQ('');
      },
    });
  }

  const roleLabel = (r: BaseRole) => t(`base.role.${r}`);
  if (members.isPending) return <Spinner label={t('common.loading')} />;
  if (members.error) return <ErrorNotice error={members.error} onRetry={() => void members.refetch()} />;
  return (
    <div className="settings-members" data-testid="members-tab">
      <div className="settings-add">
        <label className="settings-add-label" htmlFor="base-member-search">
          {t('base.members.add')}
        </label>
        <div className="settings-add-row">
          <input
            id="base-member-search"
            type="search"
            className="settings-input"
            value={q}
            placeholder={t('base.members.search')}
            data-testid="member-search"
            onChange={(e) => setQ(e.target.value)}
          />
          <select aria-label={t('base.members.add')} value={newRole} data-testid="member-new-role" onChange={(e) => setNewRole(e.target.value as BaseRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        {query && (
          <ul className="settings-results" data-testid="member-results">
            {people.data?.length === 0 && <li className="settings-muted">{t('base.members.noMatch')}</li>}
            {people.data?.map((p) => (
              <li key={p.id} className="settings-person">
                <Avatar name={p.name} size="sm" />
                <span className="settings-person-name">
                  {p.name}
                  <small>{p.email}</small>
                </span>
                {memberIds.has(p.id) ? (
                  <span className="settings-muted">{t('base.members.already')}</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-primary btn-sm"
                    data-testid="member-add"
                    data-user-id={p.id}
                    disabled={setMembers.isPending}
                    onClick={() => handleAdd(p.id, p.name)}
                  >
                    {t('base.members.addOne')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {setMembers.error && <ErrorNotice error={setMembers.error} />}
      {members.data.length === 0 && <p className="settings-muted">{t('base.members.empty')}</p>}
      <ul className="settings-list">
        {members.data.map((m) => (
          <li key={m.userId} className="settings-person" data-testid="member-row" data-user-id={m.userId}>
            <Avatar name={m.name} size="sm" />
            <span className="settings-person-name">
              <span className="settings-person-line">
                {m.name}
                {m.userId === me && <em> ({t('base.members.you')})</em>}
              </span>
              <small>{m.email}</small>
            </span>
            <select
              aria-label={t('base.members.role', { name: m.name })}
              value={m.role}
              data-testid="member-role"
              disabled={setMembers.isPending}
              onChange={(e) => setMembers.mutate([{ userId: m.userId, role: e.target.value as BaseRole }])}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="icon-btn"
              aria-label={t('base.members.remove', { name: m.name })}
              title={t('base.members.remove', { name: m.name })}
              data-testid="member-remove"
              onClick={() => {
                remove.reset();
                setRemoving({ userId: m.userId, name: m.name });
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={t('base.members.removeTitle', { name: removing.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          closeLabel={t('common.close')}
          danger
          busy={remove.isPending}
          error={remove.error ? <ErrorNotice error={remove.error} /> : undefined}
          onCancel={() => setRemoving(null)}
          onConfirm={() => remove.mutate(removing.userId, { onSuccess: () => setRemoving(null) })}
        >
          {t('base.members.removeBody')}
        </ConfirmDialog>
      )}
    </div>
  );
}
