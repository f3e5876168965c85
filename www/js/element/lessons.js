// Lesson files and the kept session of one playground. A lesson file
// (docs/lesson-file.md) is the whole run — settings, view options, classroom flags, own
// points, network, epoch, loss history — as one JSON object: "Save lesson" downloads it,
// "Open lesson", a dropped file and the element's `src` attribute open one, and scripts
// use saveLesson() / openLesson(). The session is the same object kept in IndexedDB
// (state/session-store.js) under the element's key and the browser tab (tab-id.js):
// saved after changes and while training, opened again when the page loads
// (state/kept-session.js chooses which; docs/scripting.md, "Your session is kept"). Saving never
// stops anything: a failure is said once in the notice. The controller (controller.js)
// calls in here from a few hooks.

import { CoreCrash } from '../core/core.js';
import { mergeView } from '../state/view.js';
import { readDocumentText, checkDocument, documentKind } from '../state/document.js';
import { readRuns, writeRun, deleteRuns } from '../state/session-store.js';
import { chooseRun, runsToForget } from '../state/kept-session.js';
import { tabId, claimTabId } from '../state/tab-id.js';
import { downloadJson } from '../controls/model-file.js';
import { chosenFileText, readFileText } from '../state/file-text.js';
import { UndoOffer } from '../controls/undo-offer.js';
import { takePersistKey } from './persist-keys.js';

/** How long after a change the session is saved, and how often while training. */
const SAVE_AFTER_MS = 500;
const SAVE_WHILE_TRAINING_MS = 5000;
/** How long "Start fresh" offers to undo. */
const UNDO_MS = 10_000;

export const LESSON_FILE_NAME = 'greymatter-lesson.greymatter.json';

/**
 * `rows` ([epoch, train, test]) with one row per epoch (the last wins), at most
 * `maxHistory` (the core's limit) of them: every k-th, the last kept, as the core thins.
 */
function tidyHistory(rows, epoch, maxHistory) {
  const byEpoch = new Map();
  for (const [at, train, test] of rows) {
    if (at <= epoch) byEpoch.set(at, [at, finiteOrNull(train), finiteOrNull(test)]);
  }
  const sorted = [...byEpoch.values()].sort((a, b) => a[0] - b[0]);
  if (sorted.length <= maxHistory) return sorted;
  const every = Math.ceil(sorted.length / (maxHistory - 1));
  const thinned = sorted.filter((_, index) => index % every === 0);
  if (thinned[thinned.length - 1] !== sorted[sorted.length - 1]) thinned.push(sorted[sorted.length - 1]);
  return thinned;
}

