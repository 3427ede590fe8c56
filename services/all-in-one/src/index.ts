export { startAllInOne, type Running } from './start.ts';
