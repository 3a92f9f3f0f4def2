import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../shared/bridge.ts';
import { toBridgeFailure } from './bridge-failure.ts';

describe('toBridgeFailure', () => {
  it('keeps a BridgeError as it is', () => {
    const error = new BridgeError({ code: 'unavailable', message: 'connect ECONNREFUSED', retryable: true });
    expect(toBridgeFailure(error)).toEqual({
      code: 'unavailable',
      message: 'connect ECONNREFUSED',
      retryable: true,
    });
  });

  it('reads the fields of a plain copy, as Electron contextBridge delivers errors', () => {
    const copy = Object.assign(new Error('Bad answer'), { code: 'invalid-response', retryable: false });
    expect(toBridgeFailure(copy)).toEqual({
      code: 'invalid-response',
      message: 'Bad answer',
      retryable: false,
    });
  });

  it('treats anything else as an internal failure the user may retry', () => {
    expect(toBridgeFailure(new TypeError('x is undefined'))).toEqual({
      code: 'internal',
      message: 'x is undefined',
      retryable: true,
    });
    expect(toBridgeFailure(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })).code).toBe('internal');
    expect(toBridgeFailure('boom')).toEqual({ code: 'internal', message: 'boom', retryable: true });
  });
});
