// Play, pause and step: the animation-frame loop that trains a playground. Each frame
// owes `epochsPerFrame` epochs (the speed) but trains only as many as fit in the
// playground's share of the frame (frame-scheduler.js) once the drawing of the last
// frames is counted, and carries the rest to the next frame (at most one frame's
// worth), then draws once. So the page keeps drawing at the display's rate at any
// speed, and a network too large for the speed trains at least one epoch per frame.
// A step owes one frame's worth of epochs and resolves once they are trained and drawn.
// While the playground is off screen (`suspend`) playing frames wait; steps still run.
// It knows nothing of the core: its owner trains and draws.

import { measured } from './frame-marks.js';
import { requestFrame, cancelFrame } from './frame-scheduler.js';

/** Training time per frame even when drawing alone fills it (at least one epoch is trained). */
const MIN_TRAIN_MS = 1;
/** Weight of the newest measurement in the running estimates. */
const SMOOTHING = 0.3;

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** A running average of a duration in milliseconds (null until measured). */
class Estimate {
  constructor() {
    this.value = null;
  }

  add(sample) {
    this.value = this.value === null ? sample : this.value + SMOOTHING * (sample - this.value);
  }
}

export class TrainingLoop {
  /**
   * @param {{ready: () => Promise<void>, busy: () => boolean, epochsPerFrame: () => number,
   *          trainEpochs: (epochs: number) => number, draw: () => void,
   *          failed: (error: Error) => boolean, showPlaying: (playing: boolean) => void}} owner
   *   `busy`: the core is restarting (skip the frame); `trainEpochs` trains and says how
   *   many epochs it trained (fewer: training stopped); `draw` shows the result;
   *   `failed` is told about an error and says whether to keep playing
   */
  constructor(owner) {
    this.owner = owner;
    this.playing = false;
    this.owed = 0; // epochs asked for and not yet trained
    this.steps = []; // {resolve, reject} of the step() calls waiting for `owed` to reach 0
    this.frameRequested = false;
    this.suspended = false; // off screen: playing frames wait until shown again
    this.epochTime = new Estimate(); // milliseconds per epoch
    this.drawTime = new Estimate(); // milliseconds per draw
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.finishSteps();
    this.owner.showPlaying(true);
    this.owner.ready().then(() => this.scheduleFrame(), () => this.pause());
  }

  pause() {
    const was = this.playing;
    this.playing = false;
    this.owed = 0;
    cancelFrame(this);
    this.frameRequested = false;
    this.finishSteps();
    if (was) this.owner.showPlaying(false);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Pauses, trains one frame's worth of epochs (the speed) and resolves once they are drawn. */
  async step(restarting) {
    await this.owner.ready();
    if (this.playing) this.pause();
    await restarting();
    await new Promise((resolve, reject) => {
      this.steps.push({ resolve, reject });
      this.owed += this.owner.epochsPerFrame();
      this.scheduleFrame();
    });
    await nextFrame();
  }

  /** Neither playing nor owing epochs to a step. */
  get idle() {
    return !this.playing && this.owed === 0;
  }

  /** Forgets how long an epoch and a draw took (the network or its settings changed). */
  forgetTimings() {
    this.epochTime = new Estimate();
    this.drawTime = new Estimate();
  }

  /** Off screen (true) playing frames wait; shown again (false), training goes on where it was. */
  suspend(suspended) {
    this.suspended = suspended;
    if (suspended && this.owed === 0) {
      cancelFrame(this);
      this.frameRequested = false;
    } else {
      this.scheduleFrame();
    }
  }

  scheduleFrame() {
    const wanted = this.owed > 0 || (this.playing && !this.suspended);
    if (wanted && !this.frameRequested) {
      this.frameRequested = true;
      requestFrame(this);
    }
  }

  /** One frame, with `budget` milliseconds of script time for this playground. */
  onFrame(budget) {
    this.frameRequested = false;
    if (this.idle) return;
    if (this.suspended && this.owed === 0) return;
    if (!this.owner.busy()) {
      try {
        measured('frame', () => this.trainFrame(budget));
      } catch (error) {
        this.finishSteps(error);
        if (!this.owner.failed(error)) {
          this.pause();
          return;
        }
      }
    }
    if (this.idle) this.finishSteps();
    this.scheduleFrame();
  }

  /** Trains what this frame owes within `budget` ms (drawing included), then draws. */
  trainFrame(budget) {
    if (this.playing && !this.suspended) {
      const speed = this.owner.epochsPerFrame();
      this.owed = Math.min(this.owed + speed, 2 * speed);
    }
    this.trainWithin(Math.max(MIN_TRAIN_MS, budget - (this.drawTime.value ?? 0)));
    const start = performance.now();
    this.owner.draw();
    this.drawTime.add(performance.now() - start);
  }

  /** Trains owed epochs in as few calls as the estimate allows, until `budget` ms have passed (at least one epoch). */
  trainWithin(budget) {
    const start = performance.now();
    let trained = 0;
    while (this.owed > 0) {
      const left = budget - (performance.now() - start);
      if (trained > 0 && left <= 0) break;
      const perEpoch = this.epochTime.value;
      let epochs = 1;
      if (perEpoch === 0) epochs = this.owed;
      else if (perEpoch !== null) epochs = Math.max(1, Math.min(this.owed, Math.floor(left / perEpoch)));
      const before = performance.now();
      const done = measured('train', () => this.owner.trainEpochs(epochs));
      if (done > 0) this.epochTime.add((performance.now() - before) / done);
      trained += done;
      this.owed -= done;
      if (done < epochs) {
        this.owed = 0; // training stopped (the loss diverged): the owner says why
        break;
      }
    }
  }

  /** Settles the waiting step() calls (rejects them with `error`, if given). */
  finishSteps(error) {
    const steps = this.steps;
    this.steps = [];
    if (error) this.owed = 0;
    for (const step of steps) {
      if (error) step.reject(error);
      else step.resolve();
    }
  }
}
