//! The one module that touches localStorage. Every call is fallible and
//! reported, never unwrapped: storage can be blocked (SecurityError), full
//! (QuotaExceededError under its several names) or hold values this version
//! cannot read. Unreadable values are copied aside and never overwritten.
//!
//! Records are encoded by the codec and written as text through
//! `gloo_storage::LocalStorage::raw()`, so the size of every value is known:
//! this module keeps the count of what OpsDrill uses (`used`), which the
//! browser does not tell. An unreadable value is copied aside byte for byte.
//! gloo panics when storage is blocked, so every call first checks that
//! storage can be reached.

use std::cell::RefCell;
use std::collections::BTreeSet;

use gloo_storage::{LocalStorage, Storage};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use opsdrill_core::data::codec::{self, StoreKey};
use opsdrill_core::data::usage::Usage;
use opsdrill_core::data::UserData;

thread_local! {
    static USAGE: RefCell<Usage> = RefCell::new(Usage::default());
}

/// What OpsDrill's keys and values take of localStorage, in UTF-16 code
/// units (see `opsdrill_core::data::usage`).
pub fn used() -> usize {
    USAGE.with(|u| u.borrow().total())
}

fn note_set(key: &str, value: &str) {
    USAGE.with(|u| u.borrow_mut().set(key, value));
}

/// Another tab wrote `key` (or removed it: `None`); the count follows.
pub fn note_other_tab(key: &str, value: Option<&str>) {
    if key.starts_with(codec::PREFIX) {
        USAGE.with(|u| match value {
            Some(value) => u.borrow_mut().set(key, value),
            None => u.borrow_mut().remove(key),
        });
    }
}

/// A stored value the app could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub reason: String,
    /// Where the raw value was copied, if the copy succeeded.
    pub copied_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// Storage is full.
    Quota,
    /// Storage cannot be used at all (blocked, private mode).
    Blocked,
    /// The key holds a value this version could not read; it is kept as is.
    Protected,
    Other(String),
}

/// What loading found.
pub struct Loaded {
    pub data: UserData,
    pub unreadable: Vec<Unreadable>,
    /// Keys whose unreadable value could not be copied aside: never written.
    pub protected: BTreeSet<String>,
    /// Why storage cannot be used, if it cannot.
    pub blocked: Option<String>,
}

fn error_name(error: &JsValue) -> String {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .or_else(|| {
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.name()))
        })
        .unwrap_or_else(|| format!("{error:?}"))
}

/// Names browsers give a full storage (old Firefox has its own).
fn is_quota_name(name: &str) -> bool {
    matches!(name, "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
}

fn write_error(name: String) -> WriteError {
    if is_quota_name(&name) {
        WriteError::Quota
    } else if name == "SecurityError" {
        WriteError::Blocked
    } else {
        WriteError::Other(name)
    }
}

/// localStorage, or why it cannot be used. Called before any gloo call,
/// which would panic on a blocked storage.
fn reachable() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser has no localStorage".into()),
        Err(error) => Err(error_name(&error)),
    }
}

fn all_keys(storage: &web_sys::Storage) -> Result<Vec<String>, JsValue> {
    let length = storage.length()?;
    let mut keys = Vec::with_capacity(length as usize);
    for index in 0..length {
        if let Some(key) = storage.key(index)? {
            keys.push(key);
        }
    }
    Ok(keys)
}

/// Reads everything the app owns. Values it cannot read are reported, copied
/// under `opsdrill/corrupt/<time>/<key>` and left where they are.
pub fn load(now_ms: i64) -> Loaded {
    let mut loaded = Loaded {
        data: UserData::default(),
        unreadable: Vec::new(),
        protected: BTreeSet::new(),
        blocked: None,
    };
    if let Err(why) = reachable() {
        loaded.blocked = Some(why);
        return loaded;
    }
    let storage = LocalStorage::raw();
    let keys = match all_keys(&storage) {
        Ok(keys) => keys,
        Err(error) => {
            loaded.blocked = Some(error_name(&error));
            return loaded;
        }
    };
    let existing: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    USAGE.with(|u| *u.borrow_mut() = Usage::default());
    for key in &keys {
        let Some(store_key) = StoreKey::parse(key) else {
            // Ours but not a record (a copy aside): counted, not read.
            if key.starts_with(codec::PREFIX) {
                if let Ok(Some(value)) = storage.get_item(key) {
                    note_set(key, &value);
                }
            }
            continue;
        };
        let raw = match storage.get_item(key) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            Err(error) => {
                loaded.blocked = Some(error_name(&error));
                return loaded;
            }
        };
        note_set(key, &raw);
        if let Err(reason) = codec::apply(&mut loaded.data, &store_key, &raw) {
            // Keep one copy per distinct value: a reload must not pile them up.
            let already = keys.iter().find(|k| {
                k.starts_with(&format!("{}corrupt/", codec::PREFIX))
                    && k.ends_with(&format!("/{key}"))
                    && storage.get_item(k).ok().flatten().as_deref() == Some(raw.as_str())
            });
            let copied_to = match already {
                Some(copy) => Some(copy.clone()),
                None => {
                    let copy = codec::corrupt_copy_key(key, now_ms);
                    let copied =
                        !existing.contains(copy.as_str()) && storage.set_item(&copy, &raw).is_ok();
                    if copied {
                        note_set(&copy, &raw);
                    }
                    copied.then_some(copy)
                }
            };
            if copied_to.is_none() {
                loaded.protected.insert(key.clone());
            }
            loaded.unreadable.push(Unreadable {
                key: key.clone(),
                raw,
                reason: reason.to_string(),
                copied_to,
            });
        }
    }
    loaded
}

/// Writes one record in its stored form (`codec::encode`).
pub fn write<T: Serialize>(key: &str, record: &T) -> Result<(), WriteError> {
    write_text(key, &codec::encode(record))
}

/// Writes a text as it is (a record already encoded, a copy of the data
/// saved before an import).
pub fn write_text(key: &str, text: &str) -> Result<(), WriteError> {
    let storage = reachable().map_err(|_| WriteError::Blocked)?;
    storage
        .set_item(key, text)
        .map_err(|error| write_error(error_name(&error)))?;
    note_set(key, text);
    Ok(())
}

/// Reads one value as it is stored (a draft); `None` when there is none or
/// storage cannot be read.
pub fn read_text(key: &str) -> Option<String> {
    reachable().ok()?.get_item(key).ok().flatten()
}

/// Removes one value (a deleted story). gloo's `delete` treats a refusal as
/// unreachable, so the raw call reports it instead.
pub fn remove(key: &str) -> Result<(), WriteError> {
    let storage = reachable().map_err(|_| WriteError::Blocked)?;
    storage
        .remove_item(key)
        .map_err(|error| WriteError::Other(error_name(&error)))?;
    USAGE.with(|u| u.borrow_mut().remove(key));
    Ok(())
}
