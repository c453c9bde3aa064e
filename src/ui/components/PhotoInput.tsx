import { PHOTO_BUTTON, PHOTO_BUTTON_HINT } from '../../content/messages';

interface Props {
  readonly onOpen: (file: File) => void;
}

/** "Open a photo": photos, and GIF, WebP or MP4 clips. */
export function PhotoInput({ onOpen }: Props) {
  return (
    <label className="button photo-input">
      {PHOTO_BUTTON}
      <small>{PHOTO_BUTTON_HINT}</small>
      <input
        data-testid="photo-input"
        type="file"
        accept="image/*,video/mp4,.gif,.webp,.mp4"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that opening the same file again is still a change.
          event.target.value = '';
          if (file) onOpen(file);
        }}
      />
    </label>
  );
}
