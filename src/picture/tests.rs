//! The pictures checked against the network itself: every neuron at every cell, the
//! colours of the values, the thumbnails, and the sizes computed while training plays.

use super::*;
use crate::data::features::{compute_inputs, inputs_of, Feature};
use crate::math::rng::{SeededRng, Stream};
use crate::model::initialization::Initialization;
use crate::model::network::LayerShape;
use crate::Activation;

#[test]
fn cells_cover_the_plane_top_left_first() {
    let [x1, x2] = cell_centre(0, 0);
    assert!((x1 + 5.94).abs() < 1e-5 && (x2 - 5.94).abs() < 1e-5);
    let [x1, x2] = cell_centre(GRID_SIZE - 1, GRID_SIZE - 1);
    assert!((x1 - 5.94).abs() < 1e-5 && (x2 + 5.94).abs() < 1e-5);
}

#[test]
fn tiled_evaluation_gives_every_neuron_at_every_cell() {
    let shapes = vec![
        LayerShape {
            inputs: 3,
            outputs: 5,
            activation: Activation::Tanh,
        },
        LayerShape {
            inputs: 5,
            outputs: 1,
            activation: Activation::Tanh,
        },
    ];
    let network = Initialization::Uniform.network(shapes, &mut SeededRng::new(5, Stream::Weights));
    let features = inputs_of(&[Feature::X1, Feature::X2, Feature::SinX1]);
    let mut heatmap = Heatmap::default();
    heatmap.evaluate(&network, &features);
    // The same cells in one untiled pass.
    let centres: Vec<[f32; 2]> = (0..CELLS)
        .map(|cell| cell_centre(cell / GRID_SIZE, cell % GRID_SIZE))
        .collect();
    let mut inputs = Vec::new();
    compute_inputs(&features, &centres, &mut inputs);
    let mut workspace = Workspace::default();
    network.forward(&inputs, CELLS, &mut workspace);
    let hidden = &heatmap.neuron_outputs()[..5 * CELLS];
    assert_eq!(hidden, &workspace.activations(0)[..5 * CELLS]);
    assert_eq!(&heatmap.neuron_outputs()[5 * CELLS..], workspace.output());
}

#[test]
fn render_colours_the_same_values_evaluate_computes() {
    let shapes = vec![
        LayerShape {
            inputs: 2,
            outputs: 6,
            activation: Activation::Tanh,
        },
        LayerShape {
            inputs: 6,
            outputs: 1,
            activation: Activation::Tanh,
        },
    ];
    let network = Initialization::Uniform.network(shapes, &mut SeededRng::new(8, Stream::Weights));
    let features = inputs_of(&[Feature::X1, Feature::X2]);
    let mut evaluated = Heatmap::default();
    evaluated.evaluate(&network, &features);
    let table = ColourTable::new(Colours::of(Palette::Default));
    let mut rendered = Heatmap::default();
    for (node, discretize) in [(4, false), (8, true)] {
        rendered.set_node(Some(node));
        rendered.set_discretize(discretize);
        rendered.render(&network, &features);
        let values = &evaluated.neuron_outputs()[(node - 2) * CELLS..][..CELLS];
        for (cell, &value) in values.iter().enumerate() {
            let v = if discretize { value.signum() } else { value };
            assert_eq!(&rendered.pixels()[cell * 4..][..4], table.get(v));
        }
        // The thumbnails' 20×20 cells are centred on every 5th cell of the full grid.
        let thumbnail = &rendered.thumbnails()[node * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4..];
        for pixel in 0..THUMBNAIL_SIZE * THUMBNAIL_SIZE {
            let cell =
                (pixel / THUMBNAIL_SIZE * 5 + 2) * GRID_SIZE + pixel % THUMBNAIL_SIZE * 5 + 2;
            assert_eq!(&thumbnail[pixel * 4..][..4], table.get(values[cell]));
        }
    }
}

