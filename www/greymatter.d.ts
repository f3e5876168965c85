// TypeScript declarations for greymatter.js: the <greymatter-playground> element and its
// scripting API (README, "Embedding" and "Scripting greymatter"). The settings' types
// between the GENERATED markers are written by `node scripts/types.mjs` from the core's
// schema (configSchema()); `make test` checks they are up to date.

// GENERATED from configSchema() by scripts/types.mjs — do not edit by hand.
// END GENERATED

/** What a config change did: only training settings changed, new points, a new network, or both. */
export type Outcome = 'kept' | 'newData' | 'reset' | 'regenerated';

/** A partial config for `setConfig`: any of the keys. */
export type ConfigPatch = Partial<GreymatterConfig>;

/** A partial view for `setView`: any of the options. */
export type ViewPatch = Partial<GreymatterView>;

/** The numbers of the run (a fresh object each time). */
export interface GreymatterState {
  /** Epochs trained since the network was built or reset. */
  epoch: number;
  /** Mean loss over the training points (without the regularization term). */
  trainLoss: number;
  /** Mean loss over the test points. */
  testLoss: number;
  /** Accuracy (0 to 1) or R² on the training points, as `metric` says. */
  trainMetric: number;
  /** Accuracy or R² on the test points. */
  testMetric: number;
  metric: 'accuracy' | 'r2';
  /** `""` while training is healthy, else why it stopped, in plain words. */
  divergence: string;
  /** True once `stopAfter` epochs are trained. */
  finished: boolean;
  /** The learning rate the next epoch uses, after the schedule. */
  currentLearningRate: number;
}

/** One layer of a model file: weights `[neuron][input]`, one bias per neuron. */
export interface ModelLayer {
  activation: string;
  weights: number[][];
  biases: number[];
}

/** A greymatter model file (README, "Model file"). */
export interface GreymatterModel {
  format: 'greymatter-model';
  version: 1;
  problem: 'classification' | 'regression';
  features: Feature[];
  layers: ModelLayer[];
}

/** The scripting API: the element's methods, `window.playground` on the full page, the iframe's messages. */
export interface GreymatterApi {
  /** Resolves once the core is loaded, the setup applied and the first picture drawn. */
  readonly ready: Promise<void>;
  play(): void;
  pause(): void;
  readonly playing: boolean;
  /** Pauses, trains `view.epochsPerFrame` epochs and resolves with the state once drawn. */
  step(): Promise<GreymatterState>;
  reset(): void;
  readonly state: GreymatterState;
  /** The full config (a copy). */
  readonly config: GreymatterConfig;
  /** Changes the keys given; throws an Error naming the field on refusal (nothing changes). */
  setConfig(partial: ConfigPatch): Outcome;
  /** The view options (a copy). */
  readonly view: GreymatterView;
  setView(partial: ViewPatch): void;
  /** Shows node `node` in the big heatmap (null: the output). */
  showNode(node: number | null): void;
  setWeight(layer: number, neuron: number, input: number, value: number): void;
  setBias(layer: number, neuron: number, value: number): void;
  /** One output per point, or k class probabilities per point for a softmax output. */
  predict(points: ReadonlyArray<readonly [number, number]>): number[] | number[][];
  /** Counts per true class (rows) and predicted class (columns). */
  confusionMatrix(set?: 'train' | 'test'): number[][];
  exportModel(): GreymatterModel;
  /** Loads a model object or its JSON text; throws (and changes nothing) on refusal. */
  importModel(model: GreymatterModel | string): void;
}

/** `detail` of the element's events. */
export interface GreymatterEventDetail {
  ready: { config: GreymatterConfig; state: GreymatterState };
  epoch: Pick<GreymatterState, 'epoch' | 'trainLoss' | 'testLoss' | 'trainMetric' | 'testMetric' | 'metric'>;
  configchange: { config: GreymatterConfig; outcome: Outcome };
  viewchange: { view: GreymatterView };
  diverge: { message: string; epoch: number };
  error: {
    message: string;
    /** Where it came from: a refused setting, the attributes or address, a model file, a crash of the core, … */
    source: 'setting' | 'setup' | 'attribute' | 'model' | 'crash' | 'training' | 'start';
    /** For a crash: whether the core was restarted, and whether the last good network came back. */
    recovered?: boolean;
    restored?: boolean;
  };
}

export type GreymatterEventMap = { [K in keyof GreymatterEventDetail]: CustomEvent<GreymatterEventDetail[K]> };

/** `<greymatter-playground>`: one playground in a shadow root. */
export declare class GreymatterPlayground extends HTMLElement implements GreymatterApi {
  /** The frozen API object (the same members as the element's). */
  readonly api: GreymatterApi;
  readonly ready: Promise<void>;
  play(): void;
  pause(): void;
  readonly playing: boolean;
  step(): Promise<GreymatterState>;
  reset(): void;
  readonly state: GreymatterState;
  readonly config: GreymatterConfig;
  setConfig(partial: ConfigPatch): Outcome;
  readonly view: GreymatterView;
  setView(partial: ViewPatch): void;
  showNode(node: number | null): void;
  setWeight(layer: number, neuron: number, input: number, value: number): void;
  setBias(layer: number, neuron: number, value: number): void;
  predict(points: ReadonlyArray<readonly [number, number]>): number[] | number[][];
  confusionMatrix(set?: 'train' | 'test'): number[][];
  exportModel(): GreymatterModel;
  importModel(model: GreymatterModel | string): void;

  addEventListener<K extends keyof GreymatterEventMap>(
    type: K, listener: (this: GreymatterPlayground, event: GreymatterEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof GreymatterEventMap>(
    type: K, listener: (this: GreymatterPlayground, event: GreymatterEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'greymatter-playground': GreymatterPlayground;
  }
  interface Window {
    /** The full page's playground (index.html only). */
    playground?: GreymatterApi;
  }
}
