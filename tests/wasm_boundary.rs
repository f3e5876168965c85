//! The wasm boundary, run by wasm-bindgen-test-runner under Node: the handle is built
//! from a JS config, trains, renders into a pixel buffer of the documented length,
//! and refuses bad configs with readable errors.
#![cfg(target_arch = "wasm32")]

use greymatter::wasm::{default_config, Playground};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn config(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).unwrap();
    }
    object.into()
}

#[wasm_bindgen_test]
fn builds_trains_and_renders() {
    let mut playground = Playground::new(&config(&[
        ("dataset", "spiral".into()),
        ("hidden", js_sys::Array::of2(&6.into(), &3.into()).into()),
    ]))
    .unwrap();
    assert_eq!(playground.epoch(), 0);
    let start = playground.train_loss();
    assert_eq!(playground.train(10), 10);
    playground.render();
    assert_eq!(playground.epoch(), 10);
    assert!(playground.train_loss() < start);
    assert_eq!(playground.heatmap_len(), 100 * 100 * 4);
    assert_eq!(playground.grid_size(), 100);
    // [epoch, train, test] at epoch 0 and after the one train call.
    let history = playground.loss_history().to_vec();
    assert_eq!(history.len(), 6);
    assert_eq!((history[0], history[3]), (0.0, 10.0));
    // Two features, 6 + 3 hidden neurons, one output: 12 thumbnails of 20×20 pixels
    // until the page says the size they are shown at.
    assert_eq!(playground.node_count(), 12);
    assert_eq!(playground.thumbnail_size(), 20);
    assert_eq!(playground.thumbnails_len(), 12 * 20 * 20 * 4);
    assert_eq!(playground.layer_sizes().to_vec(), vec![2, 6, 3, 1]);
    assert_eq!(playground.parameters_len(), 2 * 6 + 6 + 6 * 3 + 3 + 3 + 1);
    assert_eq!(playground.train_points().length(), 250 * 3);
}

#[wasm_bindgen_test]
fn refuses_a_bad_config_with_a_message_naming_the_field() {
    let error = Playground::new(&config(&[("learningRate", (-1.0).into())]))
        .err()
        .unwrap();
    let message = js_sys::Error::from(error).message().as_string().unwrap();
    assert!(message.contains("learningRate"), "{message}");

    let mut playground = Playground::new(&JsValue::UNDEFINED).unwrap();
    let error = playground
        .set_config(&config(&[("activation", "bogus".into())]))
        .unwrap_err();
    let message = js_sys::Error::from(error).message().as_string().unwrap();
    assert!(message.contains("activation"), "{message}");
    assert_eq!(
        playground
            .set_config(&config(&[("learningRate", 0.3.into())]))
            .unwrap(),
        "kept"
    );
}

#[wasm_bindgen_test]
fn limits_are_the_cores() {
    let limits = greymatter::wasm::limits().unwrap();
    let get = |key: &str| {
        Reflect::get(&limits, &JsValue::from_str(key))
            .unwrap()
            .as_f64()
    };
    assert_eq!(get("maxHiddenLayers"), Some(16.0));
    assert_eq!(get("maxNeuronsPerLayer"), Some(64.0));
    assert_eq!(get("maxWeights"), Some(50_000.0));
}

#[wasm_bindgen_test]
fn default_config_has_every_documented_key() {
    let defaults = default_config().unwrap();
    for key in greymatter::config::schema::keys() {
        assert!(
            Reflect::has(&defaults, &JsValue::from_str(key)).unwrap(),
            "{key}"
        );
    }
}

#[wasm_bindgen_test]
fn model_export_import_round_trip() {
    let mut source = Playground::new(&JsValue::UNDEFINED).unwrap();
    source.train(5);
    let model = source.export_model().unwrap();
    let mut target = Playground::new(&config(&[("seed", 99.into())])).unwrap();
    target.import_model(model).unwrap();
    let probes = [1.0f32, -2.0, 3.5, 0.25];
    assert_eq!(
        source.predict(&probes).unwrap().to_vec(),
        target.predict(&probes).unwrap().to_vec()
    );
}

