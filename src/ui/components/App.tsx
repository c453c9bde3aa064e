import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExerciseId, Strictness } from '../../pose/exercises/types';
import type { ReminderSettings } from '../../coach/reminders/schedule';
import type { EnduranceTestId } from '../../coach/endurance/battery';
import type { EngineModel } from '../../pose/pose';
import { EXERCISE_CONTENT, EXERCISE_LIST } from '../../content/exercises';
import { FAULT_WORDING } from '../../content/cues';
import { BUTTONS, SCREENS, SCREEN_LABELS } from '../../content/workout';
import type { Screen } from '../../content/workout';
import { useCamera } from '../hooks/useCamera';
import { useStageDrawing } from '../hooks/useStageDrawing';
import type { KeyAction } from '../hooks/useKeyboard';
import { useKeyboard } from '../hooks/useKeyboard';
import { usePhoto } from '../hooks/usePhoto';
import { usePostureCheck } from '../hooks/usePostureCheck';
import { useSnapshots } from '../hooks/useSnapshots';
import { notePainStop } from '../hooks/usePlan';
import { useAutoEngine } from '../hooks/useAutoEngine';
import { usePoseEngine } from '../hooks/usePoseEngine';
import { useReminders } from '../hooks/useReminders';
import { keepsMoving } from '../../coach/reminders/busy';
import { useSettings } from '../hooks/useSettings';
import { useSettingsBackup } from '../hooks/useSettingsBackup';
import { useSpeech } from '../hooks/useSpeech';
import { useStorage } from '../hooks/useStorage';
import { useEndurance } from '../hooks/useEndurance';
import { useWorkout } from '../hooks/useWorkout';
import { useWorkoutLog } from '../hooks/useWorkoutLog';
import { useSetReplayDelete } from '../hooks/useSetReplayDelete';
import { PRIVACY_LINE } from '../../content/messages';
import { outlineEngineOffer } from '../../coach/engine-recovery';
import type { OverlaySpec } from '../render/overlay';
import { pickReadout, pickStatus } from '../../coach/status';
import { planFor } from '../../coach/workout/plan';
import type { SetPlan } from '../../coach/workout/plan';
import { presentWorkout } from '../../coach/workout/present';
import { inSet, wantsFrames } from '../../coach/workout/workout';
import { CameraButton } from './CameraButton';
import { CoachPanel } from './CoachPanel';
import { EnduranceEntry, EndurancePanel } from './EndurancePanels';
import { DevicePicker } from './DevicePicker';
import { EnginePicker } from './EnginePicker';
import { ExerciseChooser } from './ExerciseChooser';
import { KeyHelp } from './KeyHelp';
import { OfflineNote } from './OfflineNote';
import { ReadoutPanel } from './ReadoutPanel';
import { ReminderBanner } from './ReminderBanner';
import { RemindersMenu } from './RemindersMenu';
import { PainButton, PainDialog, SafetyNote } from './Safety';
import { PrivacyViewSwitch } from './PrivacyViewSwitch';
import { Stage } from './Stage';
import { StageOverlay } from './StageOverlay';
import { StatusArea } from './StatusArea';
import { VoiceToggle } from './VoiceToggle';
import { SaveBanner } from './SaveBanner';
import { ReplayView } from './ReplayView';
import { REPLAY } from '../../content/replay';
import { HistoryScreen } from '../screens/HistoryScreen';
import { PlanScreen } from '../screens/PlanScreen';
import { CountdownOverlay, PostureCheckPanel } from '../screens/PostureCheckPanel';
import { PostureSnapshots } from '../screens/PostureSnapshots';

