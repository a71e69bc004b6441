//! What each device remembers about transfers, kept in its own store (not in
//! backups: it says which device this is). The sender has an id and the
//! time it last sent; the receiver remembers, per sender, the time of the
//! last transfer it merged, so a "what changed" transfer that skips one it
//! never took is told apart from one that follows on.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::time;

/// Who sent a transfer, when, and what it holds: everything, or what
/// changed since `since_ms`. Carried in the backup (`transfer`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    pub from: String,
    pub sent_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_ms: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeviceMemory {
    /// This device's id as a sender ("" until it first sends).
    pub id: String,
    /// When this device last began sending.
    pub last_sent_ms: Option<i64>,
    /// Per sender's id, the `sent_ms` of the last transfer merged from it.
    pub received: BTreeMap<String, i64>,
}

/// How a received transfer stands against what this device took before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Continuity {
    /// Everything the sender has.
    Everything,
    /// What changed since the last transfer this device merged from it.
    FollowsOn,
    /// What changed since `since_ms`, but this device last merged from that
    /// sender at `last_ms` (earlier), or never: changes between are missing.
    Gap { since_ms: i64, last_ms: Option<i64> },
}

impl DeviceMemory {
    /// The stored value read; an unreadable one is a device with no memory.
    pub fn decode(raw: &str) -> DeviceMemory {
        serde_json::from_str(raw).unwrap_or_default()
    }

    pub fn continuity(&self, sent: &Sent) -> Continuity {
        let Some(since_ms) = sent.since_ms else {
            return Continuity::Everything;
        };
        match self.received.get(&sent.from) {
            Some(&last_ms) if last_ms >= since_ms => Continuity::FollowsOn,
            last => Continuity::Gap {
                since_ms,
                last_ms: last.copied(),
            },
        }
    }

    /// Remembers a transfer that was merged.
    pub fn merged(&mut self, sent: &Sent) {
        let last = self.received.entry(sent.from.clone()).or_insert(i64::MIN);
        *last = (*last).max(sent.sent_ms);
    }
}

impl Continuity {
    /// What the receiver is told before merging (`None`: nothing to warn of).
    pub fn warning(&self) -> Option<String> {
        match self {
            Continuity::Everything | Continuity::FollowsOn => None,
            Continuity::Gap { since_ms, last_ms } => Some(format!(
                "This holds only what changed on the other device since {}, but {}. Merging it loses nothing; for the rest, send everything from the other device.",
                when(*since_ms),
                match last_ms {
                    Some(last) => format!("this device last took a transfer from it on {}", when(*last)),
                    None => "this device has never taken a transfer from it".to_string(),
                }
            )),
        }
    }
}

fn when(ms: i64) -> String {
    time::format_date(ms.div_euclid(time::DAY_MS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(since_ms: Option<i64>) -> Sent {
        Sent {
            from: "laptop".into(),
            sent_ms: 5_000,
            since_ms,
        }
    }

    #[test]
    fn a_change_transfer_follows_on_only_from_the_last_one_taken() {
        let mut memory = DeviceMemory::default();
        assert_eq!(memory.continuity(&sent(None)), Continuity::Everything);
        assert_eq!(
            memory.continuity(&sent(Some(4_000))),
            Continuity::Gap {
                since_ms: 4_000,
                last_ms: None
            }
        );
        memory.merged(&Sent {
            sent_ms: 4_000,
            ..sent(None)
        });
        assert_eq!(memory.continuity(&sent(Some(4_000))), Continuity::FollowsOn);
        assert!(memory.continuity(&sent(Some(4_500))).warning().is_some());
        // An older transfer merged late does not move the memory back.
        memory.merged(&Sent {
            sent_ms: 1_000,
            ..sent(None)
        });
        assert_eq!(memory.received["laptop"], 4_000);
    }
}
