/**
 * A screen's state: a reducer behind a tiny store. Key handlers read `get()` — always the state
 * after the previous key, even when several keys arrive in one chunk — and React renders from
 * `useStore`, so no handler works from a stale closure.
 */
import { useSyncExternalStore } from 'react';

export type Reducer<S, A> = (state: S, action: A) => S;

export interface Store<S, A> {
  get(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reducer: Reducer<S, A>, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<S, A>(store: Store<S, A>): S {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
