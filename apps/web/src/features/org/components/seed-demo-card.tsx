import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { EmptyState } from '../../../ui/empty-state.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { useSeedDemo } from '../api/seed-demo.ts';

export interface SeedDemoCardProps {
  isAdmin: boolean;
}

/** Shown while the directory is empty: admins can fill it with the demo company in one click. */
export function SeedDemoCard({ isAdmin }: SeedDemoCardProps) {
  const t = useT();
  const seed = useSeedDemo();
  return (
    <EmptyState
      title={t('directory.empty.title')}
      description={isAdmin ? t('directory.empty.adminHint') : t('directory.empty.memberHint')}
      action={
        isAdmin && (
          <>
            {seed.error && <ErrorNotice error={seed.error} />}
            {seed.data && <p className="muted">{t('directory.seeded', { departments: seed.data.departments, people: seed.data.people })}</p>}
            <Button variant="primary" busy={seed.isPending} testId="seed-demo" onClick={() => seed.mutate()}>
              {t('directory.seedDemo')}
            </Button>
          </>
        )
      }
    />
  );
}
