// Play, pause and step: the animation-frame loop that trains a playground. Each frame
// owes `epochsPerFrame` epochs (the speed) but trains only as many as fit in the
// playground's share of the frame (frame-scheduler.js) once the drawing of the last
// frames is counted, and carries the rest to the next frame (at most one frame's
// worth), then draws once. When one epoch does not fit in the frame, it trains the
// epoch by mini-batches over several frames (the core keeps the epoch's place), so a
// frame trains at least one batch and the page keeps drawing at the display's rate; the
// core then measures the epoch's losses over the next calls, a batch's worth of points
// for each batch asked, and counts the epoch once they are measured.
// A step owes one frame's worth of epochs and resolves once they are trained and drawn
// (over as many frames as that takes).
// While the playground is off screen (`suspend`) playing frames wait; steps still run.
// It knows nothing of the core: its owner trains and draws.

import { measured } from './frame-marks.js';
import { requestFrame, cancelFrame } from './frame-scheduler.js';

/** Training time per frame even when drawing alone fills it (at least one batch is trained). */
const MIN_TRAIN_MS = 1;
/** Weight of the newest measurement in the running estimates. */
const SMOOTHING = 0.3;
/** Shortest training call whose time is taken as a measurement (the clock is coarse). */
const MEASURABLE_MS = 1;
/**
 * Most batches asked of the core in one call. While calls are too short to time, the
 * probe doubles with every call; unbounded it passed 2³² and reached the core's u32
 * argument as 0, so a step "trained" nothing. A million batches' worth is far more
 * than any frame can use, and the next call goes on where this one stopped.
 */
export const MAX_BATCHES_PER_CALL = 2 ** 20;

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
   *          trainEpochs: (epochs: number) => number, trainBatches: (batches: number) => number,
   *          batchProgress: () => {perEpoch: number, done: number, epoch: number}, draw: () => void,
   *          failed: (error: Error) => boolean, showPlaying: (playing: boolean) => void}} owner
   *   `busy`: the core is restarting (skip the frame); `trainEpochs` and `trainBatches`
   *   train and say how many epochs (an epoch under way counts as one) or batches' worth
   *   of work they did (fewer: training stopped, or, for batches, an epoch was counted);
   *   `batchProgress` gives the batches of an epoch, those done of the epoch under way
   *   (all of them while its losses are measured) and the epochs counted; `draw` shows the result;
   *   `failed` is told about an error and says whether to keep playing
   */
  constructor(owner) {
    this.owner = owner;
    this.playing = false;
    this.owed = 0; // epochs asked for and not yet trained
    this.steps = []; // {resolve, reject} of the step() calls waiting for `owed` to reach 0
    this.frameRequested = false;
    this.suspended = false; // off screen: playing frames wait until shown again
    this.forgetTimings();
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.finishSteps();
    this.owner.showPlaying(true);
    this.owner.ready().then(
      () => this.scheduleFrame(),
      () => this.pause(),
    );
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
    this.epochTime = new Estimate(); // milliseconds per whole-epoch call's epoch
    this.batchTime = new Estimate(); // milliseconds per batch
    this.drawTime = new Estimate(); // milliseconds per draw
    this.probe = 1; // batches to try while no batch time is measurable
    this.pending = { ms: 0, batches: 0 }; // batch calls too short to measure alone
    this.sinceDraw = 0; // milliseconds trained since the last drawing
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
    const drawMs = this.drawTime.value ?? 0;
    if (drawMs > budget / 2 && this.sinceDraw < drawMs) {
      // Drawing takes most of a frame: this frame only trains, for the whole budget,
      // and the page is drawn once training since the last drawing took as long.
      const start = performance.now();
      this.trainWithin(budget);
      this.sinceDraw += performance.now() - start;
      if (this.owed > 0) return;
    } else {
      this.trainWithin(Math.max(MIN_TRAIN_MS, budget - drawMs));
    }
    const start = performance.now();
    this.owner.draw();
    this.drawTime.add(performance.now() - start);
    this.sinceDraw = 0;
  }

  /**
   * Trains owed epochs until `budget` ms have passed (at least one batch): whole epochs
   * in as few calls as the estimate allows when one fits, else batches of the epoch
   * under way.
   */
  trainWithin(budget) {
    const start = performance.now();
    let trained = false;
    while (this.owed > 0) {
      const left = budget - (performance.now() - start);
      if (trained && left <= 0) break;
      const { perEpoch, done, epoch } = this.owner.batchProgress();
      const measuring = perEpoch > 0 && done >= perEpoch;
      const perBatch = this.batchTime.value;
      const perEpochMs = this.epochTime.value ?? (perBatch === null ? null : perBatch * perEpoch);
      trained = true;
      const epochFits = perEpochMs !== null && perEpochMs <= left;
      let stopped;
      if (epochFits && done === 0) {
        stopped = this.trainEpochs(perEpochMs === 0 ? this.owed : Math.min(this.owed, Math.floor(left / perEpochMs)), perEpoch);
      } else {
        // When a whole epoch fits, only the rest of the one under way: whole epochs follow.
        const fit = perBatch ? Math.floor(left / perBatch) : this.probe;
        stopped = this.trainBatches(epochFits && !measuring ? Math.min(fit, perEpoch - done) : fit, { perEpoch, done, epoch, measuring });
      }
      if (stopped) {
        this.owed = 0; // training stopped (the loss diverged, or a stop condition): the owner says why
        break;
      }
    }
  }

  /** Trains `epochs` (at least one) whole epochs; says whether training stopped. */
  trainEpochs(epochs, perEpoch) {
    epochs = Math.max(1, epochs);
    const before = performance.now();
    const done = measured('train', () => this.owner.trainEpochs(epochs));
    const elapsed = performance.now() - before;
    if (done > 0) {
      this.epochTime.add(elapsed / done);
      if (perEpoch > 0) this.batchTime.add(elapsed / (done * perEpoch));
    }
    this.owed -= done;
    return done < epochs;
  }

  /**
   * Trains `batches` (at least one, at most what the owed epochs need) from `progress`
   * (the owner's `batchProgress`); says whether training stopped.
   */
  trainBatches(batches, { perEpoch, done, epoch, measuring }) {
    // A call measuring the losses ends once they are measured: nothing past them is trained.
    batches = Math.max(1, Math.min(MAX_BATCHES_PER_CALL, measuring ? batches : this.owed * perEpoch - done, batches));
    const before = performance.now();
    const trained = measured('train', () => this.owner.trainBatches(batches));
    const elapsed = performance.now() - before;
    const pending = this.pending;
    pending.ms += elapsed;
    pending.batches += trained;
    if (pending.batches > 0 && pending.ms >= MEASURABLE_MS) {
      this.batchTime.add(pending.ms / pending.batches);
      this.pending = { ms: 0, batches: 0 };
    } else if (this.batchTime.value === null) this.probe = Math.min(2 * this.probe, MAX_BATCHES_PER_CALL);
    const counted = this.owner.batchProgress().epoch - epoch;
    this.owed -= Math.max(0, counted);
    return trained < batches && counted <= 0;
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
