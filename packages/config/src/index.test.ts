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
});
