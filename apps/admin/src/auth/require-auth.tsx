import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session-store.js';

export const ACCOUNT_PATH = '/account';

/**
 * Signed-out visitors go to the sign-in page and come back to where they were going. An account
 * still on the initial password a manager set is held on the account page (the API refuses
 * everything else to it until the password is changed).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.user.mustChangePassword && location.pathname !== ACCOUNT_PATH) {
    return <Navigate to={ACCOUNT_PATH} replace />;
  }
  return <>{children}</>;
}
