/** The session a reload or a closed tab interrupted (kept as a draft), offered on Home: continue, save as is, discard. */
import { EXERCISE_IDS, getExercise } from '../exercises/registry.ts';
import { recordSoFar, type SessionDraft } from '../sessions/draft.ts';
import type { SessionController } from './session.svelte.ts';
import { history } from './history.svelte.ts';
import { spineStore } from './store.ts';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

class DraftOfferState {
  /** The newest unsaved session, null when there is none (or it was dealt with). */
  draft: SessionDraft | null = $state.raw(null);
  error: string | null = $state(null);

  async load(): Promise<void> {
    try {
      this.draft = (await (await spineStore()).latestDraft()) ?? null;
    } catch (e) {
      this.error = message(e);
    }
  }

  /** Goes on with it in `session` (the caller shows the session screen). */
  continueIn(session: SessionController): void {
    const d = this.draft;
    if (!d) return;
    const routine = d.routine.filter((id) => EXERCISE_IDS.includes(id)).map(getExercise);
    session.restore(d, routine);
    this.draft = null;
  }

  /** Saves it as a session as far as it went (its draft goes in the same transaction). */
  async saveAsIs(): Promise<void> {
    await this.#settle((store, d) => store.saveSession(recordSoFar(d)));
    await history.refresh();
  }

  async discard(): Promise<void> {
    await this.#settle((store, d) => store.deleteDraft(d.id));
  }

  async #settle(op: (store: Awaited<ReturnType<typeof spineStore>>, d: SessionDraft) => Promise<void>) {
    const d = this.draft;
    if (!d) return;
    try {
      await op(await spineStore(), d);
      this.error = null;
      this.draft = (await (await spineStore()).latestDraft()) ?? null;
    } catch (e) {
      this.error = message(e);
    }
  }
}

export const draftOffer = new DraftOfferState();
