import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('calls a Russian resume full of Latin skill names Russian', () => {
    expect(detectLanguage('Опыт разработки на Python, Django, PostgreSQL и Docker; настраивал CI/CD в GitLab.')).toBe('ru');
  });

  it('calls English text English, even with a Russian name in it', () => {
    expect(detectLanguage('Senior Java developer, Spring Boot and Kafka. Contact: Иван')).toBe('en');
  });

  it('follows the majority of letters, not of words', () => {
    expect(detectLanguage('Kubernetes, Terraform, Ansible, Prometheus — да')).toBe('en');
    expect(detectLanguage('Kubernetes — развёртывание и сопровождение кластеров')).toBe('ru');
  });

  it('defaults to English when there are no letters', () => {
    expect(detectLanguage('2019–2023, +7 (999) 123-45-67')).toBe('en');
  });
});
