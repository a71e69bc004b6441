//! The time, from the browser's clock and time zone.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC for the user's current time zone.
pub fn utc_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A new record id: the time plus a random part, unique across tabs and
/// devices.
pub fn unique_id() -> String {
    format!("{}-{:06}", now_ms(), (js_sys::Math::random() * 1e6) as u32)
}
