// The lockstep driver of a comparison: two runs, A and B, trained together so neither
// gets ahead. A round steps both at once (each trains its speed's epochs — the same
// for both — and resolves once drawn) and ends when both show their step; playing is
// one round after another. A round in which the two did not move by the same number of
// epochs (one diverged, or reached its stop condition) pauses both and says why. Rounds
// never overlap: step, play, pause and reset wait for the one under way. It knows
// nothing of the DOM: each run is anything with `step()`, `reset()` and `state`.

/** @typedef {{epoch: number, divergence?: string, finished?: boolean, stopReason?: string}} RunState */
/** @typedef {{step: () => Promise<RunState>, reset: () => void, state: RunState}} Run */

export const RUN_NAMES = ['A', 'B'];

/**
 * Why a round that moved the runs by `moved` epochs (from the states `after`) must
 * stop both, or null when both may go on.
 * @param {RunState[]} after @param {number[]} moved
 */
export function stopReason(after, moved) {
  const stopped = after
    .map((state, index) => {
      const why = state.divergence || (state.finished ? state.stopReason : '');
      return why ? `${RUN_NAMES[index]} stopped at epoch ${state.epoch}: ${why}` : null;
    })
    .filter(Boolean);
  if (stopped.length === 0 && moved[0] === moved[1]) return null;
  const paused = stopped.length === 1 ? ` ${stopped[0].startsWith('A') ? 'B' : 'A'} paused with it, so neither gets ahead.` : '';
  return `${(stopped.length ? stopped : [`A moved ${moved[0]} epochs and B ${moved[1]}`]).join('; ')}.${paused}`;
}

export class Lockstep {
  /**
   * @param {Run[]} runs A and B
   * @param {{round: (states: RunState[]) => void, stopped: (reason: string) => void,
   *          showPlaying: (playing: boolean) => void}} owner `round` after each round;
   *   `stopped` when a round had to stop both; `showPlaying` when playing starts or ends
   */
  constructor(runs, owner) {
    this.runs = runs;
    this.owner = owner;
    this.playing = false;
    this.under = Promise.resolve(); // the round (or reset) under way
  }

  /** Queues `work` after what is under way; resolves with its result. */
  queue(work) {
    const next = this.under.then(work);
    this.under = next.catch(() => {});
    return next;
  }

  /** Steps both runs once; resolves with their states once both show the step. */
  async round() {
    const before = this.runs.map((run) => run.state.epoch);
    const after = await Promise.all(this.runs.map((run) => run.step()));
    const moved = after.map((state, index) => state.epoch - before[index]);
    this.owner.round(after);
    const reason = stopReason(after, moved);
    if (reason) {
      this.pause();
      this.owner.stopped(reason);
    }
    return after;
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.owner.showPlaying(true);
    const loop = async () => {
      while (this.playing) await this.round();
    };
    this.queue(loop).catch((error) => {
      this.pause();
      this.owner.stopped(error.message);
    });
  }

  /** Stops after the round under way. */
  pause() {
    if (!this.playing) return;
    this.playing = false;
    this.owner.showPlaying(false);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Pauses, then steps both once; resolves with `[stateA, stateB]` once both are drawn. */
  step() {
    this.pause();
    return this.queue(() => this.round());
  }

  /** Pauses and, once the round under way ended, puts both back at their starting weights (epoch 0). */
  reset() {
    this.pause();
    return this.queue(() => {
      for (const run of this.runs) run.reset();
    });
  }
}
