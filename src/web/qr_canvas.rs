//! Draws a QR code on a canvas: whole pixels a module, black on white, with
//! its quiet zone, so a camera sees sharp edges.

use opsdrill_core::transfer::qr::{Code, QUIET_ZONE};
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The canvas's side for `code` in at most `room` CSS pixels (an even
/// number, so a video of it has whole chroma samples).
pub fn side_for(code: &Code, room: u32) -> u32 {
    let modules = (code.width + 2 * QUIET_ZONE) as u32;
    let scale = (room / modules).max(2);
    (modules * scale + 1) & !1
}

pub fn draw(canvas: &HtmlCanvasElement, code: &Code) {
    let Some(context) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let side = canvas.width() as f64;
    let modules = (code.width + 2 * QUIET_ZONE) as f64;
    let scale = (side / modules).floor();
    let offset = ((side - scale * modules) / 2.0).floor() + scale * QUIET_ZONE as f64;
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, side, side);
    context.set_fill_style_str("#000");
    for (i, dark) in code.dark.iter().enumerate() {
        if *dark {
            let (x, y) = ((i % code.width) as f64, (i / code.width) as f64);
            context.fill_rect(offset + x * scale, offset + y * scale, scale, scale);
        }
    }
}
