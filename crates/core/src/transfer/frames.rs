//! A payload cut into frames that loop on the sender's screen, and put back
//! together on the receiver from whichever frames its camera catches, in any
//! order and any number of times: a frame missed costs one loop, not the
//! transfer.
//!
//! A frame is `version (1) | transfer id (4) | index (2) | count (2) |
//! CRC-32 of the whole payload (4) | a piece of the payload`, big-endian;
//! every frame of a transfer carries the same id, count and CRC, so a frame
//! of another transfer, or a payload put together wrong, is told apart.

use std::collections::BTreeMap;

/// The frame format this build writes and reads.
pub const VERSION: u8 = 1;
const HEADER: usize = 13;
/// The most frames a transfer may have (about 6 MB at the default size).
pub const MAX_FRAMES: u16 = 12_000;

/// The frames of `payload`, `piece` bytes of it in each (at least one
/// frame, even for an empty payload).
pub fn split(payload: &[u8], transfer_id: u32, piece: usize) -> Vec<Vec<u8>> {
    let piece = piece.max(1);
    let pieces: Vec<&[u8]> = if payload.is_empty() {
        vec![&[]]
    } else {
        payload.chunks(piece).collect()
    };
    let count = pieces.len() as u16;
    let crc = crc32fast::hash(payload);
    pieces
        .into_iter()
        .enumerate()
        .map(|(index, data)| {
            let mut frame = Vec::with_capacity(HEADER + data.len());
            frame.push(VERSION);
            frame.extend_from_slice(&transfer_id.to_be_bytes());
            frame.extend_from_slice(&(index as u16).to_be_bytes());
            frame.extend_from_slice(&count.to_be_bytes());
            frame.extend_from_slice(&crc.to_be_bytes());
            frame.extend_from_slice(data);
            frame
        })
        .collect()
}

/// A frame's header, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Header {
    transfer_id: u32,
    index: u16,
    count: u16,
    crc: u32,
}

/// Why a frame was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// Not an OpsDrill frame (another QR code, or a misread).
    NotAFrame,
    /// Written by a newer OpsDrill.
    NewerVersion(u8),
    /// A frame of another transfer than the one being received.
    OtherTransfer,
    /// All frames are in, but they do not make the payload they announced:
    /// the transfer starts again.
    Corrupt,
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::NotAFrame => write!(f, "That code is not from OpsDrill."),
            FrameError::NewerVersion(v) => write!(
                f,
                "The other device runs a newer OpsDrill (transfer format {v}): update this one, then try again."
            ),
            FrameError::OtherTransfer => write!(
                f,
                "That code belongs to another transfer than the one being received."
            ),
            FrameError::Corrupt => write!(
                f,
                "The frames did not add up to the data they announced, so nothing was taken. Receiving starts again."
            ),
        }
    }
}

fn header(frame: &[u8]) -> Result<(Header, &[u8]), FrameError> {
    let (head, data) = frame
        .split_at_checked(HEADER)
        .ok_or(FrameError::NotAFrame)?;
    // Versions a newer OpsDrill may write are small numbers; any other
    // first byte (a URL's letter) is another code altogether.
    match head[0] {
        VERSION => {}
        v @ 2..=15 => return Err(FrameError::NewerVersion(v)),
        _ => return Err(FrameError::NotAFrame),
    }
    let u16_at = |i: usize| u16::from_be_bytes([head[i], head[i + 1]]);
    let u32_at = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let header = Header {
        transfer_id: u32_at(1),
        index: u16_at(5),
        count: u16_at(7),
        crc: u32_at(9),
    };
    if header.count == 0 || header.count > MAX_FRAMES || header.index >= header.count {
        return Err(FrameError::NotAFrame);
    }
    Ok((header, data))
}

/// What taking a frame did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// A frame not seen before: `have` of `count` now.
    New { have: usize, count: usize },
    /// One already in.
    Again { have: usize, count: usize },
    /// The last one: the whole payload, checked.
    Complete(Vec<u8>),
}

/// The receiver's side: frames of one transfer, kept until all are in.
#[derive(Debug, Default)]
pub struct Assembler {
    /// The transfer's header (index 0), once its first frame is in.
    transfer: Option<Header>,
    pieces: BTreeMap<u16, Vec<u8>>,
}

