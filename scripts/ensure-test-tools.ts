/**
 * Makes sure the tests have what they need, the way a user's machine has it: an installed
 * Chromium or Chrome, and ffmpeg (it turns real clips into fake-camera feeds). On a Debian machine
 * without them, and as root, it installs Debian's packages with apt, the only source reachable
 * besides npm. Otherwise it says what to install.
 */
import { execFileSync } from 'node:child_process';
import { findChromium } from './browser/chromium';

function hasCommand(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const missing: string[] = [];
  if (!findChromium()) missing.push('chromium');
  if (!hasCommand('ffmpeg')) missing.push('ffmpeg');
  if (missing.length === 0) {
    console.log(`test tools: ${findChromium() ?? ''}, ffmpeg`);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    console.error(
      `Missing for the tests: ${missing.join(', ')}. Install them (Debian/Ubuntu: ` +
        `sudo apt-get install ${missing.join(' ')}); a Chrome elsewhere can be named with ` +
        'PLUMBLINE_CHROMIUM=/path/to/chrome. Then run the tests again.',
    );
    process.exit(1);
  }
  console.log(`test tools: installing Debian's ${missing.join(', ')} with apt-get`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!findChromium() || !hasCommand('ffmpeg')) {
    console.error('apt-get finished but Chromium or ffmpeg is still not where expected.');
    process.exit(1);
  }
}

main();
