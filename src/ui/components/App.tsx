import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { EXERCISES } from '../../pose/exercises/registry';
import { EXERCISE_CONTENT } from '../content/exercises';
import { FAULT_WORDING } from '../content/cues';
import { BUTTONS, SCREENS, SCREEN_LABELS } from '../content/workout';
import type { Screen } from '../content/workout';
import { useCamera } from '../hooks/useCamera';
import type { KeyAction } from '../hooks/useKeyboard';
import { useKeyboard } from '../hooks/useKeyboard';
import { usePhoto } from '../hooks/usePhoto';
import { usePoseEngine } from '../hooks/usePoseEngine';
import { useSettings } from '../hooks/useSettings';
import { useSpeech } from '../hooks/useSpeech';
import { useStorage } from '../hooks/useStorage';
import { useWorkout } from '../hooks/useWorkout';
import { PRIVACY_LINE } from '../messages';
import type { OverlaySpec } from '../render/overlay';
import { pickReadout, pickStatus } from '../status';
import { planFor } from '../workout/plan';
import { presentWorkout } from '../workout/present';
import { CameraButton } from './CameraButton';
import { CoachPanel } from './CoachPanel';
import { DevicePicker } from './DevicePicker';
import { EnginePicker } from './EnginePicker';
import { ExerciseChooser } from './ExerciseChooser';
import { KeyHelp } from './KeyHelp';
import { PhotoInput } from './PhotoInput';
import { ReadoutPanel } from './ReadoutPanel';
import { PainButton, PainDialog, SafetyNote } from './Safety';
import { Stage } from './Stage';
import { StageOverlay } from './StageOverlay';
import { StatusArea } from './StatusArea';
import { VoiceToggle } from './VoiceToggle';
import { WorkoutLog } from './WorkoutLog';
import { HistoryScreen } from '../screens/HistoryScreen';
import { PlanScreen } from '../screens/PlanScreen';

