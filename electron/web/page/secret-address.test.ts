import { describe, expect, it, vi } from 'vitest';
import { dropSecretFromAddress } from './secret-address.ts';

function run(search: string, hash = '') {
  const history = { state: { kept: true }, replaceState: vi.fn() };
  dropSecretFromAddress({ pathname: '/', search, hash }, history);
  return history.replaceState;
}

describe('the secret in the address', () => {
  it('is dropped from the address and the history entry, keeping the rest and the section', () => {
    expect(run('?k=s3cr3t', '#earnings')).toHaveBeenCalledWith({ kept: true }, '', '/#earnings');
    expect(run('?run=2&k=s3cr3t')).toHaveBeenCalledWith({ kept: true }, '', '/?run=2');
  });

  it('leaves an address without it alone', () => {
    expect(run('')).not.toHaveBeenCalled();
    expect(run('?run=1', '#history')).not.toHaveBeenCalled();
  });
});
