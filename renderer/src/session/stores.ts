// The session's store, one per bridge (see shell/bridge-context.tsx): App starts it once.
import { featureStore } from '../shell/bridge-context.tsx';
import { createSessionStore } from './session-store.ts';

export const session = featureStore(createSessionStore);