export function App() {
  const { settings, update } = useSettings();
  const [mode, setMode] = useState<Screen>('workout');
  const [painOpen, setPainOpen] = useState(false);
  const storage = useStorage();
  const { state: engineState, restart } = usePoseEngine(settings.engine);
  const engine = engineState.status === 'ready' ? engineState.engine : null;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const photo = usePhoto(engine, canvasRef);
  const speak = useSpeech(settings.muted);
  const workout = useWorkout(engine, settings.strictness, speak);
  const { state: workoutState } = workout;

  const selected =
    EXERCISES.find((exercise) => exercise.id === settings.exercise) ?? EXERCISES[0] ?? null;
  const plan = selected ? planFor(selected, settings.plans) : null;
  const content = workoutState.exercise ? EXERCISE_CONTENT[workoutState.exercise.id] : null;
  const view = presentWorkout(workoutState, content);
  const cuedFault = view.cue?.fault ?? null;
  const overlay = useMemo<OverlaySpec>(
    () => ({
      showEvidence: workoutState.phase === 'counting',
      faults: cuedFault ? [cuedFault] : [],
      labelOf: (fault) => FAULT_WORDING[fault].label,
    }),
    [workoutState.phase, cuedFault],
  );
  const camera = useCamera(engine, canvasRef, {
    deviceId: settings.cameraId,
    paused: workoutState.phase === 'paused',
    onAnalysis: workout.onAnalysis,
    overlay,
  });
  const live = camera.state.status === 'live';
  const cameraOn = live || camera.state.status === 'starting';

  const { onCameraStatus } = workout;
  useEffect(() => {
    onCameraStatus(camera.state.status);
  }, [camera.state.status, onCameraStatus]);

  const startWorkout = useCallback(() => {
    if (!selected || !plan) return;
    photo.clear();
    if (!cameraOn) void camera.start();
    workout.start(selected, plan);
  }, [selected, plan, photo, cameraOn, camera, workout]);

  const toggleMute = useCallback(() => {
    update({ muted: !settings.muted });
  }, [update, settings.muted]);

  const onPain = (): void => {
    workout.pause('pain');
    setPainOpen(true);
  };

  const onKey = (action: KeyAction): void => {
    const phase = workoutState.phase;
    switch (action) {
      case 'start':
        if (phase === 'idle' || phase === 'finished') startWorkout();
        else if (phase === 'resting') workout.skipRest();
        break;
      case 'pause':
        if (phase === 'placing' || phase === 'counting') workout.pause('user');
        else if (phase === 'paused') workout.resume();
        break;
      case 'end-set':
        workout.endSet();
        break;
      case 'skip-rest':
        workout.skipRest();
        break;
      case 'mute':
        toggleMute();
        break;
    }
  };
  useKeyboard(onKey, mode === 'workout' && !painOpen);

  const switchMode = (next: Screen): void => {
    if (next === mode) return;
    setMode(next);
    if (next !== 'workout') {
      camera.stop();
      workout.stop();
    }
    if (next !== 'photo') photo.clear();
  };

  const inWorkout = workoutState.phase !== 'idle';
  return (
    <div className="app">
      <header className="app__header">
        <h1>
          Plumbline <span>form coach</span>
        </h1>
        <nav className="tabs" role="tablist" aria-label="Mode">
          {SCREENS.map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              aria-selected={mode === tab}
              className={`tabs__tab ${mode === tab ? 'tabs__tab--on' : ''}`}
              data-testid={`mode-${tab}`}
              onClick={() => {
                switchMode(tab);
              }}
            >
              {SCREEN_LABELS[tab]}
            </button>
          ))}
        </nav>
        <div className="app__tools">
          <VoiceToggle muted={settings.muted} onToggle={toggleMute} />
          <EnginePicker
            value={settings.engine}
            onChange={(engineChoice) => {
              update({ engine: engineChoice });
            }}
          />
          <PainButton onPress={onPain} />
        </div>
      </header>
      {!settings.safetyNoteDismissed && (
        <SafetyNote
          onDismiss={() => {
            update({ safetyNoteDismissed: true });
          }}
        />
      )}
      <WorkoutLog storage={storage} workout={workoutState} strictness={settings.strictness} />
      {mode === 'history' && <HistoryScreen storage={storage} />}
      {mode === 'plan' && <PlanScreen storage={storage} />}
      <main className="app__main" hidden={mode === 'history' || mode === 'plan'}>
        <Stage
          canvasRef={canvasRef}
          active={live || photo.state.status !== 'empty'}
          mirrored={live}
        >
          {mode === 'workout' && inWorkout && live && <StageOverlay view={view} />}
        </Stage>
        <aside className="panel">
          <StatusArea
            status={pickStatus(engineState, photo.state, camera.state)}
            onRestartEngine={restart}
          />
          {mode === 'workout' ? (
            <>
              <div className="panel__actions panel__actions--row">
                <CameraButton
                  state={camera.state}
                  onStart={() => {
                    photo.clear();
                    void camera.start();
                  }}
                  onStop={camera.stop}
                />
                <DevicePicker
                  devices={camera.devices}
                  value={camera.activeDeviceId ?? settings.cameraId}
                  onChange={(deviceId) => {
                    update({ cameraId: deviceId });
                    if (cameraOn) void camera.start(deviceId);
                  }}
                />
              </div>
              {!inWorkout ? (
                <>
                  <ExerciseChooser
                    exercises={EXERCISES}
                    selected={selected}
                    onSelect={(id) => {
                      update({ exercise: id });
                    }}
                    plan={plan}
                    onPlan={(next) => {
                      update({ plans: { ...settings.plans, [next.kind]: next } });
                    }}
                    strictness={settings.strictness}
                    onStrictness={(strictness) => {
                      update({ strictness });
                    }}
                  />
                  <button
                    type="button"
                    className="button button--primary button--big"
                    data-testid="start-workout"
                    disabled={!selected}
                    onClick={startWorkout}
                  >
                    {BUTTONS.start} <small>S</small>
                  </button>
                </>
              ) : (
                <CoachPanel
                  state={workoutState}
                  view={view}
                  title={content?.title ?? ''}
                  onPause={() => {
                    workout.pause('user');
                  }}
                  onResume={workout.resume}
                  onEndSet={workout.endSet}
                  onSkipRest={workout.skipRest}
                  onNewWorkout={workout.stop}
                />
              )}
              <ReadoutPanel readout={pickReadout(engineState, photo.state, camera.state)} />
              <KeyHelp />
            </>
          ) : (
            <>
              <div className="panel__actions">
                <PhotoInput onOpen={photo.open} />
              </div>
              <ReadoutPanel readout={pickReadout(engineState, photo.state, camera.state)} />
            </>
          )}
        </aside>
      </main>
      {painOpen && (
        <PainDialog
          onEnd={() => {
            setPainOpen(false);
            workout.stop();
            camera.stop();
          }}
          onResume={() => {
            setPainOpen(false);
            workout.resume();
          }}
        />
      )}
      <footer className="app__footer">{PRIVACY_LINE}</footer>
    </div>
  );
}
