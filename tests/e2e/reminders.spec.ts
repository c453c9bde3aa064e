/**
 * Posture and movement reminders in the built app, on Playwright's fake clock: the in-page reminder
 * comes after the chosen interval, snooze brings it back, a reload keeps its time, "Do it now"
 * opens the posture check, and nothing comes during quiet hours. The time zone is fixed so "21:00" means the same to all.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './support/workout-page';

test.use({ timezoneId: 'UTC' });

async function turnOnReminders(page: Page, movementMinutes: string): Promise<void> {
  const menu = page.getByTestId('reminders-menu');
  await menu.locator('summary').click();
  await page.getByTestId('reminders-enabled').check();
  await page.getByTestId('reminders-movement').selectOption(movementMinutes);
  // Quiet hours are on by default, 21:00 to 08:00.
  await expect(page.getByTestId('reminders-quiet')).toBeChecked();
  await expect(page.getByTestId('reminders-quiet-from')).toHaveValue('21:00');
  await expect(page.getByTestId('reminders-quiet-to')).toHaveValue('08:00');
  await menu.locator('summary').click();
}

test('a movement break comes after the interval, and snooze brings it back', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
  await page.goto('/');
  await turnOnReminders(page, '30');
  const banner = page.getByTestId('reminder-banner');

  await page.clock.fastForward('29:00');
  await expect(banner).toBeHidden();
  await page.clock.fastForward('02:00');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'movement');
  await expect(banner).toContainText('Time to move');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reminder-banner.png') });

  await page.getByTestId('reminder-snooze').click();
  await expect(banner).toBeHidden();
  await page.clock.fastForward('09:00');
  await expect(banner).toBeHidden();
  await page.clock.fastForward('02:00');
  await expect(banner).toHaveAttribute('data-kind', 'movement');

  // The choice is remembered across visits.
  await page.reload();
  await page.getByTestId('reminders-menu').locator('summary').click();
  await expect(page.getByTestId('reminders-enabled')).toBeChecked();
  await expect(page.getByTestId('reminders-movement')).toHaveValue('30');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'reminders-menu.png') });
});

test('a reload does not put the next reminder off', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
  await page.goto('/');
  await turnOnReminders(page, '30');
  await page.clock.fastForward('20:00');
  await page.reload();
  const banner = page.getByTestId('reminder-banner');
  // Due at 10:30 as before the reload, not 30 minutes after it.
  await page.clock.fastForward('09:00');
  await expect(banner).toBeHidden();
  await page.clock.fastForward('02:00');
  await expect(banner).toHaveAttribute('data-kind', 'movement');
});

test('a tab away for hours gets one posture reset, and "Do it now" opens the wall check', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00Z') });
  await page.goto('/');
  await turnOnReminders(page, '45');
  await page.getByTestId('mode-photo').click();
  // Asleep (or hidden) for five hours: one reminder, the posture reset, not a pile of them.
  await page.clock.fastForward('05:00:00');
  const banner = page.getByTestId('reminder-banner');
  await expect(banner).toHaveAttribute('data-kind', 'posture');
  await expect(banner).toContainText('Time for a posture reset');
  await expect(page.getByTestId('reminder-banner')).toHaveCount(1);

  await page.getByTestId('reminder-do-it').click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('mode-workout')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('exercise-wall-posture')).toBeChecked();
});

test('no reminder during quiet hours; the first one comes in the morning', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-23T20:50:00Z') });
  await page.goto('/');
  await turnOnReminders(page, '30');
  const banner = page.getByTestId('reminder-banner');
  // 20:50 to 23:50: well past both intervals, all of it quiet from 21:00.
  await page.clock.fastForward('01:00:00');
  await expect(banner).toBeHidden();
  await page.clock.fastForward('02:00:00');
  await expect(banner).toBeHidden();
  // 07:50, still quiet.
  await page.clock.fastForward('08:00:00');
  await expect(banner).toBeHidden();
  // 08:25: quiet hours are over, and the movement break is due again.
  await page.clock.fastForward('35:00');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('data-kind', 'movement');
});

declare global {
  interface Window {
    notificationsShown?: string[];
    permissionAsks?: number;
  }
}

/** Runs before the app: records permission requests and the system notifications made. */
function watchNotifications(): void {
  const Real = window.Notification;
  const shown: string[] = [];
  window.notificationsShown = shown;
  window.permissionAsks = 0;
  class Watched extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push(title);
    }
    static override requestPermission(): Promise<NotificationPermission> {
      window.permissionAsks = (window.permissionAsks ?? 0) + 1;
      return Real.requestPermission();
    }
  }
  window.Notification = Watched;
}

test.describe('with system notifications allowed', () => {
  test.use({ permissions: ['notifications'] });

  test('asks only on a press, then reminds through a system notification too', async ({ page }) => {
    await page.addInitScript(watchNotifications);
    await page.clock.install({ time: new Date('2026-11-23T10:00:00Z') });
    await page.goto('/');
    await turnOnReminders(page, '30');
    expect(await page.evaluate(() => window.permissionAsks)).toBe(0);

    await page.getByTestId('reminders-menu').locator('summary').click();
    // Ticked once the browser has answered (click, not check: the answer comes asynchronously).
    await page.getByTestId('reminders-notifications').click();
    await expect(page.getByTestId('reminders-notifications')).toBeChecked();
    expect(await page.evaluate(() => window.permissionAsks)).toBe(1);
    await page.getByTestId('reminders-menu').locator('summary').click();

    await page.clock.fastForward('31:00');
    await expect(page.getByTestId('reminder-banner')).toHaveAttribute('data-kind', 'movement');
    expect(await page.evaluate(() => window.notificationsShown)).toEqual(['Time to move']);
  });
});