#[wasm_bindgen_test]
fn inspection_calls_cross_the_boundary() {
    let mut playground = Playground::new(&JsValue::UNDEFINED).unwrap();
    let sample = playground.inspect_sample(0, "train").unwrap();
    let layers = Reflect::get(&sample, &JsValue::from_str("layers")).unwrap();
    assert_eq!(js_sys::Array::from(&layers).length(), 3);
    assert!(playground.inspect_sample(0, "validation").is_err());
    assert_eq!(
        playground.gradient().length(),
        playground.parameters_len() as u32
    );
    let index = playground.parameter_index(1, 1, 3).unwrap();
    assert_eq!(index, 2 * 4 + 4 + 3 + 4);
    assert_eq!(
        playground.bias_index(2, 0).unwrap(),
        playground.parameters_len() - 1
    );
    assert!(playground.parameter_index(1, 2, 0).is_err());
    let costs = playground
        .cost_along_parameter(index, -1.0, 1.0, 11)
        .unwrap();
    assert_eq!(costs.length(), 11);
    let health = playground.layer_health(None).unwrap();
    assert_eq!(js_sys::Array::from(&health).length(), 3);
    // Playing (`live`), a training set of at most LIVE_VIEW_POINTS is read whole all the same.
    let live = playground.layer_health(Some(true)).unwrap();
    assert_eq!(
        js_sys::JSON::stringify(&live).unwrap(),
        js_sys::JSON::stringify(&health).unwrap()
    );
}

#[wasm_bindgen_test]
fn the_last_batchs_dropout_crosses_the_boundary() {
    let mut playground = Playground::new(&config(&[(
        "dropout",
        js_sys::Array::of2(&0.5.into(), &0.0.into()).into(),
    )]))
    .unwrap();
    assert!(playground.last_dropout().unwrap().is_null(), "no batch yet");
    assert_eq!(playground.train_batches(1), 1);
    let dropout = playground.last_dropout().unwrap();
    let samples = numbers(&get(&dropout, "samples"));
    assert_eq!(samples.len(), 10);
    let layers = js_sys::Array::from(&get(&dropout, "layers"));
    assert_eq!(layers.length(), 2);
    let first = layers.get(0);
    assert_eq!(get(&first, "keptScale").as_f64(), Some(2.0));
    let masks = js_sys::Array::from(&get(&first, "masks"));
    assert_eq!(masks.length(), 4);
    let row = numbers(&masks.get(0));
    assert_eq!(row.len(), 10);
    assert!(row.iter().all(|&m| m == 0.0 || m == 2.0));
    let sample = playground
        .inspect_sample(samples[0] as usize, "train")
        .unwrap();
    let layer = js_sys::Array::from(&get(&sample, "layers")).get(0);
    assert_eq!(get(&layer, "dropoutRate").as_f64(), Some(0.5));
    assert_eq!(numbers(&get(&layer, "dropoutMask")).len(), 4);
    let refusal = playground
        .set_config(&config(&[("dropout", JsValue::from_str("half"))]))
        .unwrap_err();
    let message = error_text(refusal);
    assert!(message.starts_with("dropout must be a list"), "{message}");
}

#[wasm_bindgen_test]
fn layer_views_cross_the_boundary() {
    let mut playground = Playground::new(&JsValue::UNDEFINED).unwrap();
    playground.train(3);
    // The default 4, 2 hidden layers: one histogram pair each, counts summing up.
    let histograms = js_sys::Array::from(&playground.layer_histograms(None).unwrap());
    assert_eq!(histograms.length(), 2);
    let first = histograms.get(0);
    assert_eq!(get(&first, "activation").as_string().unwrap(), "tanh");
    let weights = get(&first, "weights");
    assert_eq!(numbers(&get(&weights, "counts")).iter().sum::<f64>(), 8.0);
    let activations = get(&first, "activations");
    assert_eq!(
        (
            get(&activations, "from").as_f64(),
            get(&activations, "to").as_f64()
        ),
        (Some(-1.0), Some(1.0))
    );
    let points = playground.train_points().length() as f64 / 3.0;
    assert_eq!(
        numbers(&get(&activations, "counts")).iter().sum::<f64>(),
        4.0 * points
    );
    assert_eq!(get(&activations, "nonFinite").as_f64(), Some(0.0));
    // The plane of neurons 2 and 0 of the first hidden layer.
    let plane = playground.layer_plane(0, 2, 0).unwrap();
    assert_eq!(numbers(&get(&plane, "neurons")), [2.0, 0.0]);
    let (lines, samples) = (
        get(&plane, "lineCount").as_f64().unwrap(),
        get(&plane, "lineSamples").as_f64().unwrap(),
    );
    assert_eq!((lines, samples), (42.0, 61.0));
    assert_eq!(
        numbers(&get(&plane, "lines")).len() as f64,
        2.0 * lines * samples
    );
    assert_eq!(numbers(&get(&plane, "points")).len() as f64, 2.0 * points);
    assert_eq!(numbers(&get(&plane, "labels")).len() as f64, points);
    let refused = error_text(playground.layer_plane(1, 1, 1).unwrap_err());
    assert_eq!(
        refused,
        "pick two different neurons: both are neuron 2 of hidden layer 2"
    );
    assert!(playground.layer_plane(2, 0, 1).is_err());
}

