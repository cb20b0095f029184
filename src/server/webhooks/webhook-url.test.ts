import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './webhook-url.js';

describe('webhook URLs', () => {
  it('takes https endpoints at public hosts', () => {
    for (const url of ['https://counter.example.com/credence', 'https://8.8.8.8:8443/hook?x=1', 'https://[2606:4700::1111]/hook']) {
      expect({ url, problem: webhookUrlProblem(url, true) }).toEqual({ url, problem: null });
    }
  });

  it('refuses plain http, this machine and private networks on a public-only server, and says why', () => {
    expect(webhookUrlProblem('http://counter.example.com/', true)).toMatch(/must be https/);
    for (const url of ['https://127.0.0.1/', 'https://10.1.2.3/', 'https://[::1]/', 'https://[fd00::1]/', 'https://169.254.169.254/latest', 'https://0x7f000001/']) {
      expect({ url, problem: webhookUrlProblem(url, true) }).toEqual({ url, problem: expect.stringMatching(/is not a public address/) as string });
    }
    expect(webhookUrlProblem('https://localhost:8080/', true)).toMatch(/is this machine/);
    expect(webhookUrlProblem('https://api.localhost/', true)).toMatch(/is this machine/);
    expect(webhookUrlProblem('https://localhost./', true)).toMatch(/is this machine/);
  });

  it('lets a server for tests and closed networks reach http and private addresses', () => {
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', false)).toBeNull();
    expect(webhookUrlProblem('http://10.1.2.3/hook', false)).toBeNull();
  });

  it('refuses what is no URL, other schemes, credentials and fragments on any server', () => {
    for (const publicOnly of [true, false]) {
      expect(webhookUrlProblem('counter.example.com/hook', publicOnly)).toMatch(/not a valid absolute URL/);
      expect(webhookUrlProblem('ftp://counter.example.com/', publicOnly)).toMatch(/must be https, not ftp:/);
      expect(webhookUrlProblem('https://u:p@counter.example.com/', publicOnly)).toMatch(/user name or password/);
      expect(webhookUrlProblem('https://counter.example.com/#x', publicOnly)).toMatch(/fragment/);
    }
  });
});
