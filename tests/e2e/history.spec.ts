/**
 * The History screen on the built app in a real Chromium: data goes in through the Import button
 * as a person's backup would, and what is checked is what they see, download and print.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SESSION_CSV_HEADER, SNAPSHOT_CSV_HEADER } from '../../src/storage/csv';
import type { PlumblineExport } from '../../src/storage';
import { EXERCISE_IDS } from '../../src/content/exercises';
import { exerciseName } from '../../src/content/history';
import { REPORT_FAULTS } from '../../src/coach/history/report';
import { historyExport } from './support/history-data';

const SCREENSHOT_DIR = path.resolve('artifacts/screenshots');
/** An A4 page at the browser's 96 px per inch: 210 mm × 297 mm. */
const A4_WIDTH_PX = 794;
const A4_HEIGHT_PX = 1123;
/** A drawn chart colours thousands of pixels; a blank canvas none. */
const MIN_DRAWN_PIXELS = 500;
/** The grey the test's thumbnail is filled with (0-255 per channel). */
const THUMBNAIL_GREY = 128;

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

/**
 * What should never happen on these screens: a request off the app's origin, or a console message
 * where the page's Content Security Policy refused something.
 */
function watchPrivacy(page: Page, baseURL: string | undefined): string[] {
  const problems: string[] = [];
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin) {
      problems.push(`request to ${url}`);
    }
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return problems;
}

async function openHistory(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  await page.getByTestId('mode-history').click();
  await expect(page.getByTestId('history-screen')).toHaveAttribute('aria-busy', 'false');
}

/** A flat grey PNG the page draws itself: a thumbnail that is no picture of anyone. */
async function greyThumbnail(page: Page): Promise<string> {
  return page.evaluate((grey) => {
    const canvas = document.createElement('canvas');
    canvas.width = 40;
    canvas.height = 30;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.fillStyle = `rgb(${grey}, ${grey}, ${grey})`;
    context.fillRect(0, 0, 40, 30);
    return canvas.toDataURL('image/png');
  }, THUMBNAIL_GREY);
}

async function importText(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

/** Imports the realistic export; returns it. */
async function seed(page: Page): Promise<PlumblineExport> {
  const data = historyExport(await greyThumbnail(page));
  await importText(page, 'plumbline-backup.json', JSON.stringify(data));
  await expect(page.getByTestId('data-notice')).toHaveText(
    `Imported ${data.sessions.length} workouts, ${data.snapshots.length} posture snapshots, 0 checklist weeks, ${data.endurance?.length ?? 0} endurance test results, settings and the programme, added to your data.`,
  );
  await expect(page.getByTestId('history-session')).toHaveCount(data.sessions.length);
  return data;
}

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(button).click(),
  ]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
}

function withoutTimestamp(text: string): Record<string, unknown> {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => key !== 'exportedAt'));
}

/** Pixels of a canvas that are not transparent (what Chart.js or the thumbnail drew). */
async function drawnPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((canvas) => {
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; data && i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
    return drawn;
  });
}

