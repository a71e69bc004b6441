//! Feeds arbitrary bytes to the backup decoder (and the per-key record
//! decoders): none may panic, and whatever the decoder accepts must export and
//! parse back to the same data.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opsdrill_core::data::{backup, codec};

fuzz_target!(|bytes: &[u8]| {
    if let Ok(data) = backup::parse(bytes) {
        let again = backup::export(&data, 0, "fuzz");
        assert_eq!(backup::parse(again.as_bytes()).as_ref(), Ok(&data));
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = codec::decode_answer(&text);
    let _ = codec::decode_schedule(&text);
    let _ = codec::decode_marks(&text);
    let _ = codec::decode_settings(&text);
});
