import { useSyncExternalStore } from 'react';
import { currentSession, subscribe, type Session } from './auth';

export function useSession(): Session {
  return useSyncExternalStore(subscribe, currentSession, currentSession);
}
