//! The handle's methods for the points and for whole runs: reading and replacing the
//! points, drawing and erasing them with undo and redo, and lesson files.

use super::crossing::{config_error, given_of, js_error, to_js};
use super::Playground;
use crate::config::view::ViewOptions;
use crate::data::csv::{read_csv, write_csv, CsvOptions};
use crate::data::dataset::Dataset;
use crate::data::dataset::Split;
use crate::data::labelled::LabelledPoints;
use crate::data::own::OwnData;
use crate::data::own::{split_by_ratio, Set};
use crate::session::lesson::{Classroom, LessonFile};
use crate::session::trainer::{DataEdit, DrawTarget};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Reads a `T` from a JS value; a refusal names the field and quotes its value.
fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    let given = given_of(value, what)?;
    given
        .read()
        .map_err(|refusal| js_error(format!("{what}: {refusal}")))
}

/// What reading a CSV did, for the page to say.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CsvReport {
    /// "newData", or "reset" when the output layer changed with the points.
    change: &'static str,
    train: usize,
    test: usize,
    /// Points whose set came from the train ratio (the file gave none).
    without_set: usize,
    classes: usize,
    class_names: Vec<String>,
    /// The factor the coordinates were scaled by to fit the view, if they were.
    scaled_by: Option<f32>,
    /// The factor regression values were scaled by, if they were.
    values_scaled_by: Option<f32>,
}

/// `[x1, x2, label, …]` as rows.
fn rows(flat: &[f32]) -> Vec<[f32; 3]> {
    flat.chunks_exact(3).map(|r| [r[0], r[1], r[2]]).collect()
}

#[wasm_bindgen]
impl Playground {
    /// The names of the classes of the own points (empty: "class 0", "class 1", …).
    #[wasm_bindgen(getter, js_name = classNames)]
    pub fn class_names(&self) -> Vec<String> {
        if self.trainer.config().dataset == Dataset::Own {
            self.trainer.own_data().class_names.clone()
        } else {
            Vec::new()
        }
    }

