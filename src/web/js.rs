//! Reaching browser APIs that web-sys has no stable binding for (speech
//! recognition, the Media Session, the Wake Lock) through `js_sys::Reflect`.
//! Nothing here throws or panics: a missing property or a throwing call is
//! `None`.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `target[key]`, unless it is missing, `undefined` or `null`.
pub fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[key]` when it is a function.
pub fn function(target: &JsValue, key: &str) -> Option<Function> {
    get(target, key)?.dyn_into::<Function>().ok()
}

/// Calls `target.key(...args)`; `None` if it is missing or throws.
pub fn call(target: &JsValue, key: &str, args: &[&JsValue]) -> Option<JsValue> {
    let list = Array::new();
    for arg in args {
        list.push(arg);
    }
    function(target, key)?.apply(target, &list).ok()
}

/// `target[key] = value`; a refusal (a wrong type, a frozen object) is
/// ignored.
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// `new constructor(...args)`.
pub fn construct(constructor: &Function, args: &[&JsValue]) -> Option<JsValue> {
    let list = Array::new();
    for arg in args {
        list.push(arg);
    }
    Reflect::construct(constructor, &list).ok()
}
