//! What a transfer carries: a backup file's text, deflated (miniz_oxide,
//! pure Rust, so the same code runs in the wasm and natively). Unpacking is
//! capped at a backup's largest size, so a hostile payload cannot make the
//! receiver allocate without bound.

use crate::data::backup::MAX_BACKUP_BYTES;

pub fn pack(backup: &str) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(backup.as_bytes(), 9)
}

/// Why a complete payload could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// Not deflated data (or cut short).
    NotDeflate,
    /// More than a backup may be once unpacked.
    TooLarge,
    NotText,
}

impl std::fmt::Display for PayloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PayloadError::NotDeflate => {
                write!(f, "The data received is damaged, so nothing was taken.")
            }
            PayloadError::TooLarge => write!(
                f,
                "The data received is larger than a backup can be (5 MB), so nothing was taken."
            ),
            PayloadError::NotText => write!(
                f,
                "The data received is not a backup, so nothing was taken."
            ),
        }
    }
}

pub fn unpack(bytes: &[u8]) -> Result<String, PayloadError> {
    let text = miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_BACKUP_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => PayloadError::TooLarge,
            _ => PayloadError::NotDeflate,
        })?;
    String::from_utf8(text).map_err(|_| PayloadError::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_packs_and_unpacks() {
        let backup = r#"{"app":"opsdrill","answers":{"a":{"text":"é and 🙂"}}}"#;
        assert_eq!(unpack(&pack(backup)).as_deref(), Ok(backup));
        assert_eq!(unpack(b"not deflate at all"), Err(PayloadError::NotDeflate));
        let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert_eq!(unpack(&pack(&huge)), Err(PayloadError::TooLarge));
        let latin1 = miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9);
        assert_eq!(unpack(&latin1), Err(PayloadError::NotText));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_unpack_or_are_refused(bytes: Vec<u8>) {
            let _ = unpack(&bytes);
        }
    }
}
