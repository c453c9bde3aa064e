import { KEYS } from '../../content/workout';

/** The keys, on screen: the person may be on the floor, far from the mouse. */
export function KeyHelp() {
  return (
    <section className="card keys" aria-label="Keyboard">
      <h2 className="card__title">Keys</h2>
      <dl data-testid="key-help">
        {KEYS.map(({ key, action }) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
