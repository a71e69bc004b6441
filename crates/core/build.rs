//! Compiles the Markdown question bank in `content/` into static Rust data
//! (`$OUT_DIR/bank_data.rs`) and the sections' gzipped text
//! (`$OUT_DIR/bank_text_<n>.gz`, chunks of whole questions: the app's
//! `bank-<fingerprint>.bin` files, named in `bank_chunks.json`). A bank that breaks a rule fails the build
//! with `path:line: what is wrong`.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=../../content/topics.md");
    println!("cargo:rerun-if-changed=../../content/questions");
    let bank = match opsdrill_bank_compiler::load_dir(Path::new("../../content")) {
        Ok(bank) => bank,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s) in the question bank", errors.len());
            std::process::exit(1);
        }
    };
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let generated = opsdrill_bank_compiler::generate(&bank);
    let out = Path::new(&out_dir);
    std::fs::write(out.join("bank_data.rs"), &generated.rust).expect("OUT_DIR is writable");
    for (n, chunk) in generated.chunks.iter().enumerate() {
        std::fs::write(out.join(format!("bank_text_{n}.gz")), &chunk.file)
            .expect("OUT_DIR is writable");
    }
    std::fs::write(out.join("bank_chunks.json"), generated.chunks_json())
        .expect("OUT_DIR is writable");
}