export function App() {
  const { settings, update } = useSettings();
  const [mode, setMode] = useState<Screen>('workout');
  const [painOpen, setPainOpen] = useState(false);
  /** The finished set whose replay is open (1-based), or null. */
  const [replaying, setReplaying] = useState<number | null>(null);
  const [planned, setPlanned] = useState<{ exercise: ExerciseId; week: number } | null>(null);
  const storage = useStorage();
  useSettingsBackup(storage, settings);
  const autoEngine = useAutoEngine(settings.autoEngine, settings.engine);
  const { state: engineState, restart } = usePoseEngine(autoEngine.config);
  const engine = engineState.status === 'ready' ? engineState.engine : null;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const speak = useSpeech(settings.muted);
  const workout = useWorkout(engine, settings.strictness, speak);
  const { state: workoutState } = workout;
  const endurance = useEndurance(workout, storage, settings.strictness);
  const enduranceOn = endurance.run.phase !== 'idle';

  const selected =
    EXERCISE_LIST.find((exercise) => exercise.id === settings.exercise) ?? EXERCISE_LIST[0] ?? null;
  const plan = selected ? planFor(selected, settings.plans) : null;
  const content = workoutState.exercise ? EXERCISE_CONTENT[workoutState.exercise.id] : null;
  const view = presentWorkout(workoutState, content);
  const cuedFault = view.cue?.fault ?? null;
  // The workout screen's switch; the posture check's countdown shows the picture it will take.
  const privacyView = settings.privacyView && mode === 'workout';
  const overlay = useMemo<OverlaySpec>(
    () => ({
      bodyOutline: privacyView,
      showEvidence: workoutState.phase === 'counting',
      faults: cuedFault ? [cuedFault] : [],
      labelOf: (fault) => FAULT_WORDING[fault].label,
    }),
    [privacyView, workoutState.phase, cuedFault],
  );
  const paused = !wantsFrames(workoutState);
  const camera = useCamera(engine, {
    deviceId: settings.cameraId,
    paused,
    onAnalysis: (analysis) => {
      workout.onAnalysis(analysis);
      endurance.onAnalysis(analysis);
      // A model switch mid-set or mid-countdown would drop frames the person is waiting on.
      autoEngine.observe(analysis, inSet(workoutState) || mode === 'photo');
    },
  });
  useStageDrawing(canvasRef, camera.video, { analysis: camera.analysis, overlay, paused });
  const snapshots = useSnapshots(storage);
  const posture = usePostureCheck({
    engine,
    canvasRef,
    camera,
    storage,
    strictness: settings.strictness,
    onSaved: snapshots.refresh,
  });
  const photo = usePhoto(engine, canvasRef, posture.onStill);
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

  const startEndurance = (tests: readonly EnduranceTestId[]): void => {
    photo.clear();
    if (!cameraOn) void camera.start();
    endurance.start(tests);
  };

  const toggleMute = useCallback(() => {
    update({ muted: !settings.muted });
  }, [update, settings.muted]);
  // Stable, so the memoised components that take them render only when their settings change.
  const setReminders = useCallback(
    (reminders: ReminderSettings) => {
      update({ reminders });
    },
    [update],
  );
  const setPrivacyView = useCallback(
    (privacyView: boolean) => {
      update({ privacyView });
    },
    [update],
  );
  const selectExercise = useCallback(
    (exercise: ExerciseId) => {
      update({ exercise });
    },
    [update],
  );
  const { plans } = settings;
  const setPlan = useCallback(
    (next: SetPlan) => {
      update({ plans: { ...plans, [next.kind]: next } });
    },
    [update, plans],
  );
  const setStrictness = useCallback(
    (strictness: Strictness) => {
      update({ strictness });
    },
    [update],
  );

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
  // Saved with the workout while the exercise started from the Plan is still the one chosen.
  const programmeWeek = planned?.exercise === settings.exercise ? planned.week : null;
  const { saving, storedReplays } = useWorkoutLog(
    storage,
    workoutState,
    settings.strictness,
    programmeWeek,
  );
  const setReplays = useSetReplayDelete(storage, storedReplays);
  const replayed =
    replaying === null || setReplays.deleted(replaying)
      ? null
      : (workoutState.sets.find((set) => set.set === replaying)?.replay ?? null);
  useKeyboard(onKey, mode === 'workout' && !painOpen && replayed === null);

  const switchMode = (next: Screen): void => {
    if (next === mode) return;
    setMode(next);
    if (next !== 'workout') {
      camera.stop();
      workout.stop();
    }
    if (next !== 'photo') {
      photo.clear();
      posture.clear();
    }
  };

  /** The Plan screen's Start: this exercise and set plan, on the Workout tab. */
  const startFromPlan = (exercise: ExerciseId, next: SetPlan, week: number): void => {
    update({ exercise, plans: { ...settings.plans, [next.kind]: next } });
    setPlanned({ exercise, week });
    switchMode('workout');
  };

  /** An engine picked from an offer, like one picked by hand: the automatic choice stops. */
  const switchEngine = (engineChoice: EngineModel): void => {
    update({ engine: engineChoice, autoEngine: false });
  };

  const inWorkout = workoutState.phase !== 'idle';
  const reminders = useReminders(settings.reminders, keepsMoving(workoutState.phase));
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
              update({ engine: engineChoice, autoEngine: false });
            }}
            auto={{
              on: settings.autoEngine,
              pick: autoEngine.pick,
              phase: autoEngine.phase,
              next: autoEngine.next,
              onChoose: () => {
                update({ autoEngine: true });
              },
            }}
          />
          <RemindersMenu settings={settings.reminders} onChange={setReminders} />
          <PainButton onPress={onPain} />
        </div>
      </header>
      <ReminderBanner
        kind={reminders.showing}
        onDoItNow={(kind) => {
          reminders.done(kind);
          switchMode('workout');
          if (kind === 'posture') update({ exercise: 'wall-posture' });
        }}
        onSnooze={reminders.snooze}
        onDismiss={reminders.dismiss}
      />
      {!settings.safetyNoteDismissed && (
        <SafetyNote
          onDismiss={() => {
            update({ safetyNoteDismissed: true });
          }}
        />
      )}
      <SaveBanner status={saving} inWorkout={inWorkout} />
      {mode === 'history' && <HistoryScreen storage={storage} onSettingsImported={update} />}
      {mode === 'plan' && (
        <PlanScreen
          storage={storage}
          equipment={settings.equipment}
          onEquipmentChange={(equipment) => {
            update({ equipment });
          }}
          onStartExercise={startFromPlan}
        />
      )}
      <main className="app__main" hidden={mode === 'history' || mode === 'plan'}>
        <Stage
          canvasRef={canvasRef}
          video={camera.video}
          showVideo={!privacyView}
          active={
            live ||
            photo.state.status !== 'empty' ||
            posture.state.status === 'done' ||
            posture.state.status === 'measuring'
          }
          mirrored={live}
        >
          {mode === 'workout' && inWorkout && live && <StageOverlay view={view} />}
          {mode === 'photo' && <CountdownOverlay state={posture.state} />}
        </Stage>
        <aside className="panel">
          <StatusArea
            status={pickStatus(engineState, photo.state, camera.state)}
            onRestartEngine={restart}
            onUseEngine={switchEngine}
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
              <PrivacyViewSwitch on={settings.privacyView} onChange={setPrivacyView} />
              {enduranceOn && <EndurancePanel endurance={endurance} />}
              {!inWorkout && !enduranceOn ? (
                <>
                  <ExerciseChooser
                    exercises={EXERCISE_LIST}
                    selected={selected}
                    onSelect={selectExercise}
                    plan={plan}
                    onPlan={setPlan}
                    strictness={settings.strictness}
                    onStrictness={setStrictness}
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
                  <EnduranceEntry onStart={startEndurance} disabled={engine === null} />
                </>
              ) : (
                (!enduranceOn || inSet(workoutState)) && (
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
                    outlineEngine={outlineEngineOffer(workoutState.limitsSaid, engineState.config)}
                    onUseEngine={switchEngine}
                    onReplay={setReplaying}
                    replayDeleted={setReplays.deleted}
                  />
                )
              )}
              <ReadoutPanel readout={pickReadout(engineState, photo.state, camera.state)} />
              <KeyHelp />
            </>
          ) : (
            <>
              <PostureCheckPanel
                state={posture.state}
                engineReady={engine !== null}
                onCapture={(seconds) => {
                  photo.clear();
                  posture.startCountdown(seconds);
                }}
                onCancel={posture.cancel}
                onOpen={(file) => {
                  posture.cancel();
                  photo.open(file);
                }}
                onDownload={posture.download}
              />
              <ReadoutPanel readout={pickReadout(engineState, photo.state, camera.state)} />
            </>
          )}
        </aside>
      </main>
      {mode === 'photo' && <PostureSnapshots state={snapshots.state} onDelete={snapshots.remove} />}
      {mode === 'workout' && replayed && replaying !== null && (
        <ReplayView
          track={replayed}
          title={REPLAY.title(content?.title ?? '', replaying)}
          onClose={() => {
            setReplaying(null);
          }}
          // Once the set's replay is stored (not while it waits to be saved, nor if it was skipped).
          onDelete={
            setReplays.canDelete(replaying)
              ? () => {
                  setReplays.remove(replaying, () => {
                    setReplaying(null);
                  });
                }
              : undefined
          }
          deleteError={setReplays.errorOf(replaying)}
        />
      )}
      {painOpen && (
        <PainDialog
          onEnd={() => {
            notePainStop(storage);
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
      <footer className="app__footer">
        {PRIVACY_LINE}
        <OfflineNote />
      </footer>
    </div>
  );
}
