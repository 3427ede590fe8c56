/** Realistic vacancies with a fitting and an unrelated resume each, in both languages, for the lexical scorer's tests. */

export const vacancyEn = `Senior Backend Engineer (Python)

About us
We are a fintech startup building payment infrastructure for small businesses.

Requirements
- 5+ years of backend development in Python
- Experience with Django or FastAPI
- Strong SQL skills and PostgreSQL
- Docker and Kubernetes in production
- CI/CD pipelines (GitLab CI or GitHub Actions)
- Experience with message queues such as Kafka or RabbitMQ

Nice to have
- Experience with Terraform
- Knowledge of Go

We offer
- Remote work and a competitive salary`;

export const fittingResumeEn = `Jane Smith
Backend Developer

Summary
Backend engineer with 6 years of experience building payment APIs in Python.

Experience
Senior Backend Developer, PayFlow (2020 – present)
- Built REST services in Python with Django and Django REST Framework serving 2M requests per day.
- Designed PostgreSQL schemas and optimised SQL queries, cutting report time by 40%.
- Deployed services with Docker to Kubernetes (EKS); wrote Helm charts.
- Set up GitLab CI pipelines for tests and deployments.
- Processed payment events with Kafka consumers.

Backend Developer, ShopCo (2017 – 2020)
- Developed an order service with FastAPI and Celery.

Skills
Python, Django, FastAPI, PostgreSQL, Redis, Docker, Kubernetes, Kafka, Git`;

export const unrelatedResumeEn = `John Doe
Graphic Designer

Summary
Creative designer with 8 years in branding and print.

Experience
Lead Designer, Studio Nine (2016 – present)
- Created brand identities for 30+ clients in Adobe Illustrator and Photoshop.
- Designed packaging and magazine layouts in InDesign.
- Art-directed photo shoots for fashion campaigns.

Skills
Illustrator, Photoshop, InDesign, Figma, typography, colour theory`;

export const vacancyRu = `Python-разработчик

О компании
Мы — команда финтех-сервиса для малого бизнеса.

Требования:
• опыт коммерческой разработки на Python от 3 лет;
• знание Django или FastAPI;
• уверенное знание SQL и PostgreSQL;
• опыт работы с Docker и Kubernetes;
• опыт работы с Kafka или RabbitMQ.

Будет плюсом:
• опыт с Terraform;
• знание Go.

Мы предлагаем:
• удалённую работу;
• ДМС.`;

export const fittingResumeRu = `Иван Петров
Backend-разработчик

О себе
Backend-разработчик, 5 лет коммерческой разработки на Python.

Опыт работы
ООО «Платёжные системы», ведущий разработчик (2019 – н.в.)
• Разрабатывал микросервисы на Python (Django, FastAPI), обрабатывающие 1 млн платежей в день.
• Проектировал схемы в PostgreSQL и оптимизировал SQL-запросы — время отчётов сократилось на 40%.
• Упаковывал сервисы в Docker и разворачивал в Kubernetes.
• Настроил обмен событиями через Kafka.

Навыки
Python, Django, FastAPI, PostgreSQL, Docker, Kubernetes, Kafka, Git, Linux`;

export const unrelatedResumeRu = `Анна Смирнова
Бухгалтер

Опыт работы
ООО «Ромашка», главный бухгалтер (2015 – н.в.)
• Вела бухгалтерский и налоговый учёт в 1С:Бухгалтерия.
• Готовила квартальную отчётность в ФНС и ПФР.
• Проводила инвентаризацию и сверку с контрагентами.

Навыки
1С, Excel, МСФО, налоговый учёт`;
