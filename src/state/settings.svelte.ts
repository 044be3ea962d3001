/** User settings as runes, loaded from and saved to the device. */
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../sessions/types.ts';
import { spineStore } from './store.ts';

class SettingsState {
  value: Settings = $state.raw(DEFAULT_SETTINGS);
  loaded = $state(false);
  error: string | null = $state(null);
  private loading: Promise<void> | null = null;

  /** Loads once; later calls wait for the same load. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      try {
        this.value = await (await spineStore()).loadSettings();
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e);
      }
      this.loaded = true;
    })();
    return this.loading;
  }

  /** Changes some settings and saves them. */
  async update(patch: Partial<Settings>): Promise<void> {
    this.value = resolveSettings({ ...this.value, ...patch });
    try {
      await (await spineStore()).saveSettings(this.value);
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }
}

/** The app's settings. */
export const settings = new SettingsState();
