//! The one module that touches localStorage. Every call is fallible and
//! reported, never unwrapped: storage can be blocked (SecurityError), full
//! (QuotaExceededError under its several names) or hold values this version
//! cannot read. Unreadable values are copied aside and never overwritten.

use std::collections::BTreeSet;

use wasm_bindgen::{JsCast, JsValue};

use opsdrill_core::data::codec::{self, StoreKey};
use opsdrill_core::data::UserData;

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

fn is_quota_error(error: &JsValue) -> bool {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        // 22 everywhere, 1014 in old Firefox; names differ between browsers.
        return matches!(exception.code(), 22 | 1014)
            || matches!(
                exception.name().as_str(),
                "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
            );
    }
    false
}

/// localStorage, or why it cannot be used.
pub fn local_storage() -> Result<web_sys::Storage, String> {
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
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(why) => {
            loaded.blocked = Some(why);
            return loaded;
        }
    };
    let keys = match all_keys(&storage) {
        Ok(keys) => keys,
        Err(error) => {
            loaded.blocked = Some(error_name(&error));
            return loaded;
        }
    };
    let existing: BTreeSet<&str> = keys.iter().map(String::as_str).collect();
    for key in &keys {
        let Some(store_key) = StoreKey::parse(key) else {
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
        if let Err(reason) = apply(&mut loaded.data, &store_key, &raw) {
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
                    (!existing.contains(copy.as_str()) && storage.set_item(&copy, &raw).is_ok())
                        .then_some(copy)
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

/// Decodes one stored value into the data it belongs to.
pub fn apply(data: &mut UserData, key: &StoreKey, raw: &str) -> Result<(), codec::DecodeError> {
    match key {
        StoreKey::Answer(id) => {
            let answer = codec::decode_answer(raw)?;
            data.answers.insert(id.clone(), answer);
        }
        StoreKey::Schedule => data.schedule = codec::decode_schedule(raw)?,
        StoreKey::Marks => data.marks = codec::decode_marks(raw)?,
        StoreKey::Settings => data.settings = codec::decode_settings(raw)?,
        StoreKey::Story(id) => {
            let story = codec::decode_story(raw)?;
            data.stories.insert(id.clone(), story);
        }
        StoreKey::Mocks => data.mocks = codec::decode_mocks(raw)?,
    }
    Ok(())
}

/// Writes one value.
pub fn write(key: &str, value: &str) -> Result<(), WriteError> {
    let storage = local_storage().map_err(|_| WriteError::Blocked)?;
    storage.set_item(key, value).map_err(|error| {
        if is_quota_error(&error) {
            WriteError::Quota
        } else if error_name(&error) == "SecurityError" {
            WriteError::Blocked
        } else {
            WriteError::Other(error_name(&error))
        }
    })
}

/// Removes one value (a deleted story).
pub fn remove(key: &str) -> Result<(), WriteError> {
    let storage = local_storage().map_err(|_| WriteError::Blocked)?;
    storage
        .remove_item(key)
        .map_err(|error| WriteError::Other(error_name(&error)))
}
