//! Frames as QR codes and back, in pure Rust: `qrcode` draws a frame's code
//! (its Base45 text, so in the QR alphanumeric mode), `rqrr` finds and reads
//! codes in a camera image where the browser has no `BarcodeDetector`
//! (Safari, Firefox), and reads them the same way where it has.

use super::base45;

/// A QR code: `width` modules a side, row by row, dark ones `true`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub width: usize,
    pub dark: Vec<bool>,
}

/// The quiet zone a code needs around it, in modules.
pub const QUIET_ZONE: usize = 4;

/// The QR code of a frame, at error correction level M (15% of it can be
/// misread and it still reads).
pub fn code_of(frame: &[u8]) -> Code {
    let text = base45::encode(frame);
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        // A frame is at most a few hundred bytes: far within a QR code's 2,331.
        .expect("a frame fits in a QR code");
    Code {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    }
}

/// The text a decoder read from a code, as a frame's bytes (`None`: not a
/// frame's text).
pub fn frame_of_text(text: &str) -> Option<Vec<u8>> {
    base45::decode(text).ok()
}

/// The frames in a greyscale image `width` x `height` (one byte a pixel,
/// row by row): every code found that reads as a frame's text.
pub fn frames_in(width: usize, height: usize, luma: &[u8]) -> Vec<Vec<u8>> {
    if width == 0 || height == 0 || luma.len() < width * height {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok())
        .filter_map(|(_, text)| frame_of_text(&text))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A code drawn as a camera would see it: `scale` pixels a module, with
    /// its quiet zone, black on white.
    pub(crate) fn draw(code: &Code, scale: usize) -> (usize, Vec<u8>) {
        let side = (code.width + 2 * QUIET_ZONE) * scale;
        let mut luma = vec![255u8; side * side];
        for (i, dark) in code.dark.iter().enumerate() {
            if !dark {
                continue;
            }
            let (mx, my) = (i % code.width + QUIET_ZONE, i / code.width + QUIET_ZONE);
            for y in my * scale..(my + 1) * scale {
                luma[y * side + mx * scale..y * side + (mx + 1) * scale].fill(0);
            }
        }
        (side, luma)
    }

    #[test]
    fn a_frame_reads_back_from_its_code() {
        let frame: Vec<u8> = (0..=255u8).chain(0..=255u8).collect();
        let code = code_of(&frame);
        let (side, luma) = draw(&code, 3);
        assert_eq!(frames_in(side, side, &luma), vec![frame]);
    }

    #[test]
    fn an_image_with_no_code_has_no_frames() {
        assert!(frames_in(64, 48, &vec![128; 64 * 48]).is_empty());
        assert!(frames_in(10, 10, &[0; 3]).is_empty(), "a short buffer");
        assert!(frames_in(0, 0, &[]).is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn random_images_never_panic(luma in proptest::collection::vec(proptest::prelude::any::<u8>(), 40 * 30)) {
            let _ = frames_in(40, 30, &luma);
        }
    }
}
