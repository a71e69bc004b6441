//! A small LZMA decoder (the `.lzma` "alone" format that liblzma writes), so
//! the app can keep the bank's text compressed in the wasm: LZMA packs it
//! about a sixth smaller than the gzip the server sends. It follows the
//! format's reference decoder (LzmaSpec in the LZMA SDK); the bank compiler
//! compresses with liblzma and its tests decode every byte back.

const PROB_INIT: u16 = 1 << 10;
const NUM_STATES: usize = 12;
const END_POS_MODEL_INDEX: usize = 14;
const NUM_FULL_DISTANCES: usize = 1 << (END_POS_MODEL_INDEX >> 1);
const MATCH_MIN_LEN: usize = 2;

struct RangeDecoder<'a> {
    data: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl<'a> RangeDecoder<'a> {
    fn new(data: &'a [u8]) -> Option<Self> {
        if data.first() != Some(&0) {
            return None;
        }
        let mut rc = RangeDecoder {
            data,
            pos: 1,
            range: u32::MAX,
            code: 0,
        };
        for _ in 0..4 {
            rc.code = (rc.code << 8) | u32::from(rc.byte());
        }
        (rc.code != rc.range).then_some(rc)
    }

    #[inline(always)]
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    #[inline(always)]
    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.byte());
        }
    }

    fn direct_bits(&mut self, count: u32) -> u32 {
        let mut result = 0;
        for _ in 0..count {
            self.range >>= 1;
            self.code = self.code.wrapping_sub(self.range);
            let t = 0u32.wrapping_sub(self.code >> 31);
            self.code = self.code.wrapping_add(self.range & t);
            self.normalize();
            result = (result << 1) + t.wrapping_add(1);
        }
        result
    }

    #[inline(always)]
    fn bit(&mut self, prob: &mut u16) -> u32 {
        let bound = (self.range >> 11) * u32::from(*prob);
        let bit = if self.code < bound {
            *prob += ((1 << 11) - *prob) >> 5;
            self.range = bound;
            0
        } else {
            *prob -= *prob >> 5;
            self.code -= bound;
            self.range -= bound;
            1
        };
        self.normalize();
        bit
    }

    /// A `bits`-bit symbol from a bit tree of probabilities, high bit first.
    fn tree(&mut self, probs: &mut [u16], bits: u32) -> u32 {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) + self.bit(&mut probs[m as usize]);
        }
        m - (1 << bits)
    }

    /// As `tree`, low bit first.
    fn reverse_tree(&mut self, probs: &mut [u16], bits: u32) -> u32 {
        let mut m = 1;
        let mut symbol = 0;
        for i in 0..bits {
            let bit = self.bit(&mut probs[m as usize]);
            m = (m << 1) + bit;
            symbol |= bit << i;
        }
        symbol
    }
}

struct LenDecoder {
    choice: [u16; 2],
    low: Vec<u16>,
    mid: Vec<u16>,
    high: [u16; 256],
}

impl LenDecoder {
    fn new() -> Self {
        LenDecoder {
            choice: [PROB_INIT; 2],
            low: vec![PROB_INIT; 16 << 3],
            mid: vec![PROB_INIT; 16 << 3],
            high: [PROB_INIT; 256],
        }
    }

    fn decode(&mut self, rc: &mut RangeDecoder, pos_state: usize) -> usize {
        let at = pos_state << 3;
        (if rc.bit(&mut self.choice[0]) == 0 {
            rc.tree(&mut self.low[at..at + 8], 3)
        } else if rc.bit(&mut self.choice[1]) == 0 {
            8 + rc.tree(&mut self.mid[at..at + 8], 3)
        } else {
            16 + rc.tree(&mut self.high, 8)
        }) as usize
    }
}

