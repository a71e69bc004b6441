// Turning the sender's screen into a camera: the codes the Send page draws
// are read off its canvas (as greyscale pixels), and written as a Y4M video
// that Chromium's fake camera plays in a loop
// (--use-file-for-fake-video-capture). Used by tests/e2e/transfer.test.mjs
// and by the benchmark tests/bench/transfer.mjs.
import { writeFileSync } from 'node:fs';

/**
 * Every code of the transfer the page is showing, by index: waits for each
 * as the loop comes round (the page marks the canvas with `data-frame`).
 * Returns { side, count, frames: [Uint8Array luma of side*side] }.
 */
export async function captureCodes(page) {
  const canvas = page.locator('canvas.transfer-code');
  await canvas.waitFor();
  const count = Number((await page.locator('.transfer-progress').innerText()).match(/of (\d+)/)[1]);
  const frames = new Array(count);
  let have = 0;
  while (have < count) {
    const shot = await page.evaluate(() => {
      const c = document.querySelector('canvas.transfer-code');
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const luma = new Uint8Array(c.width * c.height);
      for (let i = 0; i < luma.length; i++) luma[i] = data[4 * i];
      let text = '';
      for (let i = 0; i < luma.length; i += 0x8000) text += String.fromCharCode(...luma.subarray(i, i + 0x8000));
      return { index: Number(c.dataset.frame), side: c.width, luma: btoa(text) };
    });
    if (!frames[shot.index]) {
      frames[shot.index] = { side: shot.side, luma: Buffer.from(shot.luma, 'base64') };
      have += 1;
    }
  }
  return { side: frames[0].side, count, frames: frames.map((f) => f.luma) };
}

/**
 * Writes `codes` as a Y4M video: each code centred on a white frame with
 * `margin` pixels round it, shown for `repeat` video frames at `fps`.
 */
export function writeY4m(file, { side, frames }, { fps = 15, repeat = 3, margin = 40 } = {}) {
  const size = side + 2 * margin + ((side + 2 * margin) % 2);
  const chroma = Buffer.alloc((size / 2) * (size / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${size} H${size} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const luma of frames) {
    const y = Buffer.alloc(size * size, 255);
    for (let row = 0; row < side; row++) {
      luma.copy(y, (row + margin) * size + margin, row * side, (row + 1) * side);
    }
    for (let i = 0; i < repeat; i++) parts.push(Buffer.from('FRAME\n'), y, chroma);
  }
  writeFileSync(file, Buffer.concat(parts));
  return { size, seconds: (frames.length * repeat) / fps };
}