function finiteOrNull(value) {
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/**
 * The playground as a lesson file object. A core rebuilt after a crash goes on from the
 * restored epoch but its loss history starts there, so after one the history comes from
 * the loss chart, which kept the rows before.
 */
export function lessonDocument(playground) {
  const { view, schema, core, historyFromChart, chart } = playground;
  const options = Object.fromEntries(schema.viewKeys.map((key) => [key, view[key]]));
  const lesson = core.lesson(options, { hidden: [...view.hidden], hideText: view.hideText });
  if (historyFromChart) {
    const shown = chart.epochs.map((epoch, index) => [epoch, chart.train[index], chart.test[index]]);
    lesson.history = tidyHistory(shown, lesson.epoch, schema.limits.maxHistory);
  }
  return lesson;
}

/** The view a lesson asks for, checked (throws a readable Error, nothing changed). */
function lessonView(lesson, schema) {
  const classroom = lesson.classroom ?? {};
  const partial = { ...(lesson.view ?? {}) };
  if ('hidden' in classroom) partial.hidden = classroom.hidden;
  if ('hideText' in classroom) partial.hideText = classroom.hideText;
  try {
    return mergeView(schema.defaultView(), partial, schema);
  } catch (error) {
    throw new Error(`view: ${error.message}`);
  }
}

/**
 * Opens `input` (a lesson file object or its JSON text) into `playground`: the whole
 * run, then the view and classroom flags, the loss chart and the pictures. A refusal
 * shows "Could not open the lesson: …", changes nothing and throws.
 */
export function openLessonDocument(playground, input) {
  let view;
  let lesson;
  try {
    lesson = typeof input === 'string' ? readDocumentText(input, 'the lesson file') : checkDocument(input, 'the lesson file');
    if (documentKind(lesson) !== 'lesson') {
      const format = lesson !== null && typeof lesson === 'object' ? lesson.format : undefined;
      throw new Error(`a lesson file's format must be "greymatter-lesson", got ${JSON.stringify(format ?? null)}`);
    }
    view = lessonView(lesson, playground.schema);
    playground.pause();
    playground.core.openLesson(lesson);
  } catch (error) {
    playground.report(error, 'Could not open the lesson: ', 'lesson');
    throw error;
  }
  playground.historyFromChart = false;
  playground.view = view;
  playground.message.clear();
  playground.showView();
  playground.network.pin(null);
  playground.afterChange('regenerated');
  playground.chart.load(lesson.history ?? []);
  playground.redraw(true);
}

/**
 * The kept session of one playground, under `key` (null: this playground keeps none),
 * and the ways lesson files reach it (buttons, drop, `src`).
 */
export class LessonSession {
  /**
   * @param {import('./controller.js').Playground} playground
   * @param {{key: string|null, hash: () => string}} options `hash`: the address the session belongs to
   */
  constructor(playground, { key, hash }) {
    Object.assign(this, { playground, key, hash });
    this.active = false; // saves only once the start has decided what to show
    this.dirty = false; // something changed since the last save
    this.timer = null;
    this.lastSave = 0;
    this.failureShown = false;
    this.writing = null;
    this.undo = null; // the "Start fresh" offer (made once the notice exists)
    this.beforeFresh = null; // the run "Undo" brings back
    this.changedSinceFresh = false;
    // `key` may be set later, once the start knows it; saveNow does nothing without one.
    addEventListener('pagehide', () => this.saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.saveNow();
    });
  }

  get persisting() {
    return Boolean(this.key);
  }

  // ---- buttons, drop and src ----------------------------------------------

  /** Wires "Save lesson", "Open lesson", "Start fresh" and dropping a file onto `host`. */
  bind({ saveButton, fileInput, freshButton, host, root }) {
    const { playground } = this;
    saveButton.addEventListener('click', () => playground.guard(() => downloadJson(lessonDocument(playground), LESSON_FILE_NAME, root)));
    fileInput.addEventListener('change', async () => {
      const text = await chosenFileText(fileInput, (error) => playground.report(error, 'Could not open the lesson: ', 'lesson'));
      if (text !== null) this.openText(text, 'lesson');
    });
    freshButton.addEventListener('click', () => this.startFresh());
    host.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types?.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    host.addEventListener('drop', async (event) => {
      const file = event.dataTransfer?.files?.[0];
      if (!file) return;
      event.preventDefault();
      await readFileText(file).then(
        (text) => this.openText(text, 'any'),
        (error) => playground.report(error, 'Could not open the file: ', 'lesson'),
      );
    });
  }

  /** Opens the text of a file: a lesson, or (`kind` "any") a model file too. Refusals are shown. */
  openText(text, kind) {
    const { playground } = this;
    if (!playground.started) return;
    let value;
    try {
      value = readDocumentText(text, kind === 'lesson' ? 'the lesson file' : 'the file');
      if (kind === 'any' && documentKind(value) === null) {
        const format = value !== null && typeof value === 'object' ? value.format : undefined;
        throw new Error(`it is neither a greymatter lesson file nor a model file (its format is ${JSON.stringify(format ?? null)})`);
      }
    } catch (error) {
      playground.report(error, kind === 'lesson' ? 'Could not open the lesson: ' : 'Could not open the file: ', 'lesson');
      return;
    }
    try {
      if (documentKind(value) === 'model') playground.importModel(value);
      else openLessonDocument(playground, value);
    } catch {
      // Shown in #message by the playground.
    }
  }

  /** Opens the lesson file at `src` (relative to the page); a failure is shown and the playground stays. */
  async openSource(src) {
    const { playground } = this;
    let text;
    try {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
      text = await response.text();
    } catch (error) {
      playground.report(new Error(`Could not open the lesson ${src}: ${error.message}`), '', 'lesson');
      return false;
    }
    try {
      openLessonDocument(playground, readDocumentText(text, 'the lesson file'));
      return true;
    } catch (error) {
      playground.report(error, `Could not open the lesson ${src}: `, 'lesson');
      return false;
    }
  }

  // ---- the kept session ---------------------------------------------------

  /**
   * Called once the starting setup is up, with the address the page was opened at
   * (before the page wrote its own): opens this tab's kept run, or the latest, when the
   * address lets it (state/kept-session.js), else `src` if given. Then saving begins.
   */
  async begin(src, address) {
    const { playground } = this;
    let restored = false;
    if (this.key && !takePersistKey(this.key, { connected: () => (playground.root.host ?? playground.root).isConnected })) {
      playground.message.add(
        `Another playground on this page keeps its session under the persist key "${this.key}": `
          + 'this one keeps nothing, so that neither saves over the other. Give each element a key of its own.',
      );
      this.key = null;
      playground.showView(); // nothing kept: no "Start fresh"
    }
    if (this.key) {
      let runs = [];
      try {
        runs = await readRuns(this.key);
      } catch {
        // No storage here: nothing to open (saving says so later).
      }
      restored = this.openKept(chooseRun(runs, tabId(), address));
      const stale = runsToForget(runs, tabId());
      if (stale.length > 0) deleteRuns(this.key, stale).catch(() => {});
      // Claimed at once, so a duplicate of this tab sees the name taken even if this one never changes.
      claimTabId();
    }
    if (!restored && src) await this.openSource(src);
    this.dirty = false;
    this.active = true;
  }

  /** Opens the chosen kept run (kept-session.js); says why one cannot open. True if it opened. */
  openKept(chosen) {
    if (!chosen) return false;
    const cannot = (why) => this.playground.message.add(`The session saved in this browser could not be opened (${why}); starting from the settings instead.`);
    if (chosen.problem) {
      cannot(chosen.problem);
      return false;
    }
    try {
      openLessonDocument(this.playground, chosen.run.record.lesson);
      return true;
    } catch (error) {
      cannot(error.message);
      return false;
    }
  }

  /** Something changed (settings, view, points, weights): saves soon. */
  changed() {
    if (!this.key || !this.active) return;
    this.touched();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(), SAVE_AFTER_MS);
  }

  /** A frame trained: saves every few seconds while training goes on. */
  trained() {
    if (!this.key || !this.active) return;
    this.touched();
    if (performance.now() - this.lastSave >= SAVE_WHILE_TRAINING_MS) {
      this.saveNow();
    } else {
      // And once training stops.
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.saveNow(), SAVE_AFTER_MS);
    }
  }

  touched() {
    this.dirty = true;
    this.changedSinceFresh = true;
  }

  /** After a crash: a network that could not be restored is not saved over the kept one. */
  afterCrash({ restored }) {
    if (restored || !this.key) return;
    clearTimeout(this.timer);
    this.dirty = false;
  }

  /**
   * Saves now if something changed. Never throws: a failure is said once in the notice
   * and saving goes on trying later; training and the page go on regardless.
   */
  saveNow() {
    const { playground } = this;
    clearTimeout(this.timer);
    if (!this.key || !this.active || !this.dirty || !playground.started || playground.core.restarting) return;
    let lesson;
    try {
      lesson = lessonDocument(playground);
    } catch (error) {
      if (!(error instanceof CoreCrash)) this.failed(error);
      return;
    }
    this.dirty = false;
    this.lastSave = performance.now();
    const record = { lesson, hash: this.hash(), savedAt: new Date().toISOString() };
    this.writing = writeRun(this.key, tabId(), record).then(
      () => {
        this.failureShown = false;
      },
      (error) => {
        this.dirty = true;
        this.failed(error);
      },
    );
  }

  failed(error) {
    if (this.failureShown) return;
    this.failureShown = true;
    this.playground.message.add(`Could not save this session in the browser (${error.message}): save a lesson file to keep it.`);
  }

  /**
   * Goes back to the default settings, which replace this tab's kept run; for a while the
   * notice offers to undo (the run before is kept in memory). Started fresh again with
   * nothing changed since, Undo still brings back the run from before the first time.
   */
  async startFresh() {
    const { playground } = this;
    if (!playground.started) return;
    this.undo ??= new UndoOffer(playground.message);
    if (!this.undo.offered || this.changedSinceFresh) {
      try {
        this.beforeFresh = lessonDocument(playground);
      } catch {
        this.beforeFresh = null; // nothing to undo to
      }
    }
    clearTimeout(this.timer);
    this.active = false;
    try {
      playground.resetToDefaults();
    } finally {
      this.active = true;
    }
    // The fresh run replaces this tab's kept one: a reload shows it, not an older run.
    this.dirty = true;
    this.saveNow();
    this.changedSinceFresh = false;
    this.offerUndo();
    await this.writing;
  }

  offerUndo() {
    const text = 'Started fresh: the run before is no longer kept in this browser.';
    const previous = this.beforeFresh;
    if (!previous) {
      this.undo.withdraw();
      this.playground.message.show(text);
      return;
    }
    this.undo.offer(text, {
      id: 'undo-fresh',
      ms: UNDO_MS,
      undo: () => {
        try {
          openLessonDocument(this.playground, previous);
          this.changed();
          this.saveNow();
        } catch {
          // Shown in #message.
        }
      },
    });
  }

  /** Waits for the last write (tests and scripts that want to know it landed). */
  async flush() {
    this.saveNow();
    await this.writing;
  }
}
