// The markup of one playground, put into its shadow root: the playback bar and the
// settings, the data column, the network diagram with its lesson panels (inspector,
// step-through), and the output (numbers, confusion matrix, loss chart, heatmap). Ids
// are stable (tests and scripts use them) and stay inside the shadow root. Every part
// belongs to a region (`data-region`, shown or not by the layout, layouts.js) and
// every control names itself with `data-control` (hidden by the classroom flags or the
// element's `controls` attribute). The main regions are `::part`s for host pages.
// The host's slotted `intro` and `footer` content is the page text.

const MARKUP = `
<div class="playground" part="playground" data-palette="default">
<div class="page-text" data-control="text" data-region="text"><slot name="intro"></slot></div>
<div class="top-bar" part="top-bar">
  <div class="playback" role="group" aria-label="Training" part="playback" data-region="playback">
    <button id="reset" type="button" data-control="resetButton"
      title="Back to the same starting weights (epoch 0)">Reset</button>
    <button id="play-pause" type="button" class="play-pause" data-control="playButton" aria-label="Play">Play</button>
    <button id="step" type="button" data-control="stepButton"
      title="Train one step: as many epochs as the speed says">Step</button>
    <button id="new-weights" type="button" data-control="newWeights"
      title="Start again from new random weights (a new seed)">New weights</button>
    <label class="field speed" data-control="epochsPerFrame">
      <span class="label">Speed</span>
      <select id="epochs-per-frame" title="Epochs trained per animation frame while playing, and per step">
        <option value="1">1 epoch / frame</option><option value="2">2 epochs / frame</option>
        <option value="5">5 epochs / frame</option><option value="10">10 epochs / frame</option>
        <option value="20">20 epochs / frame</option><option value="50">50 epochs / frame</option>
        <option value="100">100 epochs / frame</option>
      </select>
    </label>
    <div class="epoch-box">
      <span class="label">Epoch</span>
      <output id="epoch" aria-live="off">0</output>
    </div>
  </div>

  <div class="top-settings" part="settings" data-region="settings">
    <label class="field" data-control="learningRate">
      <span class="label">Learning rate</span>
      <select id="learning-rate">
        <option>0.00001</option><option>0.0001</option><option>0.001</option>
        <option>0.003</option><option>0.01</option><option>0.03</option>
        <option>0.1</option><option>0.3</option><option>1</option>
        <option>3</option><option>10</option>
      </select>
    </label>
    <label class="field" data-control="activation">
      <span class="label">Activation</span>
      <select id="activation">
        <option value="relu">ReLU</option>
        <option value="tanh">Tanh</option>
        <option value="sigmoid">Sigmoid</option>
        <option value="linear">Linear</option>
        <option value="leakyRelu">Leaky ReLU</option>
        <option value="elu">ELU</option>
        <option value="swish">Swish</option>
        <option value="gelu">GELU</option>
        <option value="softplus">Softplus</option>
      </select>
      <span id="activation-mixed" class="field-note" hidden>layers differ: see above each layer</span>
    </label>
    <label class="field" data-control="regularization">
      <span class="label">Regularization</span>
      <select id="regularization">
        <option value="none">None</option>
        <option value="l1">L1</option>
        <option value="l2">L2</option>
      </select>
    </label>
    <label class="field" data-control="regularizationRate">
      <span class="label">Regularization rate</span>
      <select id="regularization-rate">
        <option>0</option><option>0.001</option><option>0.003</option>
        <option>0.01</option><option>0.03</option><option>0.1</option>
        <option>0.3</option><option>1</option><option>3</option><option>10</option>
      </select>
    </label>
    <label class="field" data-control="initialization">
      <span class="label">Starting weights</span>
      <select id="initialization">
        <option value="uniform">Uniform ±0.5</option>
        <option value="xavier">Xavier</option>
        <option value="he">He</option>
        <option value="zeros">Zeros</option>
      </select>
    </label>
    <label class="field" data-control="schedule">
      <span class="label">Rate schedule</span>
      <select id="schedule">
        <option value="constant">Constant</option>
        <option value="step">Step decay</option>
        <option value="exponential">Exponential</option>
      </select>
    </label>
    <label class="field schedule-setting" data-control="decayRate">
      <span class="label">Decay γ</span>
      <input id="decay-rate" type="number" min="0.01" max="1" step="0.05">
    </label>
    <label class="field schedule-setting" data-control="decayEpochs">
      <span class="label">every k epochs</span>
      <input id="decay-epochs" type="number" min="1" max="100000" step="1">
    </label>
    <label class="field" data-control="stopAfter">
      <span class="label">Stop after (epochs, 0 = never)</span>
      <input id="stop-after" type="number" min="0" step="1">
    </label>
    <label class="field" data-control="optimizer">
      <span class="label">Optimizer</span>
      <select id="optimizer">
        <option value="sgd">SGD</option>
        <option value="momentum">Momentum</option>
        <option value="nesterov">Nesterov</option>
        <option value="rmsprop">RMSProp</option>
        <option value="adam">Adam</option>
      </select>
    </label>
    <label class="field optimizer-setting" data-control="momentum" data-for="momentum nesterov">
      <span class="label">Momentum μ</span>
      <input id="momentum" type="number" min="0" max="0.999" step="0.01">
    </label>
    <label class="field optimizer-setting" data-control="rmsDecay" data-for="rmsprop">
      <span class="label">Decay ρ</span>
      <input id="rms-decay" type="number" min="0" max="0.999" step="0.01">
    </label>
    <label class="field optimizer-setting" data-control="beta1" data-for="adam">
      <span class="label">β₁</span>
      <input id="beta1" type="number" min="0" max="0.999" step="0.01">
    </label>
    <label class="field optimizer-setting" data-control="beta2" data-for="adam">
      <span class="label">β₂</span>
      <input id="beta2" type="number" min="0" max="0.9999" step="0.001">
    </label>
    <label class="field optimizer-setting" data-control="epsilon" data-for="rmsprop adam">
      <span class="label">ε</span>
      <input id="epsilon" type="number" min="0" max="1" step="any">
    </label>
    <label class="field" data-control="problem">
      <span class="label">Problem type</span>
      <select id="problem">
        <option value="classification">Classification</option>
        <option value="regression">Regression</option>
      </select>
    </label>
    <label class="field classes-setting" data-control="classes">
      <span class="label">Classes</span>
      <select id="classes" title="How many classes to tell apart (3 or more: one softmax output neuron per class)">
        <option>2</option><option>3</option><option>4</option><option>5</option><option>6</option>
      </select>
    </label>
  </div>
</div>

<div id="message" class="message" part="message" role="status" aria-live="polite" hidden></div>

<div class="columns">
  <section class="column data-column" part="data" data-region="data" aria-labelledby="data-heading">
    <h2 id="data-heading" data-region="headings">Data</h2>
    <div class="field" data-control="dataset">
      <span class="label" id="dataset-label">Which dataset do you want to use?</span>
      <div id="dataset" class="dataset-picker" role="radiogroup" aria-labelledby="dataset-label"></div>
    </div>
    <label class="field" data-control="trainRatio">
      <span class="label">Ratio of training to test data: <output id="train-ratio-value">50</output>%</span>
      <input id="train-ratio" type="range" min="10" max="90" step="1" value="50">
    </label>
    <label class="field" data-control="noise">
      <span class="label">Noise: <output id="noise-value">0</output>%</span>
      <input id="noise" type="range" min="0" max="50" step="1" value="0">
    </label>
    <div class="field" data-control="batchSize">
      <label class="label" for="batch-size">Batch size</label>
      <div class="batch-size">
        <input id="batch-size-slider" type="range" min="1" max="30" step="1" value="10"
          aria-label="Batch size (1 to 30)">
        <input id="batch-size" type="number" min="1" max="500" step="1" value="10">
      </div>
    </div>
    <div class="button-row">
      <button id="new-data" type="button" data-control="newData"
        title="New points from the same dataset (a new data seed); the network stays">Regenerate</button>
    </div>
    <p class="seeds" data-region="seeds">seed <output id="seed">1</output> · data seed <output id="data-seed">1</output></p>

    <div data-control="modelFile">
      <h2>Model file</h2>
      <div class="button-row">
        <button id="export-model" type="button">Export model</button>
        <label class="file-button" for="import-model">Import model</label>
        <input id="import-model" class="visually-hidden" type="file" accept=".json,application/json">
      </div>
    </div>
  </section>

  <section class="column network-column" part="network" data-region="diagram" aria-labelledby="network-heading">
    <h2 id="network-heading" data-region="headings">Features and network</h2>
    <div class="layer-count" data-control="hidden">
      <button id="add-layer" type="button" class="round" aria-label="Add a hidden layer">+</button>
      <button id="remove-layer" type="button" class="round" aria-label="Remove the last hidden layer">−</button>
      <span id="layer-count-label">2 hidden layers</span>
    </div>
    <div class="diagram">
      <div id="layer-controls" class="layer-controls"></div>
      <div class="diagram-area">
        <canvas id="network" class="network" role="img"
          aria-label="Network diagram: links coloured and sized by their weights"></canvas>
        <div id="network-nodes" class="node-layer"></div>
        <div id="weight-card" class="weight-card" role="dialog" aria-label="Weight" hidden>
          <span id="weight-card-label" class="weight-card-label"></span>
          <output id="weight-value" class="weight-value"></output>
          <input id="weight-input" class="weight-input" type="number" step="any" hidden
            aria-label="New value">
        </div>
      </div>
      <p class="legend" data-region="legend">Links: <span class="swatch positive"></span> positive weight,
        <span class="swatch negative"></span> negative; thicker is larger. The small square
        under a neuron is its bias. Hover or tap a neuron or link; click a link to edit it;
        click a neuron to see its numbers.</p>
      <label class="legend" data-control="gradientLinks"><input id="gradient-links" type="checkbox"> Colour links by the gradient ∂J/∂w
        instead of the weight</label>
      <div class="layer-health-area" part="layer-health" data-region="health">
        <p class="legend">Layer health, per layer: <span class="swatch health-gradient"></span>mean |∂J/∂w|
          (relative), <span class="swatch health-dead"></span>dead neurons,
          <span class="swatch health-saturated"></span>saturated neurons</p>
        <div id="layer-health" class="layer-health"></div>
      </div>
    </div>
    <button id="step-through" type="button" data-control="stepThrough">Step through</button>
    <section id="step-through-panel" class="inspector step-through" part="step-through" aria-labelledby="step-title" hidden>
      <div class="inspector-head">
        <h3 id="step-title">Step through</h3>
        <button id="step-close" type="button" class="round" aria-label="Close the step-through">×</button>
      </div>
      <label>training sample <input id="step-sample" type="number" min="0" step="1" value="0"></label>
      <div id="step-numbers" class="inspector-summary step-numbers"></div>
      <div class="step-buttons">
        <button id="step-previous" type="button">Previous</button>
        <button id="step-next" type="button">Next</button>
        <button id="step-apply" type="button" hidden>Apply</button>
      </div>
      <p class="legend">← and → move between the stages.</p>
    </section>
    <section id="inspector" class="inspector" part="inspector" aria-labelledby="inspector-title" hidden>
      <div class="inspector-head">
        <h3 id="inspector-title">Neuron</h3>
        <button id="inspector-close" type="button" class="round" aria-label="Close the inspector">×</button>
      </div>
      <label>sample <input id="inspector-sample" type="number" min="0" step="1" value="0"></label>
      <label>of <select id="inspector-set"><option value="train">training points</option>
        <option value="test">test points</option></select></label>
      <table class="inspector-numbers">
        <thead><tr><th></th><th>x</th><th>β</th><th>∂J/∂β</th><th>−α·∂J/∂β</th></tr></thead>
        <tbody id="inspector-table"></tbody>
      </table>
      <div id="inspector-summary" class="inspector-summary"></div>
      <label>Cost J against <select id="cost-weight"></select></label>
      <canvas id="cost-plot" class="cost-plot" width="260" height="100"
        aria-label="Cost against the chosen weight; the dot is its current value"></canvas>
    </section>
  </section>

  <section class="column output-column" part="output" data-region="output" aria-labelledby="output-heading">
    <h2 id="output-heading" data-region="headings">Output</h2>
    <table class="losses" part="numbers" data-region="numbers">
      <thead><tr><th></th><th>loss</th><th id="metric-name">accuracy</th></tr></thead>
      <tbody>
        <tr><th scope="row"><span class="swatch train-line"></span>Training</th>
          <td><output id="train-loss">–</output></td><td><output id="train-metric">–</output></td></tr>
        <tr><th scope="row"><span class="swatch test-line"></span>Test</th>
          <td><output id="test-loss">–</output></td><td><output id="test-metric">–</output></td></tr>
      </tbody>
    </table>
    <section id="confusion" class="confusion" part="confusion" data-region="confusion" aria-label="Confusion matrix" hidden>
      <label class="legend">Confusion matrix of the <select id="confusion-set">
        <option value="test">test points</option><option value="train">training points</option></select></label>
      <table id="confusion-matrix" class="confusion-matrix">
        <caption>Rows: true class; columns: predicted class; shading: share of the row</caption>
        <thead></thead>
        <tbody></tbody>
      </table>
    </section>
    <div class="chart-area" part="loss-chart" data-region="chart">
      <canvas id="loss-chart" class="loss-chart" width="400" height="90" aria-label="Loss over epochs"></canvas>
      <div id="loss-chart-tip" class="chart-tip" hidden></div>
    </div>
    <div class="heatmap-area" part="heatmap" data-region="heatmap">
      <div class="heatmap-frame">
        <canvas id="heatmap" class="heatmap" width="400" height="400"
          aria-label="Decision boundary and data points"></canvas>
        <div id="heatmap-caption" class="heatmap-caption" hidden></div>
      </div>
      <div id="heatmap-axes" class="axes" aria-hidden="true"></div>
    </div>
    <div class="output-options" data-region="output-options">
      <label data-control="showTestData"><input id="show-test-data" type="checkbox"> Show test data</label>
      <label data-control="discretize"><input id="discretize" type="checkbox"> Discretize output</label>
      <label data-control="palette"><input id="palette" type="checkbox"> Colour-blind-safe colours</label>
      <label class="field inline" data-control="loss">
        <span class="label">Loss</span>
        <select id="loss">
          <option value="squared">Squared error</option>
          <option value="absolute">Absolute error (MAE)</option>
          <option value="huber">Huber</option>
          <option value="binaryCrossEntropy">Binary cross-entropy (sigmoid output)</option>
          <option value="softmaxCrossEntropy">Softmax cross-entropy</option>
        </select>
      </label>
    </div>
    <p id="value-legend" class="legend" data-region="legend">Colours: <span class="swatch negative"></span> −1 · <span class="swatch zero"></span> 0 ·
      <span class="swatch positive"></span> +1</p>
    <p id="class-legend" class="legend class-legend" data-region="legend" hidden></p>
  </section>
</div>

<p class="open-full" data-region="open"><a id="open-full" part="open-link" target="_blank" rel="noopener">Open in greymatter</a></p>
<div class="page-text" data-control="text" data-region="text"><slot name="footer"></slot></div>
</div>
`;

const template = document.createElement('template');
template.innerHTML = MARKUP; // a constant: no data is ever put into markup

/** A fresh copy of the playground's markup. */
export function playgroundMarkup() {
  return template.content.cloneNode(true);
}
