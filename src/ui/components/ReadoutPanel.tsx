import type { Readout } from '../../coach/status';

interface Props {
  readonly readout: Readout;
}

export function ReadoutPanel({ readout }: Props) {
  const { people, frameTime } = readout;
  return (
    <dl className="readout">
      <dt>People</dt>
      <dd
        data-testid="person-count"
        data-count={people?.count ?? ''}
        className={people && people.count !== 1 ? 'readout--warn' : undefined}
      >
        {people?.text ?? '–'}
      </dd>
      <dt>Speed</dt>
      <dd data-testid="frame-time" data-ms={frameTime.ms === null ? '' : frameTime.ms.toFixed(1)}>
        {frameTime.text}
      </dd>
    </dl>
  );
}