#[test]
fn softmax_output_shows_the_winning_class_shaded_by_confidence() {
    // Three classes from x1 alone: z = (−x1, 0, x1): class 0 wins on the left, class
    // 2 on the right, and near x1 = 0 all three tie (grey).
    let mut network = Network::zeroed(vec![LayerShape {
        inputs: 2,
        outputs: 3,
        activation: Activation::Softmax,
    }]);
    network.parameters_mut()[..6].copy_from_slice(&[-1.0, 0.0, 0.0, 0.0, 1.0, 0.0]);
    let features = inputs_of(&[Feature::X1, Feature::X2]);
    let mut heatmap = Heatmap::default();
    heatmap.render(&network, &features);
    let palette = Colours::of(Palette::Default);
    let at = |heatmap: &Heatmap, column: usize| heatmap.pixels()[column * 4..][..4].to_vec();
    let colour = |class: usize| palette.classes[class];
    let left = at(&heatmap, 0);
    // x1 = −5.94: p0 = e^5.94 / (e^5.94 + 1 + e^−5.94) ≈ 0.9974.
    let strength = (0.997_38 - 1.0 / 3.0) / (2.0 / 3.0);
    assert_eq!(left, palette.class_shade(0, strength));
    assert!((left[0] as i32 - colour(0)[0] as i32).abs() <= 2);
    assert_eq!(
        at(&heatmap, GRID_SIZE - 1),
        palette.class_shade(2, strength)
    );
    // The middle columns (x1 = ±0.06) are nearly grey.
    let middle = at(&heatmap, GRID_SIZE / 2);
    assert!((middle[0] as i32 - 232).abs() <= 6, "{middle:?}");
    // Discretized: full class colours.
    heatmap.set_discretize(true);
    heatmap.render(&network, &features);
    assert_eq!(at(&heatmap, 0), palette.class_shade(0, 1.0));
    // The thumbnail of output neuron 2 (node 4) blends toward class 2's colour.
    let thumbnail = &heatmap.thumbnails()[4 * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4..];
    let right = &thumbnail[(THUMBNAIL_SIZE - 1) * 4..][..4];
    assert!(
        (right[1] as i32 - colour(2)[1] as i32).abs() <= 3,
        "{right:?}"
    );
}

#[test]
fn thumbnails_for_every_node_and_a_chosen_big_node() {
    // Output = x1 (linear, weight 1): orange on the left, blue on the right.
    let mut network = Network::zeroed(vec![LayerShape {
        inputs: 2,
        outputs: 1,
        activation: Activation::Linear,
    }]);
    network.parameters_mut()[0] = 1.0;
    let mut heatmap = Heatmap::default();
    heatmap.render(&network, &inputs_of(&[Feature::X1, Feature::X2]));
    assert_eq!(
        heatmap.thumbnails().len(),
        3 * THUMBNAIL_SIZE * THUMBNAIL_SIZE * 4
    );
    let left = &heatmap.pixels()[..4];
    let right = &heatmap.pixels()[(GRID_SIZE - 1) * 4..][..4];
    assert_eq!(left, Colours::of(Palette::Default).colour(-1.0));
    assert_eq!(right, Colours::of(Palette::Default).colour(1.0));
    // Node 1 is the input x2: blue at the top, orange at the bottom.
    heatmap.set_node(Some(1));
    heatmap.render(&network, &inputs_of(&[Feature::X1, Feature::X2]));
    let top = &heatmap.pixels()[..4];
    let bottom = &heatmap.pixels()[(CELLS - 1) * 4..][..4];
    assert!(top[2] > top[0] && bottom[0] > bottom[2]);
}

/// A 2-5-4-1 tanh network on x1, x2 and x1·x2.
fn small_network() -> (Network, Vec<Input>) {
    let shape = |inputs, outputs| LayerShape {
        inputs,
        outputs,
        activation: Activation::Tanh,
    };
    let shapes = vec![shape(3, 5), shape(5, 4), shape(4, 1)];
    let network = Initialization::Uniform.network(shapes, &mut SeededRng::new(3, Stream::Weights));
    (
        network,
        inputs_of(&[Feature::X1, Feature::X2, Feature::X1TimesX2]),
    )
}

/// Every node's value at every cell of the full grid, `[nodes][CELLS]`: the inputs'
/// scaled values, then `evaluate`'s neuron outputs.
/// The network's output at the cell centres of a grid `size` cells a side, in one
/// untiled pass.
fn outputs_at_own_centres(network: &Network, features: &[Input], size: usize) -> Vec<f32> {
    let centres: Vec<[f32; 2]> = (0..size * size)
        .map(|cell| cell_centre_of(size, cell / size, cell % size))
        .collect();
    let mut inputs = Vec::new();
    compute_inputs(features, &centres, &mut inputs);
    let mut workspace = Workspace::default();
    network.forward(&inputs, size * size, &mut workspace);
    workspace.output().to_vec()
}

