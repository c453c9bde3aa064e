import { transferHandlers } from 'comlink';

/** What went wrong in the pose engine, as a code the UI can act on. */
export type PoseErrorCode =
  | 'MODEL_LOAD' // a model file is missing, truncated or not what the engine expects
  | 'WASM' // the WebAssembly runtime failed to load or aborted
  | 'BAD_INPUT' // the frame is empty, closed or of a size the engine cannot take
  | 'NOT_READY' // estimate was called before init finished, or after dispose
  | 'INFERENCE' // the model call itself failed
  | 'WORKER_LOST'; // the worker crashed (an uncaught error) or stopped answering

/** An engine failure with a code and a message a person understands. */
export class PoseEngineError extends Error {
  constructor(
    readonly code: PoseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PoseEngineError';
  }
}

export function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

interface SerializedThrow {
  readonly isEngineError: boolean;
  readonly code: PoseErrorCode | null;
  readonly message: string;
  readonly name: string;
}

const POSE_ERROR_CODES: readonly PoseErrorCode[] = [
  'MODEL_LOAD',
  'WASM',
  'BAD_INPUT',
  'NOT_READY',
  'INFERENCE',
  'WORKER_LOST',
];

function isPoseErrorCode(value: unknown): value is PoseErrorCode {
  return POSE_ERROR_CODES.some((code) => code === value);
}

const defaultThrowHandler = transferHandlers.get('throw');

/**
 * Comlink sends a thrown error across as its message and name only; this keeps the `code` so the
 * UI receives a real `PoseEngineError`. Installed on both sides of the worker boundary.
 */
export function installPoseErrorTransfer(): void {
  if (!defaultThrowHandler) return;
  transferHandlers.set('throw', {
    canHandle: (value: unknown): value is unknown => defaultThrowHandler.canHandle(value),
    serialize: (thrown: unknown): [SerializedThrow, Transferable[]] => {
      const value = (thrown as { value: unknown }).value;
      if (value instanceof PoseEngineError) {
        return [
          { isEngineError: true, code: value.code, message: value.message, name: value.name },
          [],
        ];
      }
      const message = value instanceof Error ? value.message : String(value);
      const name = value instanceof Error ? value.name : 'Error';
      return [{ isEngineError: false, code: null, message, name }, []];
    },
    deserialize: (serialized: unknown): never => {
      const thrown = serialized as SerializedThrow;
      if (thrown.isEngineError && isPoseErrorCode(thrown.code)) {
        throw new PoseEngineError(thrown.code, thrown.message);
      }
      throw Object.assign(new Error(thrown.message), { name: thrown.name });
    },
  });
}