#[wasm_bindgen_test]
fn multi_class_calls_cross_the_boundary() {
    use greymatter::wasm::{class_colors, losses_for};
    assert_eq!(
        losses_for("classification", 4).unwrap(),
        ["softmaxCrossEntropy"]
    );
    assert_eq!(losses_for("regression", 2).unwrap().len(), 3);
    assert!(losses_for("poetry", 2).is_err());
    let colours = class_colors("default").unwrap();
    assert_eq!(colours.len(), 6);
    assert_eq!(
        (colours[0].as_str(), colours[1].as_str()),
        ("#f59322", "#0877bd")
    );
    let mut playground = Playground::new(&config(&[
        ("dataset", "gauss".into()),
        ("classes", 3.into()),
        ("loss", "softmaxCrossEntropy".into()),
    ]))
    .unwrap();
    assert_eq!(playground.output_count(), 3);
    playground.train(5);
    let matrix = playground.confusion_matrix("test").unwrap().to_vec();
    assert_eq!(matrix.len(), 9);
    assert_eq!(matrix.iter().sum::<u32>(), 250);
    assert!(playground.confusion_matrix("both").is_err());
    assert_eq!(playground.predict(&[0.0, 1.0]).unwrap().length(), 3);
    // No node: the class map; a node past the end is refused.
    playground.set_heatmap_node(None).unwrap();
    assert!(playground.set_heatmap_node(Some(99)).is_err());
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap()
}

