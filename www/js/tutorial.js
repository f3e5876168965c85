// The first lesson (tutorial.html): ties the page's own parts to its embeds, through
// their scripting API only — the sliders of step 1 that set the neuron's β₁, β₂ and b
// (and follow them while it trains), the buttons that start or pause a step's embeds
// together, the live captions (epoch, loss, steps per epoch), the starting point and
// the inspector of step 4, and the note that shows step 4's `diverge` event. Each
// embed's setup is in its attributes; every embed is independent of the others. The
// page works offline after one visit (offline/register.js).

import './greymatter.js';
import './offline/register.js';

/**
 * Where step 4 puts β₁: far up the slope of J, so the dot has a way to go down; and,
 * for the learning rate too large, close to the bottom, so its first jumps stay on the plot.
 */
const START_WEIGHTS = { 'cost-descent': 2.5, 'cost-diverge': 0.6 };
const MINUS = '\u2212';

const byId = (id) => document.getElementById(id);

/** `value` with `digits` decimals and a true minus sign. */
function formatNumber(value, digits = 2) {
  const text = value.toFixed(digits);
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/** `coefficient·name` as a term after the first: " + 0.50·x₁" or " − 0.50·x₁". */
function term(coefficient, name) {
  const sign = coefficient < 0 ? MINUS : '+';
  return ` ${sign} ${formatNumber(Math.abs(coefficient))}${name}`;
}

/** z = β₁x₁ + β₂x₂ + b with the numbers in. */
function neuronEquation([beta1, beta2], bias) {
  return `z = ${formatNumber(beta1)}·x₁${term(beta2, '·x₂')}${term(bias, '')}`;
}

/** The line z = 0 solved for x₂ (or for x₁ when β₂ = 0), as text. */
function boundaryLine([beta1, beta2], bias) {
  const tiny = 1e-6;
  if (Math.abs(beta2) > tiny) return `x₂ = ${formatNumber(-beta1 / beta2)}·x₁${term(-bias / beta2, '')}`;
  if (Math.abs(beta1) > tiny) return `x₁ = ${formatNumber(-bias / beta1)}`;
  return `none: z = ${formatNumber(bias)} everywhere`;
}

/** The size of the training set, as the core cuts it: round(samples · trainRatio / 100), at least 1. */
function trainingSetSize({ samples, trainRatio }) {
  return Math.min(samples, Math.max(1, Math.round(samples * (trainRatio / 100))));
}

/** "epoch 120 · training loss 0.031 · accuracy 98.0%" for a caption. */
function progress({ epoch, trainLoss, trainMetric, metric }) {
  const parts = [`epoch ${epoch}`];
  if (Number.isFinite(trainLoss)) parts.push(`training loss ${trainLoss.toFixed(3)}`);
  if (metric === 'accuracy' && Number.isFinite(trainMetric)) parts.push(`accuracy ${(trainMetric * 100).toFixed(1)}%`);
  return parts.join(' · ');
}

// ---- step 1: one neuron by hand -------------------------------------------

/** The sliders of step 1: each sets one parameter of the output layer (layer 0, no hidden layer). */
const NEURON_SLIDERS = [
  { id: 'beta-1', read: (layer) => layer.weights[0][0], write: (element, value) => element.setWeight(0, 0, 0, value) },
  { id: 'beta-2', read: (layer) => layer.weights[0][1], write: (element, value) => element.setWeight(0, 0, 1, value) },
  { id: 'bias', read: (layer) => layer.biases[0], write: (element, value) => element.setBias(0, 0, value) },
];

function oneNeuron(element) {
  const show = () => {
    const [layer] = element.exportModel().layers;
    for (const slider of NEURON_SLIDERS) {
      const value = slider.read(layer);
      const input = byId(slider.id);
      input.value = String(value);
      byId(`${slider.id}-value`).textContent = formatNumber(value);
    }
    byId('neuron-equation').textContent = neuronEquation(layer.weights[0], layer.biases[0]);
    byId('neuron-boundary').textContent = boundaryLine(layer.weights[0], layer.biases[0]);
    byId('neuron-fit').textContent = progress(element.state);
  };
  for (const slider of NEURON_SLIDERS) {
    const input = byId(slider.id);
    input.addEventListener('input', () => {
      element.pause(); // the reader has the neuron now; training would move it under the thumb
      slider.write(element, Number(input.value));
      show();
    });
    input.disabled = false;
  }
  element.addEventListener('epoch', show);
  element.addEventListener('configchange', show);
  show();
}

// ---- the captions and the group buttons -----------------------------------

/** Keeps an embed's caption up to date: its progress after every epoch, its steps per epoch after every change. */
function liveCaption(element) {
  const caption = document.querySelector(`[data-live="${element.id}"]`);
  const steps = document.querySelector(`[data-steps="${element.id}"]`);
  const showProgress = () => {
    if (caption) caption.textContent = progress(element.state);
  };
  const showSteps = () => {
    if (!steps) return;
    const { batchSize, ...config } = element.config;
    const size = trainingSetSize(config);
    const perEpoch = Math.ceil(size / batchSize);
    const points = batchSize >= size ? `(${size} points) ` : '';
    steps.textContent = `${points}· ${perEpoch} step${perEpoch === 1 ? '' : 's'} per epoch`;
  };
  element.addEventListener('epoch', showProgress);
  element.addEventListener('configchange', () => {
    showProgress();
    showSteps();
  });
  showProgress();
  showSteps();
}

function bindGroupButtons() {
  for (const button of document.querySelectorAll('[data-group-action]')) {
    const members = () => [...document.querySelectorAll(`greymatter-playground[data-group="${button.dataset.group}"]`)];
    button.addEventListener('click', async () => {
      const elements = members();
      await Promise.all(elements.map((element) => element.ready));
      for (const element of elements) {
        if (button.dataset.groupAction === 'pause') {
          element.pause();
        } else {
          element.reset();
          element.play();
        }
      }
    });
  }
}

// ---- step 4: the cost against β₁, and a learning rate too large -------------

/** Puts β₁ where the lesson starts and opens the inspector on the neuron; again after every reset. */
function costLesson(element) {
  const start = () => {
    element.setWeight(0, 0, 0, START_WEIGHTS[element.id]);
    element.inspectNeuron(0, 0);
  };
  element.addEventListener('configchange', (event) => {
    if (event.detail.outcome === 'reset' || event.detail.outcome === 'regenerated') start();
  });
  start();
}

function divergeNote(element) {
  const note = byId('diverge-note');
  element.addEventListener('diverge', (event) => {
    const { epoch, message } = event.detail;
    note.textContent = `The playground sent a diverge event, keeping the weights of epoch ${epoch}: “${message}”`;
    note.classList.add('diverged');
  });
}

// ---- start -----------------------------------------------------------------

/** Runs `setup(element)` once the embed with id `id` is ready (if the page has it). */
function whenReady(id, setup) {
  const element = byId(id);
  if (element)
    element.ready.then(
      () => setup(element),
      () => {},
    ); // a failure is shown inside the embed
}

whenReady('neuron', oneNeuron);
whenReady('cost-descent', costLesson);
whenReady('cost-diverge', costLesson);
whenReady('cost-diverge', divergeNote);
for (const element of document.querySelectorAll('greymatter-playground')) whenReady(element.id, liveCaption);
bindGroupButtons();
