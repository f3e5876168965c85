//! The handle's methods for share links: the own points and the trained weights as
//! the compact texts of `points=` and `weights=` (see `data::link`).

use super::crossing::{config_error, js_error};
use super::Playground;
use crate::data::dataset::Dataset;
use crate::data::link::{decode_points, decode_weights, encode_points, encode_weights};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Playground {
    /// The `points=` text of the own points, or undefined when another dataset is chosen.
    #[wasm_bindgen(getter, js_name = linkPoints)]
    pub fn link_points(&self) -> Option<String> {
        (self.trainer.config().dataset == Dataset::Own)
            .then(|| encode_points(self.trainer.own_data()))
    }

    /// Trains on the own points of a link's `points=` text, keeping the config's
    /// classes; returns "newData" (or "reset"). On refusal nothing changes.
    #[wasm_bindgen(js_name = setLinkPoints)]
    pub fn set_link_points(&mut self, text: &str) -> Result<String, JsValue> {
        let own = decode_points(text).map_err(js_error)?;
        let classes = Some(self.trainer.config().classes);
        let change = self
            .trainer
            .set_own_data(own, classes)
            .map_err(config_error)?;
        Ok(change.name().to_string())
    }

    /// The `weights=` text of the current weights and epoch.
    #[wasm_bindgen(getter, js_name = linkWeights)]
    pub fn link_weights(&self) -> String {
        encode_weights(self.trainer.network().parameters(), self.trainer.epoch())
    }

    /// Puts the weights and the epoch of a link's `weights=` text in place (the network
    /// must have their shape). On refusal nothing changes.
    #[wasm_bindgen(js_name = setLinkWeights)]
    pub fn set_link_weights(&mut self, text: &str) -> Result<(), JsValue> {
        let weights = decode_weights(text).map_err(js_error)?;
        self.trainer
            .set_trained_weights(&weights.parameters, weights.epoch)
            .map_err(js_error)?;
        self.render();
        Ok(())
    }
}
