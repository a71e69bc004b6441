//! The bank's text files: the real bank's text is in chunks of whole
//! questions near the target size, each unpacks from its file byte for
//! byte, and together they are the whole text, well under half its size.
use opsdrill_bank_compiler::{generate, load_dir, CHUNK_TARGET_BYTES};

#[test]
fn the_real_banks_text_round_trips_through_its_chunk_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let generated = generate(&load_dir(&dir).expect("the bank is valid"));
    let mut whole = Vec::new();
    let mut packed = 0;
    for (n, chunk) in generated.chunks.iter().enumerate() {
        let mut unpacked = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(&chunk.file[..]),
            &mut unpacked,
        )
        .expect("valid gzip");
        assert!(unpacked == chunk.text.as_bytes(), "chunk {n}");
        let last = n + 1 == generated.chunks.len();
        assert!(
            last || chunk.text.len() >= CHUNK_TARGET_BYTES,
            "chunk {n} closed early"
        );
        assert!(
            chunk.text.len() < CHUNK_TARGET_BYTES * 2,
            "chunk {n}: one question is not that long"
        );
        if n > 0 {
            whole.push(b'\x1f');
        }
        whole.extend_from_slice(&unpacked);
        packed += chunk.file.len();
    }
    assert!(whole == generated.text.as_bytes());
    assert!(
        packed * 5 < generated.text.len() * 2,
        "{packed} of {} bytes",
        generated.text.len()
    );
    assert_eq!(
        generated.chunk_of.len(),
        generated
            .chunk_of
            .iter()
            .map(|(id, _)| id)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
}
