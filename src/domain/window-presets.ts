/**
 * Window presets (centre/width in HU) of the thumbnails, the gallery and the viewer. The
 * render cache key includes them (render/thumbnails.ts), so changing one re-renders the sprites.
 */
export const WINDOW_PRESETS = {
  brain: { center: 40, width: 80 },
  subdural: { center: 75, width: 200 },
  bone: { center: 600, width: 2800 },
} as const;
export type WindowPresetId = keyof typeof WINDOW_PRESETS;
export const WINDOW_PRESET_IDS = Object.keys(WINDOW_PRESETS) as WindowPresetId[];
