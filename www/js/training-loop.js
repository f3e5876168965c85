// Play, pause and step: the requestAnimationFrame loop that trains a playground one
// frame at a time. It knows nothing of the core; it asks its owner to train a few
// epochs per frame and tells it when playing starts or stops.

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

export class TrainingLoop {
  /**
   * @param {{ready: () => Promise<void>, busy: () => boolean, trainFrame: () => void,
   *          trainEpoch: () => void, failed: (error: Error) => boolean,
   *          showPlaying: (playing: boolean) => void}} owner
   *   `busy`: the core is restarting (skip the frame); `trainFrame` / `trainEpoch`
   *   train and draw; `failed` is told about an error and says whether to keep playing
   */
  constructor(owner) {
    this.owner = owner;
    this.playing = false;
    this.frameRequest = 0;
    this.onFrame = this.onFrame.bind(this);
  }

  play() {
    if (this.playing) return;
    this.playing = true;
    this.owner.showPlaying(true);
    this.owner.ready().then(() => this.scheduleFrame(), () => this.pause());
  }

  pause() {
    const was = this.playing;
    this.playing = false;
    if (this.frameRequest) cancelAnimationFrame(this.frameRequest);
    this.frameRequest = 0;
    if (was) this.owner.showPlaying(false);
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Pauses, trains exactly one epoch and resolves once it is drawn. */
  async step(restarting) {
    await this.owner.ready();
    this.pause();
    await restarting();
    this.owner.trainEpoch();
    await nextFrame();
  }

  scheduleFrame() {
    if (this.playing && !this.frameRequest) this.frameRequest = requestAnimationFrame(this.onFrame);
  }

  onFrame() {
    this.frameRequest = 0;
    if (!this.playing) return;
    if (!this.owner.busy()) {
      try {
        this.owner.trainFrame();
      } catch (error) {
        if (!this.owner.failed(error)) {
          this.pause();
          return;
        }
      }
    }
    this.scheduleFrame();
  }
}
