//! What this device remembers about transfers (`transfer::device`), under
//! its own key. It is not the user's writing: an unreadable value is read as
//! a device that never sent or received, which costs at most one warning
//! that a transfer may be incomplete.

use opsdrill_core::data::codec::DEVICE_KEY;
use opsdrill_core::transfer::device::{DeviceMemory, Sent};

use super::local_storage;

pub fn read() -> DeviceMemory {
    local_storage::read_text(DEVICE_KEY)
        .map(|raw| DeviceMemory::decode(&raw))
        .unwrap_or_default()
}

fn write(memory: &DeviceMemory) {
    // Not kept (storage full or blocked): the next transfer is sent whole
    // or warned about, nothing else.
    let _ = local_storage::write(DEVICE_KEY, memory);
}

/// Notes that this device begins sending at `now_ms`, and returns its id.
pub fn sending(now_ms: i64) -> String {
    let mut memory = read();
    if memory.id.is_empty() {
        memory.id = super::clock::unique_id();
    }
    memory.last_sent_ms = Some(now_ms);
    write(&memory);
    memory.id
}

/// Notes a transfer merged here.
pub fn merged(sent: &Sent) {
    let mut memory = read();
    memory.merged(sent);
    write(&memory);
}
