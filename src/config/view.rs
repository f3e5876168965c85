//! The view options: how a playground shows its run rather than what the network is
//! (training speed, test points, links coloured by gradient, discretized output,
//! palette). They live in the page and its address; the core describes them in the
//! schema so that no list of them is kept by hand anywhere else.

use super::fields::settings_struct;
use serde::{Deserialize, Serialize};

/// The colours of −1, 0 and +1 (the colours themselves are in `picture::colours`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Palette {
    /// Orange, grey, blue (the TensorFlow Playground's).
    #[default]
    Default,
    /// Orange, white, purple: told apart with any colour vision.
    Colorblind,
}

impl Palette {
    /// Both palettes, in the order the page offers them.
    pub const ALL: [Palette; 2] = [Palette::Default, Palette::Colorblind];

    /// The name used in the address and in `setView`.
    pub fn name(self) -> &'static str {
        match self {
            Palette::Default => "default",
            Palette::Colorblind => "colorblind",
        }
    }

    /// The words a control shows for it.
    pub fn label(self) -> &'static str {
        match self {
            Palette::Default => "Default colours",
            Palette::Colorblind => "Colour-blind-safe colours",
        }
    }

    /// The palette called `name` ("default" or "colorblind").
    pub fn from_name(name: &str) -> Option<Palette> {
        Palette::ALL
            .into_iter()
            .find(|palette| palette.name() == name)
    }
}

settings_struct! {
    /// How a playground shows its run, each option with its default. Field names are
    /// camelCase in the address, in the order it writes them.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields, default)]
    pub struct ViewOptions {
        /// Epochs trained per animation frame while playing, and per step.
        pub epochs_per_frame: u32 = 1,
        /// Whether the test points are drawn over the heatmap.
        pub show_test_data: bool = false,
        /// Whether the diagram's links are coloured and sized by ∂J/∂w instead of the
        /// weight.
        pub gradient_links: bool = false,
        /// Whether the heatmap shows only the predicted class (or sign).
        pub discretize: bool = false,
        /// The colours.
        pub palette: Palette = Palette::Default,
    }
}

impl ViewOptions {
    /// Checks every option against its schema row.
    pub fn validate(&self) -> Result<(), super::ConfigError> {
        super::schema::check_rows(self, super::schema::view())
    }
}
