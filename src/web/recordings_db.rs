//! The one owner of IndexedDB: recordings of spoken answers. localStorage
//! cannot hold audio, so each recording's bytes go to an object store of
//! their own (`audio`) and what is known about it (`RecordingMeta`, as JSON)
//! to another (`meta`), so listing never reads audio. Both are written in
//! one transaction: a recording is there with its audio, or not at all.
//! The audio is stored as an ArrayBuffer, not a Blob: WebKit refuses Blobs
//! in some sessions ("Error preparing Blob/File data"), never buffers.
//! Answers stay in localStorage; nothing here touches them. Each change is
//! announced on a BroadcastChannel, so other tabs read the list again.

use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, Query, TransactionMode};
use opsdrill_core::recordings::{self, RecordingMeta};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag};

const DATABASE: &str = "opsdrill-recordings";
const VERSION: u32 = 1;
const META: &str = "meta";
const AUDIO: &str = "audio";

/// Why the recordings could not be read or written, as the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbError {
    /// No IndexedDB (some private modes), or the browser refused to open it.
    Unavailable,
    /// The browser's storage for this site is full.
    Full,
    /// Anything else the browser reported.
    Failed(String),
}

impl DbError {
    pub fn message(&self) -> String {
        match self {
            DbError::Unavailable => "This browser does not let OpsDrill store recordings here (private browsing can do that). Your written answers are not affected.".into(),
            DbError::Full => "The browser's storage for OpsDrill is full, so the recording was not kept. Delete older recordings in Settings to make room. Your written answers are not affected.".into(),
            DbError::Failed(why) => format!("The recordings store failed ({why}). Your written answers are not affected."),
        }
    }
}

impl From<idb::Error> for DbError {
    fn from(error: idb::Error) -> Self {
        let text = error.to_string();
        if text.contains("QuotaExceeded") || text.contains("quota") {
            DbError::Full
        } else {
            DbError::Failed(text)
        }
    }
}

async fn open() -> Result<Database, DbError> {
    let factory = Factory::new().map_err(|_| DbError::Unavailable)?;
    let mut request = factory
        .open(DATABASE, Some(VERSION))
        .map_err(|_| DbError::Unavailable)?;
    request.on_upgrade_needed(|event| {
        // Version 1 is the first: create both stores. An error here aborts
        // the upgrade, which the open below reports.
        if let Ok(db) = event.database() {
            for name in [META, AUDIO] {
                if !db.store_names().iter().any(|s| s == name) {
                    let _ = db.create_object_store(name, ObjectStoreParams::new());
                }
            }
        }
    });
    request.await.map_err(|_| DbError::Unavailable)
}

const CHANNEL: &str = "opsdrill-recordings";

/// Tells other tabs the recordings changed.
fn announce() {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::TRUE);
        channel.close();
    }
}

/// Runs `on_change` whenever a tab saves or deletes recordings (another tab,
/// or this one: a channel's message reaches every other channel of its
/// name), for as long as the app runs (the listener is never dropped).
pub fn watch_changes(on_change: impl Fn() + 'static) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn()>::new(on_change);
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    // The app's lifetime: the channel and its listener stay.
    listener.forget();
    std::mem::forget(channel);
}

/// Every recording's metadata (unreadable entries are skipped: a damaged
/// entry must not hide the others).
pub async fn list() -> Result<Vec<RecordingMeta>, DbError> {
    let db = open().await?;
    let tx = db.transaction(&[META], TransactionMode::ReadOnly)?;
    let values = tx.object_store(META)?.get_all(None, None)?.await?;
    db.close();
    Ok(values
        .iter()
        .filter_map(JsValue::as_string)
        .filter_map(|json| recordings::decode_meta(&json))
        .collect())
}

/// Stores a recording and its audio together.
pub async fn save(meta: &RecordingMeta, audio: &Blob) -> Result<(), DbError> {
    let json = recordings::encode_meta(meta);
    let bytes = JsFuture::from(audio.array_buffer())
        .await
        .map_err(|e| DbError::Failed(format!("{e:?}")))?;
    let db = open().await?;
    let tx = db.transaction(&[META, AUDIO], TransactionMode::ReadWrite)?;
    let key = JsValue::from_str(&meta.id);
    tx.object_store(AUDIO)?.put(&bytes, Some(&key))?.await?;
    tx.object_store(META)?
        .put(&JsValue::from_str(&json), Some(&key))?
        .await?;
    let done = tx.await;
    db.close();
    // Aborted after the puts succeeded: the browser ran out of room.
    committed(done?)
}

/// Replaces a stored recording's metadata (its report, once made).
pub async fn update(meta: &RecordingMeta) -> Result<(), DbError> {
    let db = open().await?;
    let tx = db.transaction(&[META], TransactionMode::ReadWrite)?;
    let key = JsValue::from_str(&meta.id);
    tx.object_store(META)?
        .put(
            &JsValue::from_str(&recordings::encode_meta(meta)),
            Some(&key),
        )?
        .await?;
    let done = tx.await;
    db.close();
    committed(done?)
}

/// A transaction's end as a result: an abort is the browser refusing.
fn committed(result: idb::TransactionResult) -> Result<(), DbError> {
    match result {
        idb::TransactionResult::Committed => {
            announce();
            Ok(())
        }
        idb::TransactionResult::Aborted => Err(DbError::Full),
    }
}

/// A recording's audio, if it is still there, as a Blob of its type.
pub async fn audio(meta: &RecordingMeta) -> Result<Option<Blob>, DbError> {
    let db = open().await?;
    let tx = db.transaction(&[AUDIO], TransactionMode::ReadOnly)?;
    let value = tx
        .object_store(AUDIO)?
        .get(Query::Key(JsValue::from_str(&meta.id)))?
        .await?;
    db.close();
    let Some(bytes) = value.filter(|v| v.is_instance_of::<js_sys::ArrayBuffer>()) else {
        return Ok(None);
    };
    let options = BlobPropertyBag::new();
    options.set_type(&meta.mime);
    Blob::new_with_buffer_source_sequence_and_options(&js_sys::Array::of1(&bytes), &options)
        .map(Some)
        .map_err(|e| DbError::Failed(format!("{e:?}")))
}

/// Deletes recordings by id (their audio and metadata).
pub async fn delete(ids: &[String]) -> Result<(), DbError> {
    if ids.is_empty() {
        return Ok(());
    }
    let db = open().await?;
    let tx = db.transaction(&[META, AUDIO], TransactionMode::ReadWrite)?;
    for id in ids {
        let key = JsValue::from_str(id);
        tx.object_store(META)?
            .delete(Query::Key(key.clone()))?
            .await?;
        tx.object_store(AUDIO)?.delete(Query::Key(key))?.await?;
    }
    let done = tx.await;
    db.close();
    committed(done?)
}

/// Deletes every recording.
pub async fn delete_all() -> Result<(), DbError> {
    let db = open().await?;
    let tx = db.transaction(&[META, AUDIO], TransactionMode::ReadWrite)?;
    tx.object_store(META)?.clear()?.await?;
    tx.object_store(AUDIO)?.clear()?.await?;
    let done = tx.await;
    db.close();
    committed(done?)
}
