// `npm ci` from the committed lock file, skipped when node_modules already matches it exactly
// (same lock file hash): a clean checkout (CI) always installs, a developer's second build does not
// wipe and re-create node_modules. Packages come from the ~/.npm cache first (--prefer-offline).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const npm = process.env.NPM_EXECUTABLE ?? 'npm';
const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const stamp = 'node_modules/.lock-sha256';
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && process.env.FRONTEND_FORCE_CI !== 'true') {
  console.log('node_modules matches package-lock.json; npm ci skipped');
} else {
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { stdio: 'inherit' });
  writeFileSync(stamp, lock);
}