    /// Trains on these points from now on (the dataset becomes `own`): `train` and
    /// `test` as `[x1, x2, label, …]` (labels as trained: ±1 or 0 and 1 for two classes,
    /// the class for more, the value for regression), `unsplit` points split by
    /// `train_ratio` percent (the config's when absent), `class_names` if the classes
    /// have names. The classes become what the points need, unless `keep_classes`. The
    /// network is kept unless the output layer changes: returns "newData", or "reset"
    /// when it did. On refusal nothing changes.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(
        &mut self,
        train: &[f32],
        test: &[f32],
        unsplit: &[f32],
        train_ratio: Option<f64>,
        class_names: Vec<String>,
        keep_classes: bool,
    ) -> Result<String, JsValue> {
        if [train, test, unsplit].iter().any(|set| set.len() % 3 != 0) {
            return Err(js_error("points come as [x1, x2, label] rows"));
        }
        let mut points = LabelledPoints {
            train: rows(train),
            test: rows(test),
            class_names,
        };
        let config = self.trainer.config();
        let ratio = train_ratio.unwrap_or(config.train_ratio);
        if !(0.0..=100.0).contains(&ratio) {
            return Err(js_error(format!(
                "trainRatio must be a percentage from 0 to 100, got {ratio}"
            )));
        }
        let unsplit = rows(unsplit);
        let sets = split_by_ratio(unsplit.len(), (ratio / 100.0) as f32, config.data_seed);
        for (row, set) in unsplit.into_iter().zip(sets) {
            match set {
                Set::Train => points.train.push(row),
                Set::Test => points.test.push(row),
            }
        }
        let own = points.to_own(config.problem).map_err(js_error)?;
        let classes = keep_classes.then_some(config.classes);
        let change = self
            .trainer
            .set_own_data(own, classes)
            .map_err(config_error)?;
        Ok(change.name().to_string())
    }

    /// Trains on the points of a CSV or TSV text (see `data::csv`): the dataset becomes
    /// `own`, the classes what the file has. `fit_to_view` scales points outside the
    /// plotted range into it instead of refusing them. Returns what happened; on
    /// refusal (naming the line and the column) nothing changes.
    #[wasm_bindgen(js_name = importCsv)]
    pub fn import_csv(&mut self, text: &str, fit_to_view: bool) -> Result<JsValue, JsValue> {
        let config = self.trainer.config();
        let options = CsvOptions {
            problem: config.problem,
            fit_to_view,
            train_fraction: (config.train_ratio / 100.0) as f32,
            seed: config.data_seed,
        };
        let import = read_csv(text, &options).map_err(js_error)?;
        let (train, test) = (import.data.count(Set::Train), import.data.count(Set::Test));
        let class_names = import.data.class_names.clone();
        let change = self
            .trainer
            .set_own_data(import.data, None)
            .map_err(config_error)?;
        let scaled = import.scaled;
        to_js(&CsvReport {
            change: change.name(),
            train,
            test,
            without_set: import.without_set,
            classes: self.trainer.config().classes,
            class_names,
            scaled_by: scaled.map(|s| s.coordinates).filter(|&f| f != 1.0),
            values_scaled_by: scaled.and_then(|s| s.values),
        })
    }

    /// The points trained on now as CSV text (`x1,x2,label,set`), own or generated.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> String {
        let config = self.trainer.config();
        if config.dataset == Dataset::Own {
            return write_csv(self.trainer.own_data());
        }
        let split = Split {
            train: self.trainer.train_points().to_vec(),
            test: self.trainer.test_points().to_vec(),
        };
        write_csv(&OwnData::from_split(&split, config.problem, config.classes))
    }

    /// Draws points at `positions` = `[x1, x2, x1, x2, …]` with `label` (a class, or a
    /// regression value) into `target` ("train", "test" or "split"); `continues` joins
    /// the edit to the one before (one stroke undoes at once). Returns how many.
    #[wasm_bindgen(js_name = addPoints)]
    pub fn add_points(
        &mut self,
        positions: &[f32],
        label: f32,
        target: &str,
        continues: bool,
    ) -> Result<usize, JsValue> {
        if !positions.len().is_multiple_of(2) {
            return Err(js_error("addPoints takes pairs [x1, x2, x1, x2, …]"));
        }
        let target = DrawTarget::from_name(target).ok_or_else(|| {
            js_error(format!(
                "the target must be train, test or split, got {target:?}"
            ))
        })?;
        let edit = DataEdit::Add {
            positions: positions.chunks_exact(2).map(|p| [p[0], p[1]]).collect(),
            label,
            target,
        };
        self.trainer.edit_points(&edit, continues).map_err(js_error)
    }

    /// Removes the points within `radius` of (x1, x2) from the training set (`train`)
    /// and the test set (`test`); returns how many.
    #[wasm_bindgen(js_name = erasePoints)]
    pub fn erase_points(
        &mut self,
        x1: f32,
        x2: f32,
        radius: f32,
        train: bool,
        test: bool,
        continues: bool,
    ) -> Result<usize, JsValue> {
        let edit = DataEdit::Erase {
            centre: [x1, x2],
            radius,
            train,
            test,
        };
        self.trainer.edit_points(&edit, continues).map_err(js_error)
    }

    /// Removes every point (undoable); returns how many there were.
    #[wasm_bindgen(js_name = clearPoints)]
    pub fn clear_points(&mut self) -> Result<usize, JsValue> {
        self.trainer
            .edit_points(&DataEdit::Clear, false)
            .map_err(js_error)
    }

    /// Undoes the last edit of the points; false when there is none.
    #[wasm_bindgen(js_name = undoPoints)]
    pub fn undo_points(&mut self) -> Result<bool, JsValue> {
        self.trainer.undo_points().map_err(config_error)
    }

    /// Redoes the last undone edit of the points; false when there is none.
    #[wasm_bindgen(js_name = redoPoints)]
    pub fn redo_points(&mut self) -> Result<bool, JsValue> {
        self.trainer.redo_points().map_err(config_error)
    }

    /// `[canUndo, canRedo]` for the points, as 0 or 1.
    #[wasm_bindgen(getter, js_name = pointsHistory)]
    pub fn points_history(&self) -> Vec<u8> {
        let (undo, redo) = self.trainer.can_undo_points();
        vec![u8::from(undo), u8::from(redo)]
    }

    /// The whole playground as a lesson file object, shown with `view` (view options)
    /// and `classroom` (`{hidden, hideText}`).
    pub fn lesson(&self, view: JsValue, classroom: JsValue) -> Result<JsValue, JsValue> {
        let view: ViewOptions = from_js(view, "the view options")?;
        let classroom: Classroom = from_js(classroom, "the classroom flags")?;
        to_js(&LessonFile::of(&self.trainer, view, classroom))
    }

    /// Opens a lesson file object: its settings, points, network, epoch and history
    /// replace the current ones. On refusal nothing changes.
    #[wasm_bindgen(js_name = openLesson)]
    pub fn open_lesson(&mut self, lesson: JsValue) -> Result<(), JsValue> {
        const WHAT: &str = "not a greymatter lesson file";
        let given = given_of(lesson, WHAT)?;
        // A greymatter lesson file still, of a version this build does not read.
        LessonFile::check_version_of(&given).map_err(js_error)?;
        let lesson =
            LessonFile::read(&given).map_err(|error| js_error(format!("{WHAT}: {error}")))?;
        self.trainer = lesson.open().map_err(js_error)?;
        self.render();
        Ok(())
    }
}
