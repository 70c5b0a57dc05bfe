import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router-dom';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useMe } from '../api/get-me.ts';
import { useSetup } from '../api/setup.ts';
import { AuthCard } from '../components/auth-card.tsx';

/** First run: the person installing Concord becomes its first administrator. */
export function SetupRoute() {
  const t = useT();
  const session = useMe();
  const setupMutation = useSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session.isPending) return <PageSpinner label={t('common.loading')} />;
  if (session.data?.user) return <Navigate to="/directory" replace />;
  if (session.data && !session.data.setupRequired) return <Navigate to="/login" replace />;

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setupMutation.mutate({ name: name.trim(), email: email.trim(), password });
  }

  const errors = fieldErrors(setupMutation.error);
  return (
    <AuthCard title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form className="form" noValidate onSubmit={handleSubmit}>
        {session.error && <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />}
        {needsFormNotice(setupMutation.error, ['name', 'email', 'password']) && <ErrorNotice error={setupMutation.error} />}
        <TextField label={t('field.name')} name="name" autoComplete="name" autoFocus value={name} onChange={setName} error={errors.name} />
        <TextField label={t('field.email')} name="email" type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.email} />
        <TextField
          label={t('field.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
          hint={t('setup.passwordHint')}
        />
        <Button type="submit" variant="primary" busy={setupMutation.isPending}>
          {t('setup.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
