//! Base45 (RFC 9285): bytes as text in exactly the QR alphanumeric
//! alphabet, so a QR code holds it in alphanumeric mode at almost the
//! density of binary, and every decoder (the browser's `BarcodeDetector`,
//! whose `rawValue` is text, included) hands it back unchanged.

const ALPHABET: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(2) * 3);
    let mut push = |mut n: u32, digits: usize| {
        for _ in 0..digits {
            out.push(ALPHABET[(n % 45) as usize] as char);
            n /= 45;
        }
    };
    for pair in bytes.chunks(2) {
        match *pair {
            [a, b] => push(u32::from(a) * 256 + u32::from(b), 3),
            [a] => push(u32::from(a), 2),
            _ => unreachable!("chunks of 1 or 2"),
        }
    }
    out
}

/// Why a text is not Base45.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotBase45;

pub fn decode(text: &str) -> Result<Vec<u8>, NotBase45> {
    let digits: Vec<u32> = text
        .bytes()
        .map(|c| {
            ALPHABET
                .iter()
                .position(|&a| a == c)
                .map(|p| p as u32)
                .ok_or(NotBase45)
        })
        .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(digits.len() / 3 * 2 + 1);
    for group in digits.chunks(3) {
        match *group {
            [c, d, e] => {
                let n = c + d * 45 + e * 45 * 45;
                if n > 0xffff {
                    return Err(NotBase45);
                }
                out.extend_from_slice(&(n as u16).to_be_bytes());
            }
            [c, d] => {
                let n = c + d * 45;
                if n > 0xff {
                    return Err(NotBase45);
                }
                out.push(n as u8);
            }
            _ => return Err(NotBase45),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfcs_examples() {
        // RFC 9285, section 4.3.
        assert_eq!(encode(b"AB"), "BB8");
        assert_eq!(encode(b"Hello!!"), "%69 VD92EX0");
        assert_eq!(encode(b"base-45"), "UJCLQE7W581");
        assert_eq!(decode("QED8WEX0").unwrap(), b"ietf!");
    }

    #[test]
    fn what_is_not_base45_is_refused() {
        assert_eq!(decode("GGW"), Err(NotBase45), "65535 is the largest group");
        assert_eq!(decode("abc"), Err(NotBase45), "lower case");
        assert_eq!(decode("A"), Err(NotBase45), "a lone digit");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_round_trip(bytes: Vec<u8>) {
            proptest::prop_assert_eq!(decode(&encode(&bytes)).unwrap(), bytes);
        }

        #[test]
        fn any_text_decodes_or_is_refused(text: String) {
            let _ = decode(&text);
        }
    }
}