impl Assembler {
    /// Takes one frame. The first frame decides the transfer; a frame of
    /// another is refused and changes nothing.
    pub fn take(&mut self, frame: &[u8]) -> Result<Taken, FrameError> {
        let (header, data) = header(frame)?;
        let transfer = *self.transfer.get_or_insert(Header { index: 0, ..header });
        if (header.transfer_id, header.count, header.crc)
            != (transfer.transfer_id, transfer.count, transfer.crc)
        {
            return Err(FrameError::OtherTransfer);
        }
        let count = usize::from(transfer.count);
        if self.pieces.contains_key(&header.index) {
            return Ok(Taken::Again {
                have: self.pieces.len(),
                count,
            });
        }
        self.pieces.insert(header.index, data.to_vec());
        if self.pieces.len() < count {
            return Ok(Taken::New {
                have: self.pieces.len(),
                count,
            });
        }
        let payload: Vec<u8> = std::mem::take(&mut self.pieces)
            .into_values()
            .flatten()
            .collect();
        self.transfer = None;
        if crc32fast::hash(&payload) == transfer.crc {
            Ok(Taken::Complete(payload))
        } else {
            Err(FrameError::Corrupt)
        }
    }

    /// Frames in so far, and the count (0 before the first).
    pub fn progress(&self) -> (usize, usize) {
        (
            self.pieces.len(),
            self.transfer.map_or(0, |t| usize::from(t.count)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn receive(frames: &[Vec<u8>]) -> Option<Vec<u8>> {
        let mut assembler = Assembler::default();
        frames.iter().find_map(|f| match assembler.take(f) {
            Ok(Taken::Complete(payload)) => Some(payload),
            _ => None,
        })
    }

    #[test]
    fn frames_make_the_payload_in_any_order_with_repeats() {
        let payload: Vec<u8> = (0..2_000u32).map(|i| (i * 7) as u8).collect();
        let mut frames = split(&payload, 42, 300);
        assert_eq!(frames.len(), 7);
        frames.reverse();
        let again = frames[2].clone();
        frames.insert(4, again);
        assert_eq!(receive(&frames), Some(payload));
        assert_eq!(
            receive(&split(&[], 1, 300)),
            Some(Vec::new()),
            "an empty payload is one frame"
        );
    }

    #[test]
    fn a_frame_of_another_transfer_changes_nothing() {
        let ours = split(b"our backup, in three pieces", 1, 10);
        let theirs = split(b"another backup", 2, 10);
        let mut assembler = Assembler::default();
        assert_eq!(
            assembler.take(&ours[0]),
            Ok(Taken::New { have: 1, count: 3 })
        );
        assert_eq!(assembler.take(&theirs[1]), Err(FrameError::OtherTransfer));
        assert_eq!(
            assembler.take(&ours[0]),
            Ok(Taken::Again { have: 1, count: 3 })
        );
        assert_eq!(assembler.progress(), (1, 3));
        assert_eq!(
            assembler.take(&ours[2]),
            Ok(Taken::New { have: 2, count: 3 })
        );
        assert_eq!(
            assembler.take(&ours[1]),
            Ok(Taken::Complete(b"our backup, in three pieces".to_vec()))
        );
    }

    #[test]
    fn a_wrong_payload_is_caught_and_receiving_starts_again() {
        let mut frames = split(b"twelve bytes", 9, 6);
        *frames[1].last_mut().unwrap() ^= 1;
        let mut assembler = Assembler::default();
        assembler.take(&frames[0]).unwrap();
        assert_eq!(assembler.take(&frames[1]), Err(FrameError::Corrupt));
        assert_eq!(assembler.progress(), (0, 0));
    }

    #[test]
    fn what_is_not_a_frame_says_so() {
        let mut assembler = Assembler::default();
        assert_eq!(
            assembler.take(b"https://example.com"),
            Err(FrameError::NotAFrame)
        );
        assert_eq!(assembler.take(&[]), Err(FrameError::NotAFrame));
        let mut newer = split(b"x", 1, 10).remove(0);
        newer[0] = 2;
        assert_eq!(assembler.take(&newer), Err(FrameError::NewerVersion(2)));
        assert_eq!(assembler.progress(), (0, 0));
    }

    proptest! {
        #[test]
        fn dropped_duplicated_and_reordered_frames_still_make_the_payload(
            payload in proptest::collection::vec(any::<u8>(), 0..5_000),
            piece in 1usize..700,
            order in proptest::collection::vec(any::<u16>(), 0..200),
        ) {
            let frames = split(&payload, 7, piece);
            // One loop with some frames missed and some repeated, in a
            // shuffled order, then a whole second loop.
            let mut seen: Vec<Vec<u8>> = order
                .iter()
                .map(|i| frames[usize::from(*i) % frames.len()].clone())
                .collect();
            seen.extend(frames.iter().cloned());
            prop_assert_eq!(receive(&seen), Some(payload));
        }

        #[test]
        fn any_bytes_are_taken_or_refused_without_panicking(
            frames in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..64), 0..20),
        ) {
            let mut assembler = Assembler::default();
            for frame in &frames {
                let _ = assembler.take(frame);
            }
        }
    }
}
