// `node --import <this file>`: installs ./hooks.mjs, which refuse TypeScript and tsx (see there).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
