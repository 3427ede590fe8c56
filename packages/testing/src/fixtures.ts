/** Vacancy and resume texts that tests across the product share, in English and Russian. */
export const VACANCY_EN = {
  title: 'Backend Developer (Python)',
  description: `We are looking for a backend developer.

Requirements:
- 3+ years of commercial experience with Python
- Experience with Django or FastAPI
- PostgreSQL: schema design and query optimisation
- Docker and CI/CD pipelines

Nice to have:
- Kubernetes
- Experience with Kafka

We offer: remote work, flexible hours.`,
};

export const RESUME_EN = `John Smith
Backend developer

Summary: 5 years of commercial experience building web services with Python.

Experience:
- Built REST APIs with Django and FastAPI for a fintech product serving 2M users
- Designed PostgreSQL schemas and optimised slow queries, cutting p95 latency by 40%
- Set up Docker images and GitLab CI/CD pipelines

Skills: Python, Django, FastAPI, PostgreSQL, Docker, Redis`;

export const VACANCY_RU = {
  title: 'Python-разработчик',
  description: `Требования:
- Опыт коммерческой разработки на Python от 3 лет
- Знание Django
- Опыт работы с PostgreSQL
Будет плюсом:
- Опыт с Kubernetes`,
};

export const RESUME_RU = `Иван Петров
Python-разработчик

Опыт работы:
- 4 года коммерческой разработки на Python и Django
- Проектировал схемы PostgreSQL и оптимизировал запросы
- Настроил CI/CD и Docker для команды`;