test.describe('History', () => {
  test('shows sessions newest first, weekly charts, bests and posture trends', async ({
    page,
    baseURL,
  }) => {
    const refused = watchPrivacy(page, baseURL);
    await openHistory(page);
    await expect(page.getByTestId('history-empty')).toBeVisible();
    await shot(page, 'history-empty');
    const data = await seed(page);

    const rows = page.getByTestId('history-session');
    // The last session (a hold in week 4) comes first, the first bird-dog session last.
    await expect(rows.first()).toContainText(exerciseName(data.sessions.at(-1)?.exercise ?? ''));
    await expect(rows.last()).toContainText('Bird-dog');
    await expect(rows.last()).toContainText('16 (8 / 8)'); // 2 sets of 8, alternating sides
    // Each set's median tempo, and left against right (history-data.ts times every rep).
    await expect(rows.last().getByTestId('history-tempo')).toContainText(
      'Set 1: down 1.3 s · pause 0.8 s · up',
    );
    await expect(rows.last().getByTestId('history-balance')).toContainText(
      'Left / right: reps 8 / 8, range',
    );
    // A deadlift's reps kept their hip angle and back curve; a bird-dog's keep none.
    await expect(
      rows
        .filter({ hasText: /Deadlift/ })
        .first()
        .getByTestId('history-range'),
    ).toContainText(
      /Per rep: hip angle \d+° \(40°\), lower back \+\d+° \(\+\d+°\), upper back \+\d+° \(\+8°\)/,
    );
    // A squat's reps kept their depth: the thighs 0-4° below parallel, the deepest 4° below.
    await expect(
      rows.filter({ hasText: /Squat/ }).first().getByTestId('history-range'),
    ).toContainText(/Per rep: depth (\d° below parallel|at parallel) \(4° below parallel\)$/);
    await expect(rows.last().getByTestId('history-range')).not.toContainText('Per rep');
    await expect(page.getByTestId('history-sessions')).toContainText('not finished');
    await expect(page.getByTestId('history-sessions')).toContainText('a set stopped for pain');

    for (const exercise of EXERCISE_IDS) {
      const chart = `history-chart-${exercise}`;
      await expect(page.getByTestId(chart)).toBeVisible();
      await expect.poll(() => drawnPixels(page, chart)).toBeGreaterThan(MIN_DRAWN_PIXELS);
    }
    await expect
      .poll(() => drawnPixels(page, 'history-chart-posture'))
      .toBeGreaterThan(MIN_DRAWN_PIXELS);

    const bests = page.getByTestId('history-bests');
    const setsOf = (exercise: string) =>
      data.sessions.filter((s) => s.exercise === exercise).flatMap((s) => s.sets);
    const mostBirdDogReps = Math.max(...setsOf('bird-dog').map((set) => set.reps.length));
    await expect(bests.getByRole('row', { name: /Bird-dog/ })).toContainText(
      `${mostBirdDogReps} on`,
    );
    const longestPlank = Math.max(...setsOf('plank').map((set) => set.holdSeconds));
    await expect(bests.getByRole('row', { name: /^Plank/ })).toContainText(
      `${Math.round(longestPlank)} s on`,
    );

    const angles = page.getByTestId('history-angles');
    await expect(angles.getByRole('row', { name: /Forward head/ })).toContainText(
      /18°.*11°.*−7\.5°.*3/,
    );
    // Plumb-line offsets are in % of height, not degrees.
    await expect(angles.getByRole('row', { name: /Ear from the plumb line/ })).toContainText(
      /8\.0 %.*3\.5 %.*−4\.5 %/,
    );
    // The endurance battery of weeks 1 and 4, with week 4's ratios: 71 / 80 s flexors to extensors.
    const endurance = page.getByTestId('history-endurance');
    await expect(endurance.getByRole('row', { name: /2025-03-24/ })).toContainText(
      /1 min 11 s.*1 min 20 s.*44 s.*45 s.*0\.89.*0\.98.*0\.56/,
    );
    await shot(page, 'history-seeded');

    // One workout deleted from its row, the longest plank's: the bests are counted again without it.
    const held = (session: (typeof data.sessions)[number]) =>
      Math.max(0, ...session.sets.map((set) => set.holdSeconds));
    const [longest, runnerUp] = data.sessions
      .filter((s) => s.exercise === 'plank')
      .sort((a, b) => held(b) - held(a));
    if (!longest || !runnerUp) throw new Error('the seeded data has two planks');
    const newestFirst = [...data.sessions].sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
    await rows.nth(newestFirst.indexOf(longest)).getByTestId('history-delete-workout').click();
    await page
      .getByTestId('confirm-delete-workout')
      .getByRole('button', { name: 'Yes, delete this workout' })
      .click();
    await expect(page.getByTestId('workout-notice')).toContainText('Deleted the Plank workout of');
    await expect(rows).toHaveCount(data.sessions.length - 1);
    await expect(bests.getByRole('row', { name: /^Plank/ })).toContainText(
      `${Math.round(held(runnerUp))} s on`,
    );
    await expect(page.getByTestId('history-chart-plank')).toBeVisible();
    expect(refused).toEqual([]);
  });

  test('the report prints on one page, with a picture only when ticked', async ({
    page,
    baseURL,
  }) => {
    const refused = watchPrivacy(page, baseURL);
    await openHistory(page);
    const data = await seed(page);
    await page.getByTestId('open-report').click();
    const report = page.getByTestId('report');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('report-period')).toContainText('2025');
    await expect(page.getByTestId('report-sessions')).toHaveText(
      '24 (23 finished) over 4 weeks with training; 1 set stopped for pain',
    );
    // Every exercise, the five faults seen most and every angle: the report at its fullest.
    const exercises = new Set(data.sessions.map((s) => s.exercise)).size;
    expect(exercises).toBe(EXERCISE_IDS.length);
    await expect(page.getByTestId('report-exercises').getByRole('row')).toHaveCount(1 + exercises);
    // The bird-dog's median tempo and its left against right.
    await expect(
      page
        .getByTestId('report-exercises')
        .getByRole('row', { name: /^Bird-dog/ })
        .getByTestId('report-measures'),
    ).toContainText(/^1\.3\/0\.8\/.* sL\/R /);
    // The lower back's curve the hinges' reps kept, median and most, on the tempo's line.
    const measuresOf = (name: RegExp) =>
      page
        .getByTestId('report-exercises')
        .getByRole('row', { name })
        .getByTestId('report-measures');
    await expect(measuresOf(/^Deadlift/)).toContainText(
      /^1\.3\/0\.8\/0\.9 s · back \+\d+° \(\+\d+°\)$/,
    );
    await expect(measuresOf(/^Bird-dog/)).not.toContainText('back');
    await expect(page.getByTestId('report-faults').getByRole('row')).toHaveCount(1 + REPORT_FAULTS);
    await expect(page.getByTestId('report-angles').getByRole('listitem')).toHaveCount(11);
    await expect(page.getByTestId('report-angles')).toContainText(
      'Forward head: 18° → 11° (−7.5°, 3 snapshots)',
    );
    await expect(report.locator('img, canvas')).toHaveCount(0); // numbers only by default

    // The endurance tests of weeks 1 and 4 with their ratios, and what they are for.
    await expect(page.getByTestId('report-endurance').getByRole('row')).toHaveCount(1 + 2 + 1);
    await expect(page.getByTestId('report-endurance-note')).toContainText('not a diagnosis');
    await page.getByTestId('report-include-picture').check();
    await expect(page.getByTestId('report-thumbnail')).toBeVisible();
    // Decoded from bytes onto a canvas: shown under img-src 'self', no data: allowance needed.
    const grey = await page
      .getByTestId('report-thumbnail')
      .locator('canvas')
      .evaluate((canvas) => {
        if (!(canvas instanceof HTMLCanvasElement)) return null;
        return [...(canvas.getContext('2d')?.getImageData(5, 5, 1, 1).data ?? [])];
      });
    expect(grey).toEqual([THUMBNAIL_GREY, THUMBNAIL_GREY, THUMBNAIL_GREY, 255]);
    await shot(page, 'report-screen', false);

    await page.setViewportSize({ width: A4_WIDTH_PX, height: A4_HEIGHT_PX });
    await page.emulateMedia({ media: 'print' });
    // On paper only the report: no tabs, no controls.
    await expect(page.getByTestId('mode-history')).toBeHidden();
    await expect(page.getByTestId('report-print')).toBeHidden();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(A4_HEIGHT_PX);
    await shot(page, 'report-print', false);

    await page.emulateMedia({ media: 'screen' });
    // Escape closes it and gives the focus back to the button that opened it; so does the button.
    await page.keyboard.press('Escape');
    await expect(report).toBeHidden();
    await expect(page.getByTestId('open-report')).toBeFocused();
    await page.getByTestId('open-report').click();
    await page.getByTestId('report-close').click();
    await expect(report).toBeHidden();
    expect(refused).toEqual([]);
  });

  test('an exported backup imported in a fresh browser gives the same data', async ({
    page,
    browser,
    baseURL,
  }) => {
    await openHistory(page);
    const data = await seed(page);
    const exported = await downloadText(page, 'export-json');
    expect(exported.name).toMatch(/^plumbline-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(withoutTimestamp(exported.text)).toEqual(withoutTimestamp(JSON.stringify(data)));

    const fresh = await browser.newContext({ baseURL });
    try {
      const other = await fresh.newPage();
      await openHistory(other);
      await expect(other.getByTestId('history-empty')).toBeVisible();
      await importText(other, exported.name, exported.text);
      await expect(other.getByTestId('history-session')).toHaveCount(data.sessions.length);
      const again = await downloadText(other, 'export-json');
      expect(withoutTimestamp(again.text)).toEqual(withoutTimestamp(exported.text));
      // The coaching choices came along, and the workout screen uses them.
      await other.getByTestId('mode-workout').click();
      await expect(other.getByTestId('strictness-advanced')).toBeChecked();
      await expect(other.getByTestId('mute-button')).toHaveAttribute('aria-pressed', 'true');
    } finally {
      await fresh.close();
    }
  });

  test('CSV downloads have the header and one row per rep or hold set', async ({ page }) => {
    await openHistory(page);
    const data = await seed(page);
    const workouts = await downloadText(page, 'export-sessions-csv');
    expect(workouts.name).toMatch(/^plumbline-workouts-.*\.csv$/);
    const lines = workouts.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(SESSION_CSV_HEADER.join(','));
    const expectedRows = data.sessions
      .flatMap((s) => s.sets)
      .reduce((n, set) => n + Math.max(1, set.reps.length), 0);
    expect(lines).toHaveLength(1 + expectedRows);
    expect(lines[1]).toMatch(/^w0-0-bird-dog,2025-03-03T\d{2}:00:00\.000Z,bird-dog,beginner,0,/);
    // The first rep's tempo in ms: down, pause, up; a bird-dog keeps no hips, back or depth measures.
    expect(lines[1]).toMatch(/,1200,800,900,,,,$/);
    // A squat's rep keeps its depth, the last column.
    const squatRep = lines.find((line) => line.split(',')[2] === 'squat');
    expect(squatRep).toMatch(/,1200,800,900,,,,-4$/);

    const posture = await downloadText(page, 'export-snapshots-csv');
    const postureLines = posture.text.trimEnd().split('\r\n');
    expect(postureLines[0]).toBe(SNAPSHOT_CSV_HEADER.join(','));
    expect(postureLines).toHaveLength(
      1 + data.snapshots.reduce((n, s) => n + Object.keys(s.metrics).length, 0),
    );
    expect(postureLines).toContain(
      `snap-0,${data.snapshots[0]?.takenAt ?? ''},camera,side,posture.forward-head,forwardHeadLeanDeg,18`,
    );
  });

  test('a malformed, hostile or oversized file says so and changes nothing', async ({ page }) => {
    await openHistory(page);
    const data = await seed(page);
    const before = withoutTimestamp((await downloadText(page, 'export-json')).text);
    const notice = page.getByTestId('data-notice');
    const bad: [string, string | Buffer, RegExp][] = [
      ['notes.json', 'this is not JSON {', /nothing was imported.*\(not valid JSON\)/],
      [
        'hostile.json',
        JSON.stringify({ ...data, sessions: [] }).replace('{', '{"__proto__":{"polluted":true},'),
        /nothing was imported.*forbidden key/,
      ],
      [
        'edited.json',
        JSON.stringify({ ...data, sessions: [{ ...data.sessions[0], sets: 'lots' }] }),
        /file\.sessions\[0\]\.sets: expected a list/,
      ],
      ['huge.json', Buffer.alloc(21 * 1024 * 1024, 0x20), /more than the 20\.0 MB/],
    ];
    for (const [name, content, message] of bad) {
      await importText(page, name, content);
      await expect(notice).toHaveAttribute('role', 'alert');
      await expect(notice).toHaveText(message);
      await expect(notice).toContainText('your data is unchanged');
    }
    await notice.scrollIntoViewIfNeeded();
    await shot(page, 'history-bad-import', false);
    await expect(page.getByTestId('history-session')).toHaveCount(data.sessions.length);
    expect(withoutTimestamp((await downloadText(page, 'export-json')).text)).toEqual(before);
    expect(await page.evaluate(() => 'polluted' in Object.prototype)).toBe(false);
  });

  test('replacing all data with a file asks first, then holds exactly the file', async ({
    page,
  }) => {
    await openHistory(page);
    const data = await seed(page);
    const one = { ...data, sessions: data.sessions.slice(0, 1), snapshots: [], programme: null };
    await page.getByTestId('import-replace').check();
    await importText(page, 'one-session.json', JSON.stringify(one));
    const confirm = page.getByTestId('confirm-replace');
    await expect(confirm).toContainText('one-session.json');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('history-session')).toHaveCount(data.sessions.length);
    // Cancelled, the focus is back on the file chooser that asked.
    await expect(page.getByTestId('import-file')).toBeFocused();

    await importText(page, 'one-session.json', JSON.stringify(one));
    await page
      .getByTestId('confirm-replace')
      .getByRole('button', { name: 'Replace my data' })
      .click();
    await expect(page.getByTestId('data-notice')).toContainText(
      'Imported 1 workout, 0 posture snapshots, 0 checklist weeks, 8 endurance test results and settings; your data now is exactly the file’s.',
    );
    await expect(page.getByTestId('history-session')).toHaveCount(1);
    await expect(page.getByTestId('history-chart-posture')).toHaveCount(0);
  });

  test('delete all my data asks first, then empties the history', async ({ page }) => {
    await openHistory(page);
    await seed(page);
    await page.getByTestId('delete-all').click();
    await page.getByTestId('confirm-delete').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('history-session')).not.toHaveCount(0);
    await expect(page.getByTestId('delete-all')).toBeFocused();
    // Escape in the question cancels it as well, the focus back on the button.
    await page.getByTestId('delete-all').click();
    await page.getByTestId('confirm-delete').getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('confirm-delete')).toHaveCount(0);
    await expect(page.getByTestId('delete-all')).toBeFocused();

    await page.getByTestId('delete-all').click();
    await page
      .getByTestId('confirm-delete')
      .getByRole('button', { name: /delete everything/ })
      .click();
    await expect(page.getByTestId('data-notice')).toHaveText(
      'All your data was deleted from this device.',
    );
    await expect(page.getByTestId('history-empty')).toBeVisible();
    await expect(page.getByTestId('history-session')).toHaveCount(0);
    // Gone from the device, not just from the screen.
    await page.reload();
    await page.getByTestId('mode-history').click();
    await expect(page.getByTestId('history-empty')).toBeVisible();
  });

  test('a damaged saved record is left out and said so; the rest shows', async ({ page }) => {
    await openHistory(page);
    const data = await seed(page);
    // A record as a broken build or a damaged disk might leave it, written past the app.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('plumbline');
          request.onerror = () => {
            reject(new Error('could not open'));
          };
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction('sessions', 'readwrite');
            tx.objectStore('sessions').put({ id: 'damaged', startedAt: 'yesterday', sets: 7 });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        }),
    );
    await page.getByTestId('mode-workout').click();
    await page.getByTestId('mode-history').click();
    await expect(page.getByTestId('history-screen')).toContainText(
      'One saved record could not be read and is left out. Your other data is fine.',
    );
    await expect(page.getByTestId('history-session')).toHaveCount(data.sessions.length);
    await page.getByTestId('export-json').click();
    await expect(page.getByTestId('data-notice')).toContainText('1 damaged record was left out.');
  });

  test('saved data written by a newer version gives a clear message', async ({ page }) => {
    await page.goto('/harness.html');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('plumbline', 999);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => {
            reject(new Error('could not open'));
          };
        }),
    );
    await openHistory(page);
    await expect(page.getByTestId('history-error')).toContainText(
      'written by a newer version of Plumbline',
    );
    await expect(page.getByTestId('import-file')).toHaveCount(0);
    await shot(page, 'history-storage-error', false);
  });
});
