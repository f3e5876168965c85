// The markup of one playground, put into its shadow root: the playback bar and the
// settings, the data column, the network diagram with its lesson panels (inspector,
// step-through), and the output (numbers, confusion matrix, loss chart, heatmap). Ids
// are stable (tests and scripts use them) and stay inside the shadow root. Every part
// belongs to a region (`data-region`, shown or not by the layout, layouts.js) and
// every control names itself with `data-control` (hidden by the classroom flags or the
// element's `controls` attribute). The main regions are `::part`s for host pages.
// The host's slotted `intro` and `footer` content is the page text.

import { trustedMarkup, trustedTypesRefusal } from './trusted-types.js';

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
    <label class="field speed" data-field="epochsPerFrame" data-unit="epoch" data-per="frame"
      title="Epochs trained per animation frame while playing, and per step"></label>
    <slot name="actions"></slot>
    <div class="epoch-box">
      <span class="label">Epoch</span>
      <output id="epoch" aria-live="off">0</output>
      <output id="epoch-progress" class="epoch-progress" aria-live="off" hidden
        title="Share of the epoch under way already trained (an epoch longer than a frame is trained over several)"></output>
    </div>
  </div>

  <div class="top-settings" part="settings" data-region="settings">
    <label class="field" data-field="learningRate"></label>
    <label class="field" data-field="activation">
      <span id="activation-mixed" class="field-note" hidden>layers differ: see above each layer</span>
    </label>
    <label class="field" data-field="regularization"></label>
    <label class="field" data-field="regularizationRate"></label>
    <label class="field" data-field="initialization"></label>
    <label class="field" data-field="schedule"></label>
    <label class="field" data-field="decayRate" data-used-when="schedule=step,exponential" data-step="0.05"></label>
    <label class="field" data-field="decayEpochs" data-used-when="schedule=step,exponential"></label>
    <label class="field" data-field="stopAfter"></label>
    <label class="field" data-field="stopAtLoss" data-step="0.01"></label>
    <label class="field" data-field="optimizer"></label>
    <label class="field" data-field="momentum" data-used-when="optimizer=momentum,nesterov" data-step="0.01"></label>
    <label class="field" data-field="rmsDecay" data-used-when="optimizer=rmsprop" data-step="0.01"></label>
    <label class="field" data-field="beta1" data-used-when="optimizer=adam" data-step="0.01"></label>
    <label class="field" data-field="beta2" data-used-when="optimizer=adam" data-step="0.001"></label>
    <label class="field" data-field="epsilon" data-used-when="optimizer=rmsprop,adam"></label>
    <label class="field" data-field="problem"></label>
    <label class="field" data-field="classes" data-used-when="problem=classification"
      title="How many classes to tell apart (3 or more: one softmax output neuron per class)"></label>
  </div>
</div>

<div id="message" class="message" part="message" role="status" aria-live="polite" hidden></div>