/// Decodes `.lzma` data: the 13-byte header (properties, dictionary size,
/// uncompressed size or all ones for "until the end marker"), then the range
/// coded stream. `None` when the data is not valid LZMA.
pub fn decompress(data: &[u8]) -> Option<Vec<u8>> {
    let header = data.get(..13)?;
    let mut props = u32::from(header[0]);
    if props >= 9 * 5 * 5 {
        return None;
    }
    let lc = props % 9;
    props /= 9;
    let lp = props % 5;
    let pb = props / 5;
    let size = u64::from_le_bytes(header[5..13].try_into().ok()?);
    let known_size = (size != u64::MAX).then_some(size as usize);
    let mut rc = RangeDecoder::new(&data[13..])?;
    let mut out: Vec<u8> = Vec::with_capacity(known_size.unwrap_or(data.len() * 4));

    let mut literals = vec![PROB_INIT; 0x300 << (lc + lp)];
    let mut pos_slot = vec![PROB_INIT; 4 << 6];
    let mut pos_probs = vec![PROB_INIT; 1 + NUM_FULL_DISTANCES - END_POS_MODEL_INDEX];
    let mut align = [PROB_INIT; 16];
    let mut is_match = [PROB_INIT; NUM_STATES << 4];
    let mut is_rep = [PROB_INIT; NUM_STATES];
    let mut is_rep_g0 = [PROB_INIT; NUM_STATES];
    let mut is_rep_g1 = [PROB_INIT; NUM_STATES];
    let mut is_rep_g2 = [PROB_INIT; NUM_STATES];
    let mut is_rep0_long = [PROB_INIT; NUM_STATES << 4];
    let mut len_decoder = LenDecoder::new();
    let mut rep_len_decoder = LenDecoder::new();
    let mut reps = [0usize; 4];
    let mut state = 0usize;
    let pb_mask = (1 << pb) - 1;
    let lp_mask = (1 << lp) - 1;

    loop {
        if known_size.is_some_and(|n| out.len() >= n) {
            break;
        }
        let pos_state = out.len() & pb_mask;
        if rc.bit(&mut is_match[(state << 4) + pos_state]) == 0 {
            let prev = out.last().copied().unwrap_or(0) as usize;
            let lit_state = ((out.len() & lp_mask) << lc) + (prev >> (8 - lc));
            let probs = &mut literals[0x300 * lit_state..0x300 * (lit_state + 1)];
            let mut symbol = 1usize;
            if state >= 7 {
                let mut match_byte = *out.get(out.len().checked_sub(reps[0] + 1)?)? as usize;
                while symbol < 0x100 {
                    let match_bit = (match_byte >> 7) & 1;
                    match_byte <<= 1;
                    let bit = rc.bit(&mut probs[((1 + match_bit) << 8) + symbol]) as usize;
                    symbol = (symbol << 1) | bit;
                    if match_bit != bit {
                        break;
                    }
                }
            }
            while symbol < 0x100 {
                symbol = (symbol << 1) | rc.bit(&mut probs[symbol]) as usize;
            }
            out.push((symbol - 0x100) as u8);
            state = match state {
                0..=3 => 0,
                4..=9 => state - 3,
                _ => state - 6,
            };
            continue;
        }
        let len;
        if rc.bit(&mut is_rep[state]) != 0 {
            if out.is_empty() {
                return None;
            }
            if rc.bit(&mut is_rep_g0[state]) == 0 {
                if rc.bit(&mut is_rep0_long[(state << 4) + pos_state]) == 0 {
                    state = if state < 7 { 9 } else { 11 };
                    let byte = *out.get(out.len().checked_sub(reps[0] + 1)?)?;
                    out.push(byte);
                    continue;
                }
            } else {
                let distance;
                if rc.bit(&mut is_rep_g1[state]) == 0 {
                    distance = reps[1];
                } else {
                    if rc.bit(&mut is_rep_g2[state]) == 0 {
                        distance = reps[2];
                    } else {
                        distance = reps[3];
                        reps[3] = reps[2];
                    }
                    reps[2] = reps[1];
                }
                reps[1] = reps[0];
                reps[0] = distance;
            }
            len = rep_len_decoder.decode(&mut rc, pos_state);
            state = if state < 7 { 8 } else { 11 };
        } else {
            reps[3] = reps[2];
            reps[2] = reps[1];
            reps[1] = reps[0];
            len = len_decoder.decode(&mut rc, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let len_state = len.min(3);
            let slot = rc.tree(&mut pos_slot[len_state << 6..(len_state + 1) << 6], 6) as usize;
            reps[0] = if slot < 4 {
                slot
            } else {
                let direct = (slot >> 1) as u32 - 1;
                let base = (2 | (slot & 1)) << direct;
                if slot < END_POS_MODEL_INDEX {
                    base + rc.reverse_tree(&mut pos_probs[base - slot..], direct) as usize
                } else {
                    let high = (rc.direct_bits(direct - 4) as usize) << 4;
                    base + high + rc.reverse_tree(&mut align, 4) as usize
                }
            };
            if reps[0] == u32::MAX as usize {
                break; // the end marker
            }
        }
        let from = out.len().checked_sub(reps[0] + 1)?;
        let len = len + MATCH_MIN_LEN;
        let len = known_size.map_or(len, |n| len.min(n - out.len()));
        if len <= reps[0] + 1 {
            out.extend_from_within(from..from + len);
        } else {
            // The copy overlaps what it writes: byte by byte.
            for i in 0..len {
                out.push(out[from + i]);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_is_not_lzma() {
        assert_eq!(decompress(b""), None);
        assert_eq!(decompress(b"not lzma at all, just text"), None);
        // Valid header, stream not starting with the zero byte.
        let mut data = vec![0x5d, 0, 0, 0x10, 0, 5, 0, 0, 0, 0, 0, 0, 0];
        data.extend_from_slice(&[1, 2, 3, 4, 5]);
        assert_eq!(decompress(&data), None);
    }
}