fn full_resolution(network: &Network, features: &[Input]) -> (Vec<f32>, Vec<Shading>) {
    let mut heatmap = Heatmap::default();
    heatmap.prepare_scales(features);
    heatmap.evaluate(network, features);
    let mut values = Vec::new();
    let mut shadings = Vec::new();
    for (feature, &scale) in features.iter().zip(&heatmap.feature_scales) {
        values.extend((0..CELLS).map(|cell| {
            let [x1, x2] = cell_centre(cell / GRID_SIZE, cell % GRID_SIZE);
            feature.value(x1, x2)
        }));
        shadings.push(Shading::Signed(scale));
    }
    values.extend_from_slice(heatmap.neuron_outputs());
    for (layer, shape) in network.layers().iter().enumerate() {
        shadings.extend((0..shape.outputs).map(|neuron| Shading::of(network, layer, neuron)));
    }
    (values, shadings)
}

#[test]
fn lower_resolution_pictures_are_the_full_grid_at_the_same_cells() {
    let (network, features) = small_network();
    let (values, shadings) = full_resolution(&network, &features);
    let table = ColourTable::new(Colours::of(Palette::Default));
    let nodes = node_count(&network);
    let mut heatmap = Heatmap::default();
    // 20 and 4 cells a side are centred on every 5th and every 25th full-grid cell.
    for (size, step) in [(20, 5), (4, 25), (GRID_SIZE, 1)] {
        heatmap.set_sizes(size, size);
        for node in 0..nodes {
            heatmap.set_node(Some(node));
            heatmap.render(&network, &features);
            assert_eq!(
                (heatmap.heatmap_size(), heatmap.thumbnail_size()),
                (size, size)
            );
            let thumbnail = &heatmap.thumbnails()[node * size * size * 4..][..size * size * 4];
            for pixel in 0..size * size {
                let (row, column) = (pixel / size, pixel % size);
                let cell = (row * step + step / 2) * GRID_SIZE + column * step + step / 2;
                let colour = shadings[node].colour(values[node * CELLS + cell], false, &table);
                assert_eq!(
                    &thumbnail[pixel * 4..][..4],
                    colour,
                    "thumbnail {node} at {size}"
                );
                assert_eq!(
                    &heatmap.pixels()[pixel * 4..][..4],
                    colour,
                    "heatmap {node} at {size}"
                );
            }
        }
    }
}

#[test]
fn any_picture_size_is_the_network_at_its_own_cell_centres() {
    let (network, features) = small_network();
    let table = ColourTable::new(Colours::of(Palette::Default));
    let mut heatmap = Heatmap::default();
    heatmap.set_sizes(37, 13);
    heatmap.render(&network, &features);
    for (size, pixels) in [
        (37, heatmap.pixels()),
        (13, &heatmap.thumbnails()[12 * 13 * 13 * 4..]),
    ] {
        let shading = Shading::of(&network, 2, 0);
        for (cell, &value) in outputs_at_own_centres(&network, &features, size)
            .iter()
            .enumerate()
        {
            assert_eq!(
                &pixels[cell * 4..][..4],
                shading.colour(value, false, &table)
            );
        }
    }
}

#[test]
fn sizes_stay_within_one_cell_and_the_full_grid() {
    let (network, features) = small_network();
    let mut heatmap = Heatmap::default();
    heatmap.set_sizes(0, 5000);
    heatmap.render(&network, &features);
    assert_eq!(
        (heatmap.heatmap_size(), heatmap.thumbnail_size()),
        (1, GRID_SIZE)
    );
    assert_eq!(heatmap.pixels().len(), 4);
    assert_eq!(heatmap.thumbnails().len(), 13 * CELLS * 4);
}

/// 7 inputs and `layers` hidden tanh layers of `width`, one output.
fn deep_network(layers: usize, width: usize) -> (Network, Vec<Input>) {
    let shape = |inputs, outputs| LayerShape {
        inputs,
        outputs,
        activation: Activation::Tanh,
    };
    let mut shapes = vec![shape(7, width)];
    shapes.extend((1..layers).map(|_| shape(width, width)));
    shapes.push(shape(width, 1));
    let network = Initialization::Xavier.network(shapes, &mut SeededRng::new(4, Stream::Weights));
    (network, inputs_of(&Feature::ALL))
}

