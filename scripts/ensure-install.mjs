// Installs the workspace's dependencies when they are missing or older than the lockfile, so that
// `npm start` and `npm test` work on a fresh clone with only Node and npm.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockfile = join(root, 'pnpm-lock.yaml');
const marker = join(root, 'node_modules', '.resume-checker-install');
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

const wanted = existsSync(lockfile)
  ? createHash('sha256').update(readFileSync(lockfile)).digest('hex')
  : 'no-lockfile';
if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) process.exit(0);

console.log(`Installing dependencies with pnpm ${pnpmVersion} (first run only)...`);
const env = {
  ...process.env,
  // onnxruntime-node's install script would download CUDA files; the CPU binary ships in the package.
  ONNXRUNTIME_NODE_INSTALL: 'skip',
  ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip',
  COREPACK_ENABLE_STRICT: '0',
};
const args = ['-y', `pnpm@${pnpmVersion}`, 'install', ...(existsSync(lockfile) ? ['--frozen-lockfile'] : [])];
const result = spawnSync('npx', args, { cwd: root, env, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('Dependency installation failed.');
  process.exit(result.status ?? 1);
}
writeFileSync(marker, wanted);