<div class="columns">
  <div class="column data-column" part="data" data-region="data" role="group" aria-labelledby="data-heading">
    <h2 id="data-heading" data-region="headings">Data</h2>
    <div class="field" data-control="dataset">
      <span class="label" id="dataset-label">Which dataset do you want to use?</span>
      <div id="dataset" class="dataset-picker" role="radiogroup" aria-labelledby="dataset-label"></div>
    </div>
    <form id="formula-dataset-form" class="field formula-dataset-form" data-control="datasetFormula">
      <label for="formula-dataset-text">Formula dataset f(x₁, x₂)</label>
      <input id="formula-dataset-text" type="text" maxlength="200" spellcheck="false" autocomplete="off"
        aria-describedby="formula-dataset-error">
      <button id="use-formula-dataset" type="submit"
        title="Learn the sign of f (or its levels, for more classes), or f itself for regression">Use</button>
      <p id="formula-dataset-error" class="field-note formula-error" role="alert" hidden></p>
    </form>
    <label class="field" data-field="trainRatio" data-as="slider" data-unit="%"></label>
    <label class="field" data-field="noise" data-as="slider" data-unit="%"></label>
    <div class="field" data-control="batchSize">
      <label class="label" for="batch-size">Batch size</label>
      <div class="batch-size">
        <input id="batch-size-slider" type="range" min="1" max="30" step="1" data-mirror="batchSize"
          aria-label="Batch size (1 to 30)">
        <span data-field="batchSize" data-as="bare"></span>
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
        <button id="export-code" type="button" aria-expanded="false" aria-controls="export-code-panel"
          title="A script that rebuilds this network with its weights and points and trains it further">Export as code</button>
      </div>
      <div id="export-code-panel" class="export-code" hidden>
        <label class="field"><span class="label">Target</span> <select id="export-code-target"></select></label>
        <pre id="export-code-text" class="export-code-text" tabindex="0" aria-label="The exported script"></pre>
        <div class="button-row">
          <button id="copy-code" type="button" disabled>Copy</button>
          <button id="download-code" type="button" disabled>Download</button>
        </div>
        <p id="export-code-note" class="field-note" aria-live="polite"></p>
      </div>
    </div>

    <div class="lesson-file" data-region="lessons">
      <h2>Lesson file</h2>
      <div class="button-row">
        <span class="button-row" data-control="lessonFile">
          <button id="save-lesson" type="button"
            title="Download the whole run: settings, points, network, epoch and loss curve">Save lesson</button>
          <label class="file-button" for="open-lesson">Open lesson</label>
          <input id="open-lesson" class="visually-hidden" type="file" accept=".json,application/json">
        </span>
        <button id="start-fresh" type="button" data-control="startFresh"
          title="Forget the session kept in this browser and go back to the default settings">Start fresh</button>
      </div>
    </div>

    <div class="data-file" data-control="dataFile">
      <h2>Your points</h2>
      <div class="button-row">
        <label class="file-button" for="load-csv">Load CSV</label>
        <input id="load-csv" class="visually-hidden" type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain">
        <button id="export-csv" type="button" title="Download the points trained on now: x1, x2, label, set">Export CSV</button>
      </div>
      <label class="check" title="Scale points outside [−6, 6]² (and values outside [−1, 1]) into range instead of refusing them">
        <input id="fit-to-view" type="checkbox"> fit to view</label>
      <details class="paste-csv">
        <summary>Paste CSV or TSV</summary>
        <textarea id="csv-text" rows="5" spellcheck="false"
          aria-label="Points as CSV: x1, x2, label and an optional set column"
          placeholder="x1,x2,label,set&#10;1.5,-2,red,train&#10;-3,0.5,blue,test"></textarea>
        <button id="use-csv" type="button">Use these points</button>
      </details>
    </div>

    <div class="share" data-control="share">
      <h2>Share</h2>
      <label class="check" title="The link then carries the trained weights and the epoch: the receiver sees exactly this network">
        <input id="share-weights" type="checkbox"> include the trained weights</label>
      <div class="button-row">
        <button id="copy-link" type="button">Copy link</button>
      </div>
      <input id="share-link" class="share-link" type="text" readonly hidden aria-label="The share link">
      <p id="share-note" class="field-note" aria-live="polite"></p>
    </div>
  </div>

  <div class="column network-column" part="network" data-region="diagram" role="group" aria-labelledby="network-heading">
    <h2 id="network-heading" data-region="headings">Features and network</h2>
    <div class="layer-count" data-control="hidden">
      <button id="add-layer" type="button" class="round" aria-label="Add a hidden layer">+</button>
      <button id="remove-layer" type="button" class="round" aria-label="Remove the last hidden layer">−</button>
      <span id="layer-count-label">2 hidden layers</span>
    </div>
    <form id="formula-form" class="formula-form" data-control="customFeatures">
      <label for="formula-input">Add an input f(x₁, x₂)</label>
      <input id="formula-input" type="text" maxlength="200" spellcheck="false" autocomplete="off"
        placeholder="sin(3*x1)" aria-describedby="formula-error">
      <button id="add-formula" type="submit">Add</button>
      <p id="formula-error" class="field-note formula-error" role="alert" hidden></p>
    </form>
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
        click a neuron (or Tab to it and press Enter) to see its numbers and edit its weights.</p>
      <label class="legend" data-field="gradientLinks"></label>
      <div class="layer-health-area" part="layer-health" data-region="health">
        <p class="legend">Layer health, per layer: <span class="swatch health-gradient"></span>mean |∂J/∂w|
          (relative), <span class="swatch health-dead"></span>dead neurons,
          <span class="swatch health-saturated"></span>saturated neurons</p>
        <div id="layer-health" class="layer-health"></div>
      </div>
      <div class="layer-histograms-area" part="layer-histograms" data-region="histograms" role="group" aria-labelledby="histograms-legend">
        <p id="histograms-legend" class="legend">Per hidden layer: its weights (coloured by sign)
          and its outputs over the training points, without dropout</p>
        <div id="layer-histograms" class="layer-histograms"></div>
      </div>
    </div>
    <button id="step-through" type="button" data-control="stepThrough">Step through</button>
    <div id="step-through-panel" class="inspector step-through" part="step-through" role="group" aria-labelledby="step-title" hidden>
      <div class="inspector-head">
        <h3 id="step-title" tabindex="-1" aria-live="polite">Step through</h3>
        <button id="step-close" type="button" class="round" aria-label="Close the step-through">×</button>
      </div>
      <label>training sample <input id="step-sample" type="number" min="0" step="1" value="0"></label>
      <div id="step-numbers" class="inspector-summary step-numbers"></div>
      <div class="step-buttons">
        <button id="step-previous" type="button">Previous</button>
        <button id="step-next" type="button">Next</button>
        <button id="step-apply" type="button" hidden>Apply</button>
      </div>
      <p class="legend">← and → move between the stages; Escape closes.</p>
    </div>
    <button id="layer-sees" type="button" data-control="layerSees" aria-expanded="false" aria-controls="layer-sees-panel"
      title="The input plane and the training points as two neurons of a hidden layer see them">What a layer sees</button>
    <div id="layer-sees-panel" class="inspector layer-sees" part="layer-sees" role="group" aria-labelledby="sees-title" hidden>
      <div class="inspector-head">
        <h3 id="sees-title" tabindex="-1">What this layer sees</h3>
        <button id="sees-close" type="button" class="round" aria-label="Close what this layer sees">×</button>
      </div>
      <div class="sees-picks">
        <label>layer <select id="sees-layer"></select></label>
        <label>across <select id="sees-first"></select></label>
        <label>up <select id="sees-second"></select></label>
      </div>
      <p id="sees-message" class="sees-message" role="status" aria-live="polite" hidden></p>
      <div class="sees-plot">
        <span id="sees-y-label" class="sees-y-label"></span>
        <canvas id="sees-plane" class="sees-plane" width="300" height="300" role="img"
          aria-label="The input plane as two neurons of a layer see it"></canvas>
        <span id="sees-x-label" class="sees-x-label"></span>
      </div>
      <p class="legend">The grid lines of the input plane (x₁ and x₂ from −6 to 6, 21 each way) and
        the training points, carried through the layers up to this one and placed at the two
        neurons' outputs (without dropout). Where a straight line splits the classes here, the
        next layer can split them. While this is open, clicking two hidden neurons on the diagram picks them;
        Escape closes.</p>
    </div>
    <div id="inspector" class="inspector" part="inspector" role="group" aria-labelledby="inspector-title" hidden>
      <div class="inspector-head">
        <h3 id="inspector-title" tabindex="-1">Neuron</h3>
        <button id="inspector-close" type="button" class="round" aria-label="Close the inspector">×</button>
      </div>
      <label>sample <input id="inspector-sample" type="number" min="0" step="1" value="0"></label>
      <label>of <select id="inspector-set"><option value="train">training points</option>
        <option value="test">test points</option></select></label>
      <table class="inspector-numbers">
        <thead><tr><th scope="col"><span class="visually-hidden">input</span></th><th scope="col">x</th><th scope="col">β</th><th scope="col">∂J/∂β</th><th scope="col">−α·∂J/∂β</th></tr></thead>
        <tbody id="inspector-table"></tbody>
      </table>
      <div id="inspector-summary" class="inspector-summary"></div>
      <label>Cost J against <select id="cost-weight"></select></label>
      <canvas id="cost-plot" class="cost-plot" width="260" height="100" role="img"
        aria-label="Cost against the chosen weight; the dot is its current value"></canvas>
    </div>
  </div>

  <div class="column output-column" part="output" data-region="output" role="group" aria-labelledby="output-heading">
    <h2 id="output-heading" data-region="headings">Output</h2>
    <table class="losses" part="numbers" data-region="numbers">
      <thead><tr><th scope="col"><span class="visually-hidden">points</span></th><th scope="col">loss</th><th id="metric-name" scope="col">accuracy</th></tr></thead>
      <tbody>
        <tr><th scope="row"><span class="swatch train-line"></span>Training</th>
          <td><output id="train-loss">–</output></td><td><output id="train-metric">–</output></td></tr>
        <tr><th scope="row"><span class="swatch test-line"></span>Test</th>
          <td><output id="test-loss">–</output></td><td><output id="test-metric">–</output></td></tr>
      </tbody>
    </table>
    <div id="confusion" class="confusion" part="confusion" data-region="confusion" role="group" aria-label="Confusion matrix" hidden>
      <label class="legend">Confusion matrix of the <select id="confusion-set">
        <option value="test">test points</option><option value="train">training points</option></select></label>
      <table id="confusion-matrix" class="confusion-matrix">
        <caption>Rows: true class; columns: predicted class; shading: share of the row</caption>
        <thead></thead>
        <tbody></tbody>
      </table>
    </div>
    <div class="chart-area" part="loss-chart" data-region="chart">
      <canvas id="loss-chart" class="loss-chart" width="400" height="90" tabindex="0" role="slider"
        aria-label="Loss over epochs: ← and → read the losses epoch by epoch"
        aria-valuemin="0" aria-valuemax="0" aria-valuenow="0" aria-valuetext="no epochs yet"></canvas>
      <div id="loss-chart-tip" class="chart-tip" hidden></div>
    </div>
    <div class="heatmap-area" part="heatmap" data-region="heatmap">
      <div class="heatmap-frame">
        <canvas id="heatmap" class="heatmap" width="400" height="400" role="img"
          aria-label="Decision boundary and data points"></canvas>
        <div id="heatmap-caption" class="heatmap-caption" hidden></div>
      </div>
      <div id="heatmap-axes" class="axes" aria-hidden="true"></div>
    </div>
    <div id="point-editor" class="point-editor" part="point-editor" data-region="heatmap" data-control="drawPoints">
      <button id="draw-points" type="button" aria-pressed="false"
        title="Draw and erase points on the big heatmap; training pauses meanwhile">Draw points</button>
      <div id="draw-toolbar" class="draw-toolbar" role="group" aria-label="Drawing points" hidden>
        <div class="draw-row" role="radiogroup" aria-label="Tool">
          <label><input type="radio" name="draw-tool" id="draw-pen" value="pen" checked> Pen</label>
          <label><input type="radio" name="draw-tool" id="draw-eraser" value="eraser"> Eraser</label>
        </div>
        <div id="draw-classes" class="draw-row draw-classes" role="radiogroup" aria-label="Class of new points"></div>
        <label id="draw-value-field" class="draw-row" hidden>Value
          <input id="draw-value" type="range" min="-1" max="1" step="0.1" value="1" aria-label="Value of new points (−1 to 1)">
          <output id="draw-value-shown">1.0</output></label>
        <label class="draw-row">New points go to
          <select id="draw-target"><option value="train">the training set</option>
            <option value="test">the test set</option><option value="split">both, split by the train ratio</option></select></label>
        <p id="draw-where" class="legend draw-where" aria-live="polite"></p>
        <div class="draw-row">
          <button id="draw-undo" type="button" title="Undo the last edit of the points (Ctrl+Z)">Undo</button>
          <button id="draw-redo" type="button" title="Redo what was undone (Ctrl+Shift+Z or Ctrl+Y)">Redo</button>
          <button id="draw-clear" type="button" title="Remove every point (Undo brings them back)">Clear</button>
        </div>
        <p class="legend">Click or tap the heatmap to add a point, drag to paint a stroke; the
          eraser removes the points under it. Ctrl+Z undoes, Ctrl+Shift+Z redoes.</p>
      </div>
    </div>
    <div class="output-options" data-region="output-options">
      <label data-field="showTestData"></label>
      <label data-field="discretize"></label>
      <label data-field="palette" data-as="checkbox" data-on="colorblind"></label>
      <label class="field inline" data-field="loss"></label>
    </div>
    <p id="value-legend" class="legend" data-region="legend">Colours: <span class="swatch negative"></span> −1 · <span class="swatch zero"></span> 0 ·
      <span class="swatch positive"></span> +1</p>
    <p id="class-legend" class="legend class-legend" data-region="legend" hidden></p>
  </div>
</div>

<p class="open-full" data-region="open"><a id="open-full" part="open-link" target="_blank" rel="noopener">Open in greymatter</a></p>
<div class="page-text" data-control="text" data-region="text"><slot name="footer"></slot></div>
</div>
`;

const template = document.createElement('template');
try {
  template.innerHTML = trustedMarkup(MARKUP); // lint-dom: constant markup — no data is ever put into it
} catch (error) {
  throw new Error(`greymatter cannot set up its markup: ${trustedTypesRefusal() ?? error.message}`);
}

/** A fresh copy of the playground's markup. */
export function playgroundMarkup() {
  return template.content.cloneNode(true);
}
