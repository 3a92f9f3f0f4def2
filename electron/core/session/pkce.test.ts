import { describe, expect, it } from 'vitest';
import { challengeFor, createPkce, createState } from './pkce.ts';

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes fresh 43-character verifiers of unreserved characters, and their challenges', () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/u);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(challengeFor(a.verifier));
    expect(a.challenge).not.toContain('=');
    expect(a.method).toBe('S256');
  });

  it('makes unguessable, distinct state values', () => {
    const states = new Set(Array.from({ length: 100 }, () => createState()));
    expect(states.size).toBe(100);
    for (const state of states) expect(state).toMatch(/^[\w-]{43}$/u);
  });
});