fn numbers(array: &JsValue) -> Vec<f64> {
    js_sys::Array::from(array)
        .iter()
        .map(|value| value.as_f64().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn config_schema_crosses_as_plain_rows() {
    use greymatter::wasm::config_schema;
    let schema = config_schema().unwrap();
    let settings = js_sys::Array::from(&get(&schema, "settings"));
    let keys: Vec<String> = settings
        .iter()
        .map(|row| get(&row, "key").as_string().unwrap())
        .collect();
    let expected: Vec<&str> = greymatter::config::schema::keys().collect();
    assert_eq!(keys, expected);
    assert_eq!(keys[..3], ["dataset", "noise", "trainRatio"]);
    let row = |key: &str| settings.get(keys.iter().position(|k| k == key).unwrap() as u32);
    let noise = row("noise");
    assert_eq!(get(&noise, "kind").as_string().unwrap(), "number");
    assert_eq!(get(&noise, "label").as_string().unwrap(), "Noise");
    assert_eq!(get(&noise, "default").as_f64(), Some(0.0));
    assert_eq!(get(&noise, "max").as_f64(), Some(50.0));
    assert_eq!(get(&noise, "maxExclusive").as_bool(), Some(false));
    assert_eq!(get(&noise, "effect").as_string().unwrap(), "regenerated");
    assert_eq!(get(&noise, "hides").as_string().unwrap(), "the noise");
    let dataset = row("dataset");
    let circle = js_sys::Array::from(&get(&dataset, "choices")).get(0);
    assert_eq!(get(&circle, "label").as_string().unwrap(), "Circle");
    assert_eq!(get(&circle, "maxClasses").as_f64(), Some(6.0));
    assert_eq!(numbers(&get(&row("hidden"), "default")), [4.0, 2.0]);
    let features = row("features");
    assert_eq!(get(&features, "kind").as_string().unwrap(), "names");
    assert_eq!(get(&features, "hideable").as_bool(), Some(false));
    assert!(get(&features, "hides").is_undefined());
    assert_eq!(
        numbers(&get(&row("classes"), "offered")),
        [2.0, 3.0, 4.0, 5.0, 6.0]
    );
    let view = js_sys::Array::from(&get(&schema, "view"));
    assert_eq!(view.length(), 5);
    let speed = view.get(0);
    assert_eq!(get(&speed, "key").as_string().unwrap(), "epochsPerFrame");
    assert_eq!(
        numbers(&get(&speed, "offered")),
        [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
    );
    assert_eq!(get(&view.get(1), "kind").as_string().unwrap(), "toggle");
    let limits = get(&schema, "limits");
    assert_eq!(get(&limits, "maxHiddenLayers").as_f64(), Some(16.0));
    assert_eq!(get(&limits, "maxWeights").as_f64(), Some(50_000.0));
}

#[wasm_bindgen_test]
fn palette_colors_are_the_heatmaps() {
    use greymatter::wasm::palette_colors;
    let default = palette_colors("default").unwrap();
    assert_eq!(numbers(&get(&default, "negative")), [245.0, 147.0, 34.0]);
    assert_eq!(numbers(&get(&default, "neutral")), [232.0, 234.0, 235.0]);
    assert_eq!(numbers(&get(&default, "positive")), [8.0, 119.0, 189.0]);
    let classes = js_sys::Array::from(&get(&default, "classes"));
    assert_eq!(classes.length(), 6);
    assert_eq!(classes.get(1).as_string().unwrap(), "#0877bd");
    let colorblind = palette_colors("colorblind").unwrap();
    assert_eq!(numbers(&get(&colorblind, "negative")), [230.0, 97.0, 0.0]);
    assert_eq!(numbers(&get(&colorblind, "neutral")), [247.0, 247.0, 247.0]);
    assert_eq!(numbers(&get(&colorblind, "positive")), [93.0, 58.0, 155.0]);
    let error = palette_colors("pink").unwrap_err();
    let message = js_sys::Error::from(error).message().as_string().unwrap();
    assert_eq!(
        message,
        "palette must be default or colorblind, got \"pink\""
    );
}

#[wasm_bindgen_test]
fn stop_reason_crosses_with_finished() {
    let mut playground = Playground::new(&config(&[("stopAfter", 3.into())])).unwrap();
    assert_eq!(playground.stop_reason(), None);
    assert_eq!(playground.train(10), 3);
    assert!(playground.finished());
    let reason = playground.stop_reason().unwrap();
    assert!(
        reason.starts_with("Training stopped after 3 epochs"),
        "{reason}"
    );
    let mut playground = Playground::new(&config(&[("stopAtLoss", 1000.into())])).unwrap();
    assert_eq!(
        playground.train(10),
        1,
        "any loss reaches 1000 after one epoch"
    );
    assert!(playground.finished());
    let reason = playground.stop_reason().unwrap();
    assert!(
        reason.starts_with("Training stopped at epoch 1:"),
        "{reason}"
    );
}

#[wasm_bindgen_test]
fn a_host_pages_colours_reach_every_picture() {
    let mut playground = Playground::new(&JsValue::UNDEFINED).unwrap();
    // The same colour at −1, 0 and +1: every value is drawn in it.
    playground
        .set_palette_ends("default", &[10, 20, 30, 10, 20, 30, 10, 20, 30])
        .unwrap();
    playground.render();
    // SAFETY: the heatmap lives in this module's memory, untouched until the next call.
    let pixels =
        unsafe { std::slice::from_raw_parts(playground.heatmap_ptr(), playground.heatmap_len()) };
    assert!(pixels.chunks_exact(4).all(|p| p == [10, 20, 30, 255]));
    let error = playground
        .set_palette_ends("default", &[1, 2, 3])
        .unwrap_err();
    let message = js_sys::Error::from(error).message().as_string().unwrap();
    assert_eq!(
        message,
        "the colours of -1, 0 and +1 are 9 numbers (r, g, b of each), got 3"
    );
}

fn error_text(error: JsValue) -> String {
    js_sys::Error::from(error).message().into()
}

#[wasm_bindgen_test]
fn predicting_no_points_gives_no_values() {
    let mut playground = Playground::new(&JsValue::UNDEFINED).unwrap();
    assert_eq!(playground.predict(&[]).unwrap().length(), 0);
}

#[wasm_bindgen_test]
fn broken_model_objects_are_refused_in_plain_words() -> Result<(), JsValue> {
    let mut playground = Playground::new(&JsValue::UNDEFINED).unwrap();
    let good = playground.export_model().unwrap();
    let parse = |text: &str| js_sys::JSON::parse(text).unwrap();
    let with_layer_field = {
        let model =
            js_sys::JSON::parse(&String::from(js_sys::JSON::stringify(&good).unwrap())).unwrap();
        let layers = js_sys::Array::from(&get(&model, "layers"));
        Reflect::set(&layers.get(0), &"dropout".into(), &0.5.into()).unwrap();
        model
    };
    let with_weight = |weight: f64| {
        let model =
            js_sys::JSON::parse(&String::from(js_sys::JSON::stringify(&good).unwrap())).unwrap();
        let layers = js_sys::Array::from(&get(&model, "layers"));
        // Array::from would copy: change the model's own array.
        let biases: js_sys::Array = get(&layers.get(0), "biases").into();
        biases.set(0, weight.into());
        model
    };
    let shape = "a model file must be an object with format, version, problem, features and layers";
    let cases: Vec<(JsValue, &str)> = vec![
        (JsValue::NULL, shape),
        (JsValue::UNDEFINED, shape),
        (parse("[]"), shape),
        (parse("\"text\""), shape),
        (parse("{}"), "missing field `format`"),
        (with_layer_field, "unknown field `dropout`"),
        (with_weight(1e39), "finite"),
    ];
    // Errors, not panics: the playground's panic hook would hide an assertion's text.
    for (model, expected) in cases {
        let message = match playground.import_model(model) {
            Ok(()) => return Err(format!("accepted, should say {expected:?}").into()),
            Err(error) => error_text(error),
        };
        let plain = !message.contains("JsValue") && !message.contains("unit value");
        if !message.contains(expected) || !plain {
            return Err(format!("{message:?} should say {expected:?} in plain words").into());
        }
    }
    Ok(())
}

/// Copies of the big heatmap and the thumbnails after a render at `heatmap` and `thumbnail`.
fn pictures_at(playground: &mut Playground, heatmap: usize, thumbnail: usize) -> [Vec<u8>; 2] {
    playground.set_picture_sizes(heatmap, thumbnail);
    playground.render();
    assert_eq!(
        (playground.heatmap_size(), playground.thumbnail_size()),
        (heatmap, thumbnail)
    );
    // SAFETY: both pictures live in this module's memory, untouched until the next call.
    unsafe {
        [
            std::slice::from_raw_parts(playground.heatmap_ptr(), playground.heatmap_len()).to_vec(),
            std::slice::from_raw_parts(playground.thumbnails_ptr(), playground.thumbnails_len())
                .to_vec(),
        ]
    }
}

#[wasm_bindgen_test]
fn pictures_at_the_size_shown_are_the_full_grid_at_the_same_cells() {
    let mut playground = Playground::new(&config(&[
        ("dataset", "spiral".into()),
        ("hidden", js_sys::Array::of2(&5.into(), &3.into()).into()),
    ]))
    .unwrap();
    playground.train(5);
    let [full_heatmap, full_thumbnails] = pictures_at(&mut playground, 100, 100);
    // 20 cells a side are centred on every 5th full-grid cell, 4 on every 25th.
    let [heatmap, thumbnails] = pictures_at(&mut playground, 20, 4);
    assert_eq!(heatmap.len(), 20 * 20 * 4);
    assert_eq!(thumbnails.len(), 11 * 4 * 4 * 4);
    let at = |pixels: &[u8], cell: usize| pixels[cell * 4..][..4].to_vec();
    for pixel in 0..20 * 20 {
        let cell = (pixel / 20 * 5 + 2) * 100 + pixel % 20 * 5 + 2;
        assert_eq!(at(&heatmap, pixel), at(&full_heatmap, cell));
    }
    for node in 0..11 {
        for pixel in 0..4 * 4 {
            let cell = (pixel / 4 * 25 + 12) * 100 + pixel % 4 * 25 + 12;
            assert_eq!(
                at(&thumbnails, node * 16 + pixel),
                at(&full_thumbnails, node * 100 * 100 + cell)
            );
        }
    }
    // Beyond the full grid: computed at the full grid.
    playground.set_picture_sizes(400, 0);
    playground.render();
    assert_eq!(
        (playground.heatmap_size(), playground.thumbnail_size()),
        (100, 1)
    );
}

#[wasm_bindgen_test]
fn while_playing_a_big_network_s_heatmap_is_computed_at_fewer_cells() {
    let features = [
        "x1",
        "x2",
        "x1Squared",
        "x2Squared",
        "x1x2",
        "sinX1",
        "sinX2",
    ];
    let hidden = js_sys::Array::new();
    for _ in 0..10 {
        hidden.push(&32.into());
    }
    let mut playground = Playground::new(&config(&[
        (
            "features",
            features
                .iter()
                .map(|&f| JsValue::from(f))
                .collect::<js_sys::Array>()
                .into(),
        ),
        ("hidden", hidden.into()),
    ]))
    .unwrap();
    playground.set_picture_sizes(100, 20);
    playground.set_heatmap_live(true);
    playground.render();
    let live = playground.heatmap_size();
    assert!((50..100).contains(&live), "{live} cells a side");
    assert_eq!(playground.heatmap_len(), live * live * 4);
    assert_eq!(playground.thumbnail_size(), 20);
    playground.set_heatmap_live(false);
    playground.render();
    assert_eq!(playground.heatmap_size(), 100);
}

#[wasm_bindgen_test]
fn an_epoch_trained_in_slices_crosses_the_boundary_as_a_whole_epoch() {
    let settings = || config(&[("dataset", "spiral".into()), ("batchSize", 10.into())]);
    let mut sliced = Playground::new(&settings()).unwrap();
    let mut whole = Playground::new(&settings()).unwrap();
    let per_epoch = sliced.batches_per_epoch();
    assert!(per_epoch > 4, "{per_epoch} batches per epoch");
    let third = per_epoch / 3;
    assert_eq!(sliced.train_batches(third), third);
    assert_eq!((sliced.epoch(), sliced.epoch_batches_done()), (0, third));
    // The rest of the first epoch: its losses are then measured over several calls,
    // a slice of points each, the epoch shown full and not yet counted.
    assert_eq!(sliced.train_batches(per_epoch - third), per_epoch - third);
    let loss_at_0 = sliced.train_loss();
    for _ in 0..3 {
        assert_eq!(sliced.train_batches(2), 2);
        assert_eq!(
            (sliced.epoch(), sliced.epoch_batches_done()),
            (0, per_epoch)
        );
        assert_eq!(sliced.loss_history().length(), 3, "only measured rows");
        assert_eq!(sliced.train_loss(), loss_at_0);
    }
    // The call that completes the measurement counts the epoch and ends there.
    let asked = 10 * per_epoch;
    assert!(sliced.train_batches(asked) < asked);
    assert_eq!((sliced.epoch(), sliced.epoch_batches_done()), (1, 0));
    assert_eq!(sliced.loss_history().length(), 6);
    // The second epoch in one call and its measurement in the next.
    assert_eq!(sliced.train_batches(per_epoch), per_epoch);
    assert!(sliced.train_batches(asked) < asked);
    assert_eq!((sliced.epoch(), sliced.epoch_batches_done()), (2, 0));
    assert_eq!(whole.train(2), 2);
    assert_eq!(sliced.parameters().to_vec(), whole.parameters().to_vec());
    // Each completed epoch adds its [epoch, train, test] row; one call adds one row.
    let sliced_history = sliced.loss_history().to_vec();
    let whole_history = whole.loss_history().to_vec();
    assert_eq!(sliced_history.len(), 9);
    assert_eq!(sliced_history[6..], whole_history[3..]);
    assert_eq!(sliced.train_loss(), whole.train_loss());
}

#[wasm_bindgen_test]
fn the_run_for_export_crosses_as_plain_data() {
    let mut playground = Playground::new(&config(&[
        ("optimizer", "adam".into()),
        ("samples", 40.into()),
    ]))
    .unwrap();
    playground.train(2);
    let run = playground.export_run().unwrap();
    assert_eq!(get(&run, "epoch").as_f64(), Some(2.0));
    let train = js_sys::Array::from(&get(&run, "train"));
    assert_eq!(train.length(), 20);
    assert_eq!(js_sys::Array::from(&train.get(0)).length(), 3);
    let mut order = numbers(&get(&run, "nextOrder"));
    order.sort_by(f64::total_cmp);
    assert_eq!(order, (0..20).map(f64::from).collect::<Vec<_>>());
    let optimizer = get(&run, "optimizer");
    assert_eq!(get(&optimizer, "steps").as_f64(), Some(4.0)); // 2 epochs of 2 batches
    let parameters = 2 * 4 + 4 + 4 * 2 + 2 + 2 + 1;
    assert_eq!(numbers(&get(&optimizer, "first")).len(), parameters);
    assert_eq!(
        get(&get(&run, "config"), "optimizer")
            .as_string()
            .as_deref(),
        Some("adam")
    );
    assert_eq!(
        get(&get(&run, "model"), "format").as_string().as_deref(),
        Some("greymatter-model")
    );
    assert!(get(&run, "nextDropout").is_null(), "no dropout: null");
}

#[wasm_bindgen_test]
fn the_next_epochs_dropout_masks_cross_as_hex_text() {
    let hidden = js_sys::Array::of2(&4.into(), &3.into());
    let dropout = js_sys::Array::of2(&0.5.into(), &0.into());
    let mut playground = Playground::new(&config(&[
        ("samples", 40.into()),
        ("hidden", hidden.into()),
        ("dropout", dropout.into()),
    ]))
    .unwrap();
    playground.train(1);
    let next = get(&playground.export_run().unwrap(), "nextDropout");
    assert_eq!(numbers(&get(&next, "rates")), vec![0.5, 0.0]);
    assert_eq!(numbers(&get(&next, "keptScales")), vec![2.0, 1.0]);
    let kept = js_sys::Array::from(&get(&next, "kept"));
    // 20 training points × 4 neurons = 80 bits = 10 bytes = 20 hex digits.
    let first = kept.get(0).as_string().unwrap();
    assert_eq!(first.len(), 20);
    assert!(first.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(kept.get(1).as_string().as_deref(), Some(""));
}

#[wasm_bindgen_test]
fn formula_inputs_and_the_formula_dataset_cross_and_bad_ones_are_refused() {
    let mut playground = Playground::new(&config(&[
        ("dataset", "formula".into()),
        ("datasetFormula", "x1 * x2".into()),
    ]))
    .unwrap();
    let formulas = js_sys::Array::of1(&"sin(3*x1)".into());
    let change = playground
        .set_config(&config(&[("customFeatures", formulas.into())]))
        .unwrap();
    assert_eq!(change, "reset");
    playground.render();
    // x1, x2, sin(3·x1), 4 + 2 hidden neurons, one output.
    assert_eq!(playground.node_count(), 10);
    assert_eq!(playground.layer_sizes().to_vec(), vec![3, 4, 2, 1]);
    let written = get(&playground.config().unwrap(), "customFeatures");
    assert_eq!(
        js_sys::JSON::stringify(&written).unwrap(),
        "[\"sin(3*x1)\"]"
    );
    assert_eq!(playground.train(5), 5);

    let before = playground.parameters().to_vec();
    let bad = js_sys::Array::of2(&"sin(3*x1)".into(), &"sinn(x1)".into());
    let error = playground
        .set_config(&config(&[("customFeatures", bad.into())]))
        .unwrap_err();
    assert_eq!(
        error_text(error),
        "customFeatures[1] \"sinn(x1)\": at column 1: unknown function 'sinn' (the functions \
         are sin, cos, tan, exp, log, sqrt, abs, tanh, min, max)"
    );
    let error = playground
        .set_config(&config(&[("datasetFormula", "x1 +* 2".into())]))
        .unwrap_err();
    assert_eq!(
        error_text(error),
        "datasetFormula \"x1 +* 2\": at column 5: expected a number, x1, x2, a function or \
         '(', found '*'"
    );
    assert_eq!(playground.parameters().to_vec(), before, "nothing changed");
    assert_eq!(playground.epoch(), 5);
}
