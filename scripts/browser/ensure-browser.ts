/**
 * Makes sure the tests have a browser, the way a user's machine has one: an installed Chromium or
 * Chrome. On a Debian machine without one, and as root, it installs Debian's chromium with apt
 * (the only sources reachable here are the package registries). Otherwise it says what to do.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from './chromium';

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const found = findChromium();
  if (found) {
    console.log(`browser: ${found}`);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    console.error(
      'No Chromium or Chrome found. Install one (Debian/Ubuntu: sudo apt-get install chromium) ' +
        'or set PLUMBLINE_CHROMIUM to its executable, then run the tests again.',
    );
    process.exit(1);
  }
  console.log("browser: none found; installing Debian's chromium with apt-get");
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findChromium();
  if (!installed) {
    console.error('apt-get installed chromium but no executable was found where expected.');
    process.exit(1);
  }
  console.log(`browser: ${installed}`);
}

main();
