//! The lesson file (`.greymatter.json`): a whole playground in one versioned JSON
//! document — settings, view options, classroom flags, own points, the trained
//! network (a model file), the epoch, the loss history and what the optimizer
//! remembers. "Save lesson" writes one, "Open lesson" and `src=` read one, and the
//! full page keeps its session in the same shape. The format is in docs/lesson-file.md.

use crate::config::view::ViewOptions;
use crate::config::Config;
use crate::data::labelled::LabelledPoints;
use crate::data::own::OwnData;
use crate::given::Given;
use crate::model::model_file::ModelFile;
use crate::session::trainer::{HistoryEntry, Resume, Snapshot, Trainer};
use crate::version::{check_given_version, check_version, writer};
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "greymatter-lesson";
/// The lesson file version this build writes and reads.
pub const VERSION: u32 = 1;
/// What a refusal of the version calls the document.
const DOCUMENT: &str = "lesson file";
/// The longest lesson file text greymatter reads (16 MiB).
pub const MAX_LESSON_BYTES: usize = 16 << 20;
/// The deepest nesting of arrays and objects a lesson file has (a weight inside a
/// row inside a layer inside the model inside the file, with room to spare).
pub const MAX_DEPTH: usize = 8;

/// Which controls a classroom hides, as in the address (`…_hide=true`, `hideText`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Classroom {
    /// The names of the hidden controls.
    pub hidden: Vec<String>,
    /// Whether the explanatory text is hidden.
    pub hide_text: bool,
}

/// What the optimizer and the shuffling remember, as the file writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResumeRecord {
    /// The optimizer's first memory (v or m), one value per parameter, or empty.
    pub first: Vec<f32>,
    /// The optimizer's second memory (s or u), one value per parameter, or empty.
    pub second: Vec<f32>,
    /// Steps the optimizer has taken.
    pub steps: i32,
    /// The shuffling generator's position in its stream, as a decimal number.
    pub shuffle_position: String,
    /// The dropout masks' generator's position in its stream, as a decimal number (0
    /// when left out: files from before dropout).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropout_position: Option<String>,
}

/// A lesson file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LessonFile {
    /// Always "greymatter-lesson".
    pub format: String,
    /// Always 1 in this version.
    pub version: u32,
    /// Which greymatter wrote the file ("greymatter 0.1.0"); read but not checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub writer: Option<String>,
    /// Every setting (missing ones take their defaults).
    pub config: Config,
    /// How the run is shown.
    #[serde(default)]
    pub view: ViewOptions,
    /// The controls a classroom hides.
    #[serde(default)]
    pub classroom: Classroom,
    /// The own points, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<LabelledPoints>,
    /// The trained network.
    pub model: ModelFile,
    /// Epochs trained.
    pub epoch: u32,
    /// `[epoch, training loss, test loss]` rows (a loss is null when its set is empty).
    #[serde(default)]
    pub history: Vec<(u32, Option<f32>, Option<f32>)>,
    /// What the optimizer and the shuffling remember, to train on exactly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resume: Option<ResumeRecord>,
}

impl LessonFile {
    /// Reads a lesson file from a value as given (not yet checked: see `open`); a value
    /// of the wrong kind is refused with its path: `model.layers[0].weights must be a
    /// list, got "abc"`.
    pub fn read(given: &Given) -> Result<LessonFile, String> {
        LessonFile::check_version_of(given)?;
        given.read().map_err(|refusal| refusal.to_string())
    }

    /// Refuses a lesson file of another version, before any of its other fields.
    pub fn check_version_of(given: &Given) -> Result<(), String> {
        check_given_version(given, DOCUMENT, VERSION)
    }

    /// The lesson of `trainer` shown with `view` and `classroom`.
    pub fn of(trainer: &Trainer, view: ViewOptions, classroom: Classroom) -> LessonFile {
        let snapshot = trainer.snapshot();
        let own = trainer.own_data();
        let data = (!own.points.is_empty())
            .then(|| LabelledPoints::of(&own.split(trainer.config().classes), &own.class_names));
        let loss = |value: f32| value.is_finite().then_some(value);
        LessonFile {
            format: FORMAT.to_string(),
            version: VERSION,
            writer: Some(writer()),
            config: trainer.config().clone(),
            view,
            classroom,
            data,
            model: snapshot.model,
            epoch: snapshot.epoch,
            history: snapshot
                .history
                .iter()
                .map(|row| (row.epoch, loss(row.train_loss), loss(row.test_loss)))
                .collect(),
            resume: snapshot.resume.map(|resume| ResumeRecord {
                first: resume.first,
                second: resume.second,
                steps: resume.steps,
                shuffle_position: resume.shuffle_position.to_string(),
                dropout_position: Some(resume.dropout_position.to_string()),
            }),
        }
    }

    /// The playground this lesson describes; refused with what is wrong.
    pub fn open(&self) -> Result<Trainer, String> {
        if self.format != FORMAT {
            return Err(format!(
                "a lesson file's format must be \"{FORMAT}\", got {:?}",
                self.format
            ));
        }
        check_version(DOCUMENT, self.version.into(), VERSION)?;
        self.config.validate().map_err(|error| error.message)?;
        let own = match &self.data {
            Some(points) => points
                .to_own(self.config.problem)
                .map_err(|message| format!("data: {message}"))?,
            None => OwnData::empty(self.config.problem),
        };
        let resume = match &self.resume {
            Some(record) => Some(Resume {
                first: record.first.clone(),
                second: record.second.clone(),
                steps: record.steps,
                shuffle_position: record.shuffle_position.parse().map_err(|_| {
                    format!(
                        "resume.shufflePosition must be a whole number, got {:?}",
                        record.shuffle_position
                    )
                })?,
                dropout_position: match &record.dropout_position {
                    None => 0,
                    Some(text) => text.parse().map_err(|_| {
                        format!("resume.dropoutPosition must be a whole number, got {text:?}")
                    })?,
                },
            }),
            None => None,
        };
        let nan = f32::NAN;
        let snapshot = Snapshot {
            model: self.model.clone(),
            epoch: self.epoch,
            history: self
                .history
                .iter()
                .map(|&(epoch, train, test)| HistoryEntry {
                    epoch,
                    train_loss: train.unwrap_or(nan),
                    test_loss: test.unwrap_or(nan),
                })
                .collect(),
            resume,
        };
        Trainer::restore(self.config.clone(), own, &snapshot)
    }
}
