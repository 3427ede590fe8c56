import { describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from './index.ts';

describe('loadConfig', () => {
  it('defaults to the embedded mode on port 8000 with the rules writer', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.llmProvider).toBe('rules');
  });

  it('picks openai when a key is set and treats blank values as unset', () => {
    const c = loadConfig({ OPENAI_API_KEY: 'sk-x', DATABASE_URL: '  ' });
    expect(c.llmProvider).toBe('openai');
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('fails with a readable message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LLM_PROVIDER: 'in-house' })).toThrow(/OPENAI_BASE_URL/);
  });

  it('closes the door by default and parses the lists and limits of the open door', () => {
    const c = loadConfig({});
    expect(c.CORS_ORIGINS).toEqual([]);
    expect(c.METRICS_TOKEN).toBeUndefined();
    expect(c.JOB_MAX_ATTEMPTS).toBe(3);
    expect(loadConfig({ CORS_ORIGINS: ' https://app.example , http://localhost:3000,' }).CORS_ORIGINS).toEqual(['https://app.example', 'http://localhost:3000']);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://app.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ JOB_MAX_ATTEMPTS: '0' })).toThrow(/JOB_MAX_ATTEMPTS/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('believes no X-Forwarded-For unless TRUST_PROXY names the proxies or their hop count', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    for (const bad of ['true', '*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/1']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});