/// The big heatmap's cells a side after a render of `node` at the full grid.
fn rendered_size(heatmap: &mut Heatmap, network: &Network, features: &[Input]) -> usize {
    heatmap.set_sizes(GRID_SIZE, 30);
    heatmap.render(network, features);
    assert_eq!(heatmap.pixels().len(), heatmap.heatmap_size().pow(2) * 4);
    heatmap.heatmap_size()
}

#[test]
fn while_playing_a_big_network_is_computed_within_the_budget() {
    let (network, features) = deep_network(10, 32);
    assert_eq!(cost_per_cell(&network, None), 9_472);
    let mut heatmap = Heatmap::default();
    heatmap.set_live(true);
    let size = rendered_size(&mut heatmap, &network, &features);
    assert!(size < GRID_SIZE && size > LIVE_MIN_SIZE, "{size} a side");
    assert!(size * size * 9_472 <= LIVE_BUDGET);
    assert!(
        (size + 1).pow(2) * 9_472 > LIVE_BUDGET,
        "{size} is not the most"
    );
    // The largest network the page allows: the floor.
    let (largest, features) = deep_network(16, 57);
    assert_eq!(
        rendered_size(&mut heatmap, &largest, &features),
        LIVE_MIN_SIZE
    );
    // Paused, the size asked; the thumbnails the size asked either way.
    heatmap.set_live(false);
    assert_eq!(rendered_size(&mut heatmap, &largest, &features), GRID_SIZE);
    assert_eq!(heatmap.thumbnail_size(), 30);
}

#[test]
fn while_playing_small_networks_keep_the_size_asked() {
    let mut heatmap = Heatmap::default();
    heatmap.set_live(true);
    // The TensorFlow Playground's largest, and a smaller size asked.
    let (network, features) = deep_network(6, 8);
    assert_eq!(rendered_size(&mut heatmap, &network, &features), GRID_SIZE);
    heatmap.set_sizes(20, 30);
    heatmap.render(&network, &features);
    assert_eq!(heatmap.heatmap_size(), 20);
    // A big network asked for fewer cells than the budget allows.
    let (big, features) = deep_network(16, 57);
    heatmap.set_sizes(LIVE_MIN_SIZE - 10, 30);
    heatmap.render(&big, &features);
    assert_eq!(heatmap.heatmap_size(), LIVE_MIN_SIZE - 10);
}

#[test]
fn the_budget_counts_the_layers_up_to_the_node_shown() {
    let (network, features) = deep_network(10, 32);
    let mut heatmap = Heatmap::default();
    heatmap.set_live(true);
    let output = rendered_size(&mut heatmap, &network, &features);
    // A neuron of hidden layer 7 costs 7·32 + 6·32² multiply-adds a cell.
    heatmap.set_node(Some(7 + 6 * 32));
    let middle = rendered_size(&mut heatmap, &network, &features);
    assert_eq!(middle, live_size(GRID_SIZE, 7 * 32 + 6 * 32 * 32));
    assert!(
        output < middle && middle < GRID_SIZE,
        "{output} and {middle}"
    );
    // The first hidden layer and an input: the full grid.
    for node in [7, 3] {
        heatmap.set_node(Some(node));
        assert_eq!(rendered_size(&mut heatmap, &network, &features), GRID_SIZE);
    }
}

#[test]
fn a_picture_reduced_while_playing_is_the_network_at_its_own_cell_centres() {
    let (network, features) = deep_network(10, 32);
    let table = ColourTable::new(Colours::of(Palette::Default));
    let mut heatmap = Heatmap::default();
    heatmap.set_live(true);
    let size = rendered_size(&mut heatmap, &network, &features);
    assert!(size < GRID_SIZE);
    let shading = Shading::of(&network, 10, 0);
    for (cell, &value) in outputs_at_own_centres(&network, &features, size)
        .iter()
        .enumerate()
    {
        assert_eq!(
            &heatmap.pixels()[cell * 4..][..4],
            shading.colour(value, false, &table),
            "cell {cell}"
        );
    }
    // The same as asking for that size while paused.
    let live = heatmap.pixels().to_vec();
    heatmap.set_live(false);
    heatmap.set_sizes(size, 30);
    heatmap.render(&network, &features);
    assert_eq!(heatmap.pixels(), live);
}
