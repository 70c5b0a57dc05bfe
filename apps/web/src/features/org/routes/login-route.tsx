import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router-dom';
import { fieldErrors, needsFormNotice } from '../../../lib/api-client.ts';
import { useT } from '../../../lib/i18n/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { ErrorNotice } from '../../../ui/error-notice.tsx';
import { PageSpinner } from '../../../ui/spinner.tsx';
import { TextField } from '../../../ui/text-field.tsx';
import { useLogin } from '../api/login.ts';
import { useMe } from '../api/get-me.ts';
import { AuthCard } from '../components/auth-card.tsx';
import { safeNext } from '../utils/safe-next.ts';

export function LoginRoute() {
  const t = useT();
  const session = useMe();
  const [params] = useSearchParams();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (session.isPending) return <PageSpinner label={t('common.loading')} />;
  if (session.data?.setupRequired) return <Navigate to="/setup" replace />;
  if (session.data?.user) return <Navigate to={safeNext(params.get('next'))} replace />;

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    loginMutation.mutate({ email: email.trim(), password });
  }

  const errors = fieldErrors(loginMutation.error);
  return (
    <AuthCard title={t('login.title')} subtitle={t('login.subtitle')}>
      <form className="form" noValidate onSubmit={handleSubmit}>
        {session.error && <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />}
        {needsFormNotice(loginMutation.error, ['email', 'password']) && <ErrorNotice error={loginMutation.error} />}
        <TextField
          label={t('field.email')}
          name="email"
          type="email"
          autoComplete="username"
          autoFocus
          value={email}
          onChange={setEmail}
          error={errors.email}
        />
        <TextField
          label={t('field.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errors.password}
        />
        <Button type="submit" variant="primary" busy={loginMutation.isPending}>
          {t('login.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
