import type { CameraDevice } from '../hooks/useCamera';

interface Props {
  readonly devices: readonly CameraDevice[];
  readonly value: string | null;
  readonly onChange: (deviceId: string) => void;
}

/** Which camera to use; listed once the browser has allowed one (labels need permission). */
export function DevicePicker({ devices, value, onChange }: Props) {
  if (devices.length === 0) return null;
  return (
    <label className="device-picker">
      <span>Camera</span>
      <select
        data-testid="camera-select"
        value={value ?? devices[0]?.deviceId ?? ''}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
    </label>
  );
}
