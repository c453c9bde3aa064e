import { REMINDER_BUTTONS, REMINDER_TEXT } from '../../content/reminders';
import { SNOOZE_MIN } from '../../coach/reminders/schedule';
import type { ReminderKind } from '../../coach/reminders/schedule';
import './reminder-banner.css';

interface Props {
  readonly kind: ReminderKind | null;
  readonly onDoItNow: (kind: ReminderKind) => void;
  readonly onSnooze: (kind: ReminderKind) => void;
  readonly onDismiss: () => void;
}

/** The in-page reminder: always shown, whether or not a system notification went out too. */
export function ReminderBanner({ kind, onDoItNow, onSnooze, onDismiss }: Props) {
  if (!kind) return null;
  const text = REMINDER_TEXT[kind];
  return (
    <section
      className="reminder-banner"
      role="alert"
      aria-label={text.title}
      data-testid="reminder-banner"
      data-kind={kind}
    >
      <h2 className="reminder-banner__title">{text.title}</h2>
      <p className="reminder-banner__body">{text.body}</p>
      <div className="reminder-banner__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="reminder-do-it"
          onClick={() => {
            onDoItNow(kind);
          }}
        >
          {REMINDER_BUTTONS.doItNow}
        </button>
        <button
          type="button"
          className="button"
          data-testid="reminder-snooze"
          onClick={() => {
            onSnooze(kind);
          }}
        >
          {REMINDER_BUTTONS.snooze(SNOOZE_MIN)}
        </button>
        <button type="button" className="button button--small" onClick={onDismiss}>
          {REMINDER_BUTTONS.dismiss}
        </button>
      </div>
    </section>
  );
}
