//! The bank's text is compressed with liblzma at build time and decoded in
//! the browser by the small decoder in `opsdrill_text::lzma`: every byte must
//! come back, whatever the input.

use opsdrill_bank_compiler::{compress, generate, load_dir};
use opsdrill_text::lzma::decompress;

fn round_trip(data: &[u8]) {
    let packed = compress(data);
    let unpacked = decompress(&packed).expect("the decoder reads liblzma's output");
    assert!(unpacked == data, "{} bytes came back different", data.len());
}

#[test]
fn small_and_edge_inputs_round_trip() {
    round_trip(b"");
    round_trip(b"a");
    round_trip(b"abababababababababababababababab");
    round_trip(&[0u8; 100_000]);
    round_trip("Ünïcödé text, \u{1f}\u{10}markup\u{11} and\n\nlines".as_bytes());
}

#[test]
fn pseudo_random_inputs_round_trip() {
    // Incompressible bytes, then text-like data with long-distance repeats:
    // every kind of literal, match and repeated-distance code is exercised.
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let noise: Vec<u8> = (0..70_000).map(|_| next() as u8).collect();
    round_trip(&noise);
    let words = [
        "deploy", "rollback", "canary", " ", "\n", "SLO", "p99", "page",
    ];
    let mut text = Vec::new();
    while text.len() < 300_000 {
        let r = next();
        if r % 17 == 0 && text.len() > 1000 {
            let start = (next() as usize) % (text.len() - 500);
            let len = 3 + (next() as usize) % 300;
            let copy = text[start..start + len].to_vec();
            text.extend_from_slice(&copy);
        } else {
            text.extend_from_slice(words[(r % 8) as usize].as_bytes());
        }
    }
    round_trip(&text);
}

#[test]
fn the_real_bank_round_trips_and_is_smaller_than_gzip_would_make_it() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let bank = load_dir(&dir).expect("the bank is valid");
    let generated = generate(&bank);
    let decoded = decompress(&generated.text_lzma).expect("valid LZMA");
    assert!(decoded == generated.text.as_bytes());
    // The point of compressing: well under a third of the text.
    assert!(
        generated.text_lzma.len() * 3 < generated.text.len(),
        "{} of {} bytes",
        generated.text_lzma.len(),
        generated.text.len()
    );
}
