import { useRef, useState } from 'react';
import type { EngineModel } from '../../pose/pose';
import { DEFAULT_ENGINE } from '../engine-choices';
import { useCamera } from '../hooks/useCamera';
import { usePhoto } from '../hooks/usePhoto';
import { usePoseEngine } from '../hooks/usePoseEngine';
import { PRIVACY_LINE } from '../messages';
import { pickReadout, pickStatus } from '../status';
import { CameraButton } from './CameraButton';
import { EnginePicker } from './EnginePicker';
import { PhotoInput } from './PhotoInput';
import { ReadoutPanel } from './ReadoutPanel';
import { Stage } from './Stage';
import { StatusArea } from './StatusArea';

export function App() {
  const [config, setConfig] = useState<EngineModel>(DEFAULT_ENGINE);
  const { state: engineState, restart } = usePoseEngine(config);
  const engine = engineState.status === 'ready' ? engineState.engine : null;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const photo = usePhoto(engine, canvasRef);
  const camera = useCamera(engine, canvasRef);
  const live = camera.state.status === 'live';

  return (
    <div className="app">
      <header className="app__header">
        <h1>
          Plumbline <span>form coach</span>
        </h1>
        <EnginePicker value={config} onChange={setConfig} />
      </header>
      <main className="app__main">
        <Stage
          canvasRef={canvasRef}
          active={live || photo.state.status !== 'empty'}
          mirrored={live}
        />
        <aside className="panel">
          <StatusArea
            status={pickStatus(engineState, photo.state, camera.state)}
            onRestartEngine={restart}
          />
          <div className="panel__actions">
            <CameraButton
              state={camera.state}
              onStart={() => {
                photo.clear();
                void camera.start();
              }}
              onStop={camera.stop}
            />
            <PhotoInput
              onOpen={(file) => {
                camera.stop();
                photo.open(file);
              }}
            />
          </div>
          <ReadoutPanel readout={pickReadout(engineState, photo.state, camera.state)} />
        </aside>
      </main>
      <footer className="app__footer">{PRIVACY_LINE}</footer>
    </div>
  );
}
