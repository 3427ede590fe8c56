/**
 * Aliases of common skills, so that "JS" in a vacancy meets "JavaScript" in a resume and "питон" meets "Python".
 * Each canonical term lists the single words and two-word phrases that mean it. Cyrillic keys are written in
 * their dictionary form and matched by stem, so inflected forms ("на питоне", "машинного обучения") match too.
 */
export const SKILL_ALIASES: Record<string, string[]> = {
  javascript: ['javascript', 'js', 'ecmascript', 'es6', 'джаваскрипт', 'яваскрипт'],
  typescript: ['typescript', 'ts', 'тайпскрипт'],
  nodejs: ['nodejs', 'node.js', 'node', 'node js', 'нода'],
  react: ['react', 'reactjs', 'react.js', 'react js', 'реакт'],
  vue: ['vue', 'vuejs', 'vue.js', 'vue js'],
  angular: ['angular', 'angularjs', 'angular.js', 'angular js', 'ангуляр'],
  python: ['python', 'python3', 'py', 'питон', 'пайтон'],
  java: ['java', 'джава'],
  csharp: ['c#', 'csharp', 'c sharp', 'си шарп'],
  cpp: ['c++', 'cpp', 'си плюс'],
  dotnet: ['.net', 'dotnet', 'asp.net'],
  go: ['golang', 'go'],
  php: ['php', 'пхп'],
  kubernetes: ['kubernetes', 'k8s', 'kube', 'кубернетес', 'кубер'],
  docker: ['docker', 'докер'],
  postgresql: ['postgresql', 'postgres', 'psql', 'постгрес', 'постгрес sql'],
  mysql: ['mysql'],
  mongodb: ['mongodb', 'mongo', 'монго'],
  redis: ['redis', 'редис'],
  kafka: ['kafka', 'кафка'],
  git: ['git', 'гит'],
  linux: ['linux', 'линукс'],
  '1c': ['1c', '1с'],
  ml: ['ml', 'machine learning', 'машинный обучение'],
  dl: ['dl', 'deep learning', 'глубокий обучение'],
  ai: ['ai', 'artificial intelligence', 'искусственный интеллект'],
  nlp: ['nlp', 'natural language'],
  computer_vision: ['computer vision', 'компьютерный зрение'],
  cicd: ['ci/cd', 'cicd', 'ci cd', 'ci', 'continuous integration'],
  gcp: ['gcp', 'google cloud'],
  sklearn: ['sklearn', 'scikit-learn', 'scikit learn', 'scikit'],
  pytorch: ['pytorch', 'torch'],
  frontend: ['frontend', 'front end', 'фронтенд', 'фронтэнд'],
  backend: ['backend', 'back end', 'бэкенд', 'бекенд'],
  fullstack: ['fullstack', 'full stack', 'фулстек', 'фуллстек'],
  devops: ['devops', 'девопс'],
  qa: ['qa', 'quality assurance'],
  oop: ['oop', 'ооп', 'object oriented'],
  html: ['html', 'html5'],
  css: ['css', 'css3'],
  rest: ['rest', 'restful', 'rest api'],
  english: ['english', 'английский'],
  ios: ['ios', 'айос'],
  objc: ['objective-c', 'objective c', 'objc'],
  android: ['android', 'андроид'],
};

/** Common skills with a single name: with the aliases above they are the skill vocabulary (SKILL_TERMS). */
export const COMMON_SKILLS = `terraform ansible helm jenkins aws azure prometheus grafana elasticsearch nginx rabbitmq celery
spark hadoop airflow pandas numpy tensorflow keras swift kotlin flutter dart rust scala ruby rails laravel
symfony wordpress spring hibernate jquery bootstrap tailwind webpack graphql grpc sql nosql oracle sqlite clickhouse
cassandra excel tableau figma jira selenium pytest junit jest cypress xcode firebase fastapi flask django express nestjs
nextjs svelte redux unity opencv bash powershell vmware cisco openshift istio sap salesforce matlab mssql kotlin
swiftui gitlab github bitbucket confluence microservices kubernetes`.split(/\s+/);
