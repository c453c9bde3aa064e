import { useCallback, useEffect } from 'react';

function synth(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window
    ? window.speechSynthesis
    : null;
}

/**
 * Says one sentence at a time with the Web Speech API. Policy: a new sentence cancels whatever is
 * still being said, so cues never pile up in the queue (the cue cooldown keeps them apart anyway).
 * Errors (no voices, no user gesture yet) count as finished: nothing ever waits for `end`.
 */
export function useSpeech(muted: boolean): (text: string) => void {
  useEffect(() => {
    if (muted) synth()?.cancel();
  }, [muted]);
  useEffect(() => () => synth()?.cancel(), []);
  return useCallback(
    (text: string) => {
      const speech = synth();
      if (muted || !speech || typeof SpeechSynthesisUtterance === 'undefined') return;
      speech.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.rate = 1;
      utterance.onerror = () => undefined;
      speech.speak(utterance);
    },
    [muted],
  );
}
