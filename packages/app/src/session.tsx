import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiProblem, apiGet, apiSend, setCsrfToken } from './api.ts';

/** The signed-in account, as GET/POST /api/v1/session give it. */
export interface Account {
  id: string;
  username: string;
  displayName: string | null;
  role: string;
  roleName: { zh: string; en: string };
  districts: string[] | null;
  personId: string | null;
}

interface SessionInfo {
  account: Account;
  expiresAt: string;
  csrfToken: string;
}

interface SessionState {
  /** undefined while the session is read on load; null when nobody is signed in. */
  account: Account | null | undefined;
  signIn(username: string, password: string): Promise<Account>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  useEffect(() => {
    apiGet<SessionInfo>('/session')
      .then((info) => {
        setCsrfToken(info.csrfToken);
        setAccount(info.account);
      })
      .catch(() => setAccount(null));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const info = await apiSend<SessionInfo>('POST', '/session', { username, password });
    setCsrfToken(info.csrfToken);
    setAccount(info.account);
    return info.account;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiSend('DELETE', '/session');
    } catch (error) {
      // Already signed out (an expired session) is signed out.
      if (!(error instanceof ApiProblem) || error.status !== 401) throw error;
    }
    setCsrfToken(undefined);
    setAccount(null);
  }, []);

  return <SessionContext.Provider value={{ account, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

export const isCitizen = (account: Account | null | undefined) => account?.role === 'citizen';
export const isStaff = (account: Account | null | undefined) => !!account && account.role !== 'citizen';
