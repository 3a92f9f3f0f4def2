import { describe, expect, it } from 'vitest';
import { accountsUrlProblem } from './accounts-url.ts';

describe('accountsUrlProblem: https, except on this machine', () => {
  it.each([
    'https://accounts.example.com/',
    'https://accounts.example.com/api/',
    'http://127.0.0.1:4000/',
    'http://127.1.2.3/',
    'http://localhost:8080',
    'http://sandbox.localhost/',
    'http://[::1]:9000/',
  ])('accepts %s', (url) => {
    expect(accountsUrlProblem(url)).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['accounts.example.com', 'not-a-url'],
    ['ftp://accounts.example.com/', 'not-a-url'],
    ['javascript:alert(1)', 'not-a-url'],
    ['http://accounts.example.com/', 'not-https'],
    ['http://192.168.1.10/', 'not-https'],
    ['http://127.0.0.1.evil.example/', 'not-https'],
    ['https://user:pw@accounts.example.com/', 'credentials'],
  ])('refuses %j (%s)', (url, reason) => {
    expect(accountsUrlProblem(url)).toBe(reason);
  });
});
