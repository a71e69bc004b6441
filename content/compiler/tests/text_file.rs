//! The bank's text file: the real bank's text unpacks from it byte for
//! byte, and the file is well under half the text.
use opsdrill_bank_compiler::{generate, load_dir};

#[test]
fn the_real_banks_text_round_trips_through_its_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let generated = generate(&load_dir(&dir).expect("the bank is valid"));
    let mut unpacked = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&generated.text_file[..]),
        &mut unpacked,
    )
    .expect("valid gzip");
    assert!(unpacked == generated.text.as_bytes());
    assert!(
        generated.text_file.len() * 5 < generated.text.len() * 2,
        "{} of {} bytes",
        generated.text_file.len(),
        generated.text.len()
    );
}
