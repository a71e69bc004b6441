//! Fingerprints for the bank's text file: FNV-1a, 64 bits. The build names
//! the file by that of its bytes (`bank-<16 hex digits>.bin`, so a new bank
//! is a new URL that no cache holds; `scripts/post-build.mjs` finds it by
//! the same), and the app checks the text it unpacked against that of the
//! text.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// The file name the build gives the bank text with these bytes.
pub fn file_name(bytes: &[u8]) -> String {
    format!("bank-{:016x}.bin", fnv1a64(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(file_name(b"a"), "bank-af63dc4c8601ec8c.bin");
    }
}
