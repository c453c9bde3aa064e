import { memo, useState } from 'react';
import { REMINDER_SETTINGS_TEXT, intervalLabel } from '../../content/reminders';
import { askForNotifications, notificationAccess } from '../hooks/useReminders';
import type { NotificationAccess } from '../hooks/useReminders';
import {
  MOVEMENT_EVERY_MIN,
  POSTURE_EVERY_MIN,
  clockText,
  intervalChoices,
  parseClock,
} from '../../coach/reminders/schedule';
import type { ReminderSettings } from '../../coach/reminders/schedule';
import './reminders-menu.css';

/** Posture resets every half hour from 2 to 3 hours; movement breaks every 5 minutes, 30 to 45. */
const POSTURE_CHOICES = intervalChoices(POSTURE_EVERY_MIN, 30);
const MOVEMENT_CHOICES = intervalChoices(MOVEMENT_EVERY_MIN, 5);

interface Props {
  readonly settings: ReminderSettings;
  readonly onChange: (next: ReminderSettings) => void;
}

/**
 * The reminder settings, folded into one button in the header. Memoised, as its inputs would
 * otherwise be set again on every analysed frame (PrivacyViewSwitch says why).
 */
export const RemindersMenu = memo(function RemindersMenu({ settings, onChange }: Props) {
  const [access, setAccess] = useState<NotificationAccess>(notificationAccess);
  const text = REMINDER_SETTINGS_TEXT;
  const off = !settings.enabled;
  const set = (change: Partial<ReminderSettings>): void => {
    onChange({ ...settings, ...change });
  };
  const setQuiet = (field: 'quietFromMin' | 'quietToMin', value: string): void => {
    const minutes = parseClock(value);
    if (minutes !== null) set({ [field]: minutes });
  };
  const toggleNotifications = async (wanted: boolean): Promise<void> => {
    if (!wanted) {
      set({ systemNotifications: false });
      return;
    }
    // The browser's question comes from this press, never on its own.
    const answer = await askForNotifications();
    setAccess(answer);
    set({ systemNotifications: answer === 'granted' });
  };
  return (
    <details className="reminders-menu" data-testid="reminders-menu">
      <summary className="button button--small">{text.menu}</summary>
      <div className="reminders-menu__panel">
        <label className="reminders-menu__row reminders-menu__row--check">
          <input
            type="checkbox"
            data-testid="reminders-enabled"
            checked={settings.enabled}
            onChange={(event) => {
              set({ enabled: event.target.checked });
            }}
          />
          {text.enabled}
        </label>
        <label className="reminders-menu__row">
          {text.posture}
          <select
            data-testid="reminders-posture"
            disabled={off}
            value={settings.postureEveryMin}
            onChange={(event) => {
              set({ postureEveryMin: Number(event.target.value) });
            }}
          >
            {POSTURE_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes)}
              </option>
            ))}
          </select>
        </label>
        <label className="reminders-menu__row">
          {text.movement}
          <select
            data-testid="reminders-movement"
            disabled={off}
            value={settings.movementEveryMin}
            onChange={(event) => {
              set({ movementEveryMin: Number(event.target.value) });
            }}
          >
            {MOVEMENT_CHOICES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalLabel(minutes)}
              </option>
            ))}
          </select>
        </label>
        <div className="reminders-menu__row">
          <label>
            <input
              type="checkbox"
              data-testid="reminders-quiet"
              disabled={off}
              checked={settings.quietHours}
              onChange={(event) => {
                set({ quietHours: event.target.checked });
              }}
            />
            {text.quiet}
          </label>
          <label>
            {text.quietFrom}{' '}
            <input
              type="time"
              data-testid="reminders-quiet-from"
              disabled={off || !settings.quietHours}
              value={clockText(settings.quietFromMin)}
              onChange={(event) => {
                setQuiet('quietFromMin', event.target.value);
              }}
            />
          </label>
          <label>
            {text.quietTo}{' '}
            <input
              type="time"
              data-testid="reminders-quiet-to"
              disabled={off || !settings.quietHours}
              value={clockText(settings.quietToMin)}
              onChange={(event) => {
                setQuiet('quietToMin', event.target.value);
              }}
            />
          </label>
        </div>
        <label className="reminders-menu__row reminders-menu__row--check">
          <input
            type="checkbox"
            data-testid="reminders-notifications"
            disabled={off || access === 'missing' || access === 'denied'}
            checked={settings.systemNotifications && access === 'granted'}
            onChange={(event) => {
              void toggleNotifications(event.target.checked);
            }}
          />
          {text.notifications}
        </label>
        {access === 'denied' && <p className="reminders-menu__note">{text.notificationsBlocked}</p>}
        {access === 'missing' && (
          <p className="reminders-menu__note">{text.notificationsMissing}</p>
        )}
        <p className="reminders-menu__note">{text.note}</p>
      </div>
    </details>
  );
});
