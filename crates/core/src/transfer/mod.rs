//! Moving the user's data to another device with nothing but two screens
//! and a camera: the sender shows a backup, deflated (`payload`), cut into
//! frames (`frames`), as a loop of QR codes (`qr`); the receiver reads codes
//! from its camera, puts the frames back together in any order, and shows
//! the same import preview as a backup file. Pure, tested natively; the
//! browser side only draws codes and hands over camera images.

pub mod base45;
pub mod delta;
pub mod device;
pub mod frames;
pub mod payload;
pub mod qr;

use crate::data::backup;
use crate::data::UserData;
use device::Sent;

/// Bytes of payload in each frame: a QR code of version 17 to 18 at level
/// M (85 to 89 modules a side), about 6 pixels a module in 600 px of a
/// 1280x800 screen, read by a phone at arm's length.
pub const PIECE_BYTES: usize = 400;

/// Codes a second on the sender: slow enough for a phone's camera and the
/// pure-Rust reader to catch each (a camera image every 33 ms, a read in
/// tens of milliseconds), fast enough that a heavy profile loops in about
/// a minute and a half.
pub const FRAMES_PER_SECOND: u32 = 5;

/// How long the receiver waits for a new code before saying so.
pub const STALL_MS: i64 = 15_000;

/// The frames that carry `backup` (a backup file's text).
pub fn frames_of_backup(backup: &str, transfer_id: u32) -> Vec<Vec<u8>> {
    frames::split(&payload::pack(backup), transfer_id, PIECE_BYTES)
}

/// The frames a sender shows: everything in `data`, or what changed since
/// `sent.since_ms`, as a backup that says who sent it.
pub fn outgoing(data: &UserData, sent: &Sent, app_version: &str, transfer_id: u32) -> Vec<Vec<u8>> {
    let data = match sent.since_ms {
        Some(since) => std::borrow::Cow::Owned(delta::changed_since(data, since)),
        None => std::borrow::Cow::Borrowed(data),
    };
    let file = backup::export_sent(&data, sent.sent_ms, app_version, Some(sent));
    frames_of_backup(&file, transfer_id)
}

/// A complete transfer, read and validated: nothing is changed by this.
#[derive(Debug, Clone, PartialEq)]
pub struct Received {
    pub data: UserData,
    /// Who sent it (`None`: a backup with no transfer note, which is merged
    /// the same way).
    pub sent: Option<Sent>,
    /// The backup's text, for "Save it as a file".
    pub text: String,
}

/// Reads a complete payload. The message says what was wrong and that
/// nothing was taken.
pub fn receive(payload: &[u8]) -> Result<Received, String> {
    let text = payload::unpack(payload).map_err(|e| e.to_string())?;
    let data = backup::parse(text.as_bytes()).map_err(|e| format!("{e} Nothing was taken."))?;
    let sent = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|mut v| v.get_mut("transfer").map(serde_json::Value::take))
        .and_then(|v| serde_json::from_value::<Sent>(v).ok());
    Ok(Received { data, sent, text })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::backup;
    use crate::data::records::{Answer, StarText, Story, UserData};

    /// 155 answers of 400 words and 20 stories, as the issue sizes a heavy
    /// profile: real prose (the bank's model answers, run on), so it
    /// compresses as a user's writing would.
    fn heavy() -> UserData {
        let prose: Vec<String> = crate::bank::QUESTIONS
            .iter()
            .flat_map(|q| q.answer.blocks().chain(q.why.blocks()))
            .filter_map(|block| match block {
                crate::bank::Block::Paragraph(inline) => Some(inline.text()),
                _ => None,
            })
            .collect();
        let words: Vec<&str> = prose.iter().flat_map(|p| p.split_whitespace()).collect();
        let text = |start: usize, n: usize| -> String {
            (0..n)
                .map(|i| words[(start + i) % words.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut data = UserData::default();
        for (n, q) in crate::bank::QUESTIONS.iter().take(155).enumerate() {
            data.answers.insert(
                q.id.to_string(),
                Answer {
                    text: text(n * 400, 400),
                    updated_ms: 1,
                    ..Answer::default()
                },
            );
        }
        for n in 0..20 {
            data.stories.insert(
                format!("s{n}"),
                Story {
                    title: format!("Story {n}"),
                    star: StarText {
                        action: text(70_000 + n * 250, 250),
                        ..StarText::default()
                    },
                    ..Story::default()
                },
            );
        }
        data
    }

    fn through_codes(frames: &[Vec<u8>]) -> Vec<u8> {
        let mut assembler = frames::Assembler::default();
        for frame in frames {
            let (side, luma) = qr::tests::draw(&qr::code_of(frame), 2);
            for read in qr::frames_in(side, side, &luma) {
                if let Ok(frames::Taken::Complete(payload)) = assembler.take(&read) {
                    return payload;
                }
            }
        }
        panic!("the transfer did not complete");
    }

    #[test]
    fn a_received_transfer_says_who_sent_it_and_holds_what_changed() {
        let data = crate::data::fixtures::sample();
        let sent = Sent {
            from: "laptop-1".into(),
            sent_ms: 9_000,
            since_ms: Some(1_500),
        };
        let frames = outgoing(&data, &sent, "0.1.0", 5);
        let payload = through_codes(&frames);
        let received = receive(&payload).expect("a transfer");
        assert_eq!(received.sent, Some(sent));
        assert_eq!(received.data, delta::changed_since(&data, 1_500));
        assert!(received.data.answers.len() < data.answers.len());
        // A payload from a newer OpsDrill says so.
        let newer = received
            .text
            .replace("\"schema_version\": ", "\"schema_version\": 9");
        let message = receive(&payload::pack(&newer)).unwrap_err();
        assert!(message.contains("newer"), "{message}");
        assert!(receive(b"junk").unwrap_err().contains("damaged"));
    }

    #[test]
    fn empty_typical_and_heavy_profiles_go_through_the_codes() {
        for (name, data) in [
            ("empty", UserData::default()),
            ("typical", crate::data::fixtures::sample()),
            ("heavy", heavy()),
        ] {
            let file = backup::export(&data, 1_000, "0.1.0");
            let frames = frames_of_backup(&file, 77);
            let code = qr::code_of(&frames[0]);
            println!(
                "{name}: backup {} bytes, deflated {} bytes, {} frames, code {} modules a side",
                file.len(),
                payload::pack(&file).len(),
                frames.len(),
                code.width
            );
            // Every frame through a drawn code and the reader, but for the
            // heavy profile's (natively unoptimised, that is a minute): a few
            // of its codes, and its frames straight to the assembler.
            let payload = if frames.len() < 10 {
                through_codes(&frames)
            } else {
                for frame in frames.iter().step_by(frames.len() / 4) {
                    let (side, luma) = qr::tests::draw(&qr::code_of(frame), 2);
                    assert_eq!(qr::frames_in(side, side, &luma), vec![frame.clone()]);
                }
                let mut assembler = frames::Assembler::default();
                frames
                    .iter()
                    .rev()
                    .find_map(|f| match assembler.take(f) {
                        Ok(frames::Taken::Complete(payload)) => Some(payload),
                        _ => None,
                    })
                    .expect("complete")
            };
            let received = payload::unpack(&payload).unwrap();
            assert_eq!(backup::parse(received.as_bytes()), Ok(data), "{name}");
        }
    }
}
