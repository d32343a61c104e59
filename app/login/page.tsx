import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { loginErrorMessage } from '@/lib/auth/login-errors';
import { safeNext } from '@/lib/auth/sign-in-url';
import { currentPageSession } from '@/lib/server/auth/page-session';
import { authSettings } from '@/lib/server/auth/settings';

export const metadata: Metadata = { title: 'Sign in' };

/** Sign in: a Kubernetes bearer token, single sign-on when configured, or local mode's link. */
export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNext(typeof params.next === 'string' ? params.next : '/');
  if (await currentPageSession()) redirect(next);
  const settings = authSettings();
  // A code only, shown as its fixed text: a link cannot put its own words on the panel's page.
  const error = loginErrorMessage(params.error);
  return (
    <main className="grid min-h-screen place-items-center bg-zinc-100 px-4">
      <LoginForm next={next} localMode={settings.localMode} oidc={settings.oidc !== null} error={error} />
    </main>
  );
}
