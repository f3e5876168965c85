//! The schema as JS reads it: `configSchema()` (every row with its default, and the
//! limits) and `limits()`.

use super::row::{Effect, Kind, Setting};
use super::setting;
use super::table::{SETTINGS, VIEW};
use crate::config::fields::Fields;
use crate::config::limits::{MAX_EPOCH, MAX_HISTORY, MAX_WEIGHTS};
use crate::config::view::ViewOptions;
use crate::config::Config;
use serde::ser::{Error as _, SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// A row as JS reads it, with its default read from `defaults`.
struct RowJson<'a, T> {
    row: &'a Setting,
    defaults: &'a T,
}

impl<T: Fields> Serialize for RowJson<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The default of one field.
        struct Default<'a, T>(&'a T, &'static str);
        impl<T: Fields> Serialize for Default<'_, T> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.0
                    .serialize_field(self.1, serializer)
                    .unwrap_or_else(|| Err(S::Error::custom(format!("no field {}", self.1))))
            }
        }
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Row<'a, D> {
            key: &'a str,
            #[serde(flatten)]
            kind: &'a Kind,
            label: &'a str,
            default: D,
            #[serde(skip_serializing_if = "Option::is_none")]
            effect: Option<Effect>,
            hideable: bool,
            #[serde(skip_serializing_if = "Option::is_none")]
            hides: Option<&'a str>,
        }
        let row = self.row;
        Row {
            key: row.key,
            kind: &row.kind,
            label: row.label,
            default: Default(self.defaults, row.key),
            effect: row.effect,
            hideable: row.hides.is_some(),
            hides: row.hides,
        }
        .serialize(serializer)
    }
}

/// Rows as JS reads them.
struct RowsJson<'a, T> {
    rows: &'a [Setting],
    defaults: &'a T,
}

impl<T: Fields> Serialize for RowsJson<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.rows.len()))?;
        for row in self.rows {
            seq.serialize_element(&RowJson {
                row,
                defaults: self.defaults,
            })?;
        }
        seq.end()
    }
}

/// The limits every config must respect, as JS reads them (`limits()`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Most hidden layers.
    pub max_hidden_layers: usize,
    /// Most neurons in one hidden layer.
    pub max_neurons_per_layer: usize,
    /// Most weights in the whole network.
    pub max_weights: usize,
    /// Fewest generated points.
    pub min_samples: usize,
    /// Most generated points.
    pub max_samples: usize,
    /// Largest mini-batch.
    pub max_batch_size: usize,
    /// Largest learning rate.
    pub max_learning_rate: f64,
    /// Largest regularization rate.
    pub max_regularization_rate: f64,
    /// Largest noise, in percent.
    pub max_noise: f64,
    /// Smallest share of training points, in percent.
    pub min_train_ratio: f64,
    /// Largest share of training points, in percent.
    pub max_train_ratio: f64,
    /// Most classes.
    pub max_classes: usize,
    /// Most loss-history rows a lesson file holds.
    pub max_history: usize,
    /// Most epochs a run counts (training stops there).
    pub max_epoch: u32,
}

/// The limits, read from the rows (the weight cap, a rule across settings, from
/// [`MAX_WEIGHTS`]).
pub fn limits() -> Limits {
    let range = |key: &str| {
        *setting(key)
            .and_then(Setting::range)
            .unwrap_or_else(|| panic!("{key} is a number setting"))
    };
    let (max_hidden_layers, max_neurons_per_layer) = match setting("hidden").map(|s| s.kind) {
        Some(Kind::Counts {
            max_length, max, ..
        }) => (max_length, max),
        _ => panic!("hidden is a list of counts"),
    };
    Limits {
        max_hidden_layers,
        max_neurons_per_layer,
        max_weights: MAX_WEIGHTS,
        min_samples: range("samples").min as usize,
        max_samples: range("samples").max as usize,
        max_batch_size: range("batchSize").max as usize,
        max_learning_rate: range("learningRate").max,
        max_regularization_rate: range("regularizationRate").max,
        max_noise: range("noise").max,
        min_train_ratio: range("trainRatio").min,
        max_train_ratio: range("trainRatio").max,
        max_classes: range("classes").max as usize,
        max_history: MAX_HISTORY,
        max_epoch: MAX_EPOCH,
    }
}

/// The whole schema as JS reads it (`configSchema()`): `settings` and `view`, each row
/// with its default, and `limits`.
#[derive(Clone, Copy, Debug)]
pub struct Schema;

impl Serialize for Schema {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut schema = serializer.serialize_struct("Schema", 3)?;
        let config = Config::default();
        let view = ViewOptions::default();
        schema.serialize_field(
            "settings",
            &RowsJson {
                rows: SETTINGS,
                defaults: &config,
            },
        )?;
        schema.serialize_field(
            "view",
            &RowsJson {
                rows: VIEW,
                defaults: &view,
            },
        )?;
        schema.serialize_field("limits", &limits())?;
        schema.end()
    }
}

/// The schema.
pub fn schema() -> Schema {
    Schema
}
