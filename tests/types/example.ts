// A tutorial page's script written in TypeScript against greymatter's declarations
// (www/greymatter.d.ts): the element, its attributes, its API and its events. `tsc
// --noEmit -p tests/types` (make test) checks it; the @ts-expect-error lines check that
// the types refuse what greymatter refuses.

import type {
  GreymatterPlayground, GreymatterAttributes, GreymatterConfig, GreymatterState, Outcome, ControlName,
  GreymatterCompare, GreymatterDifference, LossRow,
} from '../../www/greymatter.js';
import '../../www/greymatter.js';

const attributes: GreymatterAttributes = {
  dataset: 'xor', 'hidden-layers': '4,2', 'learning-rate': '0.1', layout: 'compact', controls: 'learning-rate,play',
};
const element = document.createElement('greymatter-playground');
for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
document.body.append(element);

async function lesson(playground: GreymatterPlayground): Promise<number> {
  await playground.ready;
  const outcome: Outcome = playground.setConfig({ dataset: 'spiral', hidden: [8, 8], features: ['x1', 'x2', 'sinX1'] });
  playground.setView({ epochsPerFrame: 10, palette: 'colorblind', hidden: ['learningRate'] });
  const state: GreymatterState = await playground.step();
  const config: GreymatterConfig = playground.config;
  playground.setWeight(0, 0, 0, config.learningRate);
  const outputs = playground.predict([[0, 0], [1, -2]]);
  const model = playground.exportModel();
  playground.importModel(JSON.stringify(model));
  const data = playground.getData();
  playground.setData({ train: [...data.train, [1, 2, 1]], test: data.test });
  playground.setData([[0, 0, -1], [1, 1, 1]], { trainRatio: 50 });
  // @ts-expect-error: a point is [x1, x2, label]
  playground.setData([[0, 0]]);
  const [first] = playground.layerHistograms();
  const plane = playground.layerPlane(0, 1, 0);
  const seen: number = first.activations.counts.length + plane.points.length + plane.neurons[1];
  // @ts-expect-error: a plane takes a layer and two neurons
  playground.layerPlane(0, 1);
  const saved = playground.saveLesson();
  playground.openLesson(saved.epoch > 0 ? saved : JSON.stringify(saved));
  const script = await playground.exportCode('numpy');
  console.log(script.fileName, script.code.length);
  // @ts-expect-error: no such target
  void playground.exportCode('cobol');
  // @ts-expect-error: a model file is no lesson file
  playground.openLesson(model);
  // @ts-expect-error: no such dataset
  playground.setConfig({ dataset: 'moons' });
  // @ts-expect-error: the hidden layers are a list of counts
  playground.setConfig({ hidden: '4,2' });
  // @ts-expect-error: not a control
  const nothing: ControlName = 'colour';
  void nothing;
  return state.epoch + outputs.length + seen + (outcome === 'kept' ? 0 : 1);
}

element.addEventListener('epoch', (event) => {
  const { epoch, trainLoss, metric } = event.detail;
  console.log(epoch, trainLoss.toFixed(3), metric === 'accuracy' ? 'accuracy' : 'R²');
});
element.addEventListener('configchange', (event) => console.log(event.detail.outcome, event.detail.config.dataset));
element.addEventListener('error', (event) => console.log(event.detail.source, event.detail.message));
// @ts-expect-error: an epoch's detail has no config
element.addEventListener('epoch', (event) => console.log(event.detail.config));

const fromPage = document.querySelector('greymatter-playground');
if (fromPage) void lesson(fromPage);
if (window.playground) window.playground.play();

/** A race of two learning rates, scripted as a tutorial would. */
async function race(compare: GreymatterCompare): Promise<number> {
  await compare.ready;
  await compare.b.setConfig({ learningRate: 0.3 });
  const { a, b } = await compare.step();
  const named = compare.differences.map((difference) => `${difference.label} ${difference.b} instead of ${difference.a}`);
  const last: LossRow | undefined = compare.curves.b.at(-1);
  compare.addEventListener('epoch', (event) => console.log(event.detail.a.epoch === event.detail.b.epoch));
  // @ts-expect-error: a difference names a config key
  const wrong: GreymatterDifference = { key: 'colour', label: '', a: '', b: '' };
  void wrong;
  await compare.pin(compare.a.saveLesson(), { activation: 'relu' });
  // @ts-expect-error: no such activation
  await compare.pin(compare.a.saveLesson(), { activation: 'softsign' });
  return a.epoch + b.epoch + named.length + (last?.[1] ?? 0);
}

const fromTutorial = document.querySelector('greymatter-compare');
if (fromTutorial) void race(fromTutorial);
