export { startAllInOne, type Running } from './start.ts';
export { serviceNames, startServices, type ServiceName, type Services, type StartOptions } from './start-services.ts';
