/** The guided session in Svelte context: App sets it once, the screens use it (setSession/useSession). */
import { getContext, setContext } from 'svelte';
import type { SessionController } from './session.svelte.ts';

const KEY = Symbol('session');

export function setSession(session: SessionController): SessionController {
  return setContext(KEY, session);
}

export function useSession(): SessionController {
  const session = getContext<SessionController | undefined>(KEY);
  if (!session) throw new Error('useSession() needs setSession() in a parent component (App.svelte)');
  return session;
}
