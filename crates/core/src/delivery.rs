//! Delivery coaching for a spoken answer: how long the user took to start,
//! how long they talked, where they paused and roughly how fast they spoke.
//!
//! It is computed from frame energies alone (the RMS of each 10 ms of
//! audio), not from a transcript. That keeps it on the device: no speech
//! recogniser, no network, and nothing about the recording leaves the
//! browser. It is also cheap enough to run the moment the user stops
//! talking. Energies are enough for delivery: speech is loud against the
//! room, pauses are quiet, and each syllable is a swell of loudness around
//! its vowel, so counting the swells estimates the speaking rate (de Jong &
//! Wempe, "Praat script to detect syllable nuclei", 2009) without knowing
//! any of the words.
//!
//! The browser feeds mono samples to an [`EnergyMeter`] as they arrive and
//! calls [`analyse`] on its energies when the recording ends.

use serde::{Deserialize, Serialize};

use crate::bank::Style;

/// The length of one energy frame. Short enough to place a word's start
/// within a frame or two, long enough to span a period of a low voice.
pub const FRAME_MS: u32 = 10;

/// Streaming RMS per [`FRAME_MS`] frame from mono samples.
///
/// Frame `k` covers samples `k·rate·FRAME_MS/1000` up to the next frame's
/// start, so rates that do not divide evenly (22050 Hz) do not drift.
pub struct EnergyMeter {
    sample_rate: u64,
    /// Samples pushed so far, across all chunks.
    samples_seen: u64,
    /// The index of the frame being filled and its sample range.
    frame_index: u64,
    frame_start: u64,
    frame_end: u64,
    /// Accumulated in f64, in sample order, so the result does not depend
    /// on how the samples were chunked.
    sum_squares: f64,
    energies: Vec<f32>,
}

impl EnergyMeter {
    pub fn new(sample_rate: u32) -> Self {
        // At least one sample per frame, so a nonsense rate still makes
        // progress instead of dividing by zero.
        let sample_rate = u64::from(sample_rate).max(u64::from(1000 / FRAME_MS));
        let mut meter = EnergyMeter {
            sample_rate,
            samples_seen: 0,
            frame_index: 0,
            frame_start: 0,
            frame_end: 0,
            sum_squares: 0.0,
            energies: Vec::new(),
        };
        meter.frame_end = meter.frame_boundary(1);
        meter
    }

    /// The first sample of frame `k`. u128 so hours at any rate cannot
    /// overflow; it is computed once per frame, not per sample.
    fn frame_boundary(&self, k: u64) -> u64 {
        let sample = u128::from(k) * u128::from(self.sample_rate) * u128::from(FRAME_MS) / 1000;
        u64::try_from(sample).unwrap_or(u64::MAX)
    }

    pub fn push(&mut self, samples: &[f32]) {
        let mut rest = samples;
        while !rest.is_empty() {
            let wanted = usize::try_from(self.frame_end - self.samples_seen).unwrap_or(usize::MAX);
            let (now, later) = rest.split_at(wanted.min(rest.len()));
            let mut sum = self.sum_squares;
            for &sample in now {
                // A NaN or infinity from a broken source would poison the
                // whole frame; count it as silence instead.
                let sample = if sample.is_finite() {
                    f64::from(sample)
                } else {
                    0.0
                };
                sum += sample * sample;
            }
            self.sum_squares = sum;
            self.samples_seen += now.len() as u64;
            if self.samples_seen == self.frame_end {
                let length = self.frame_end - self.frame_start;
                self.energies.push(rms(self.sum_squares, length));
                self.frame_index += 1;
                self.frame_start = self.frame_end;
                self.frame_end = self.frame_boundary(self.frame_index + 1);
                self.sum_squares = 0.0;
            }
            rest = later;
        }
    }

    /// The complete frames so far.
    pub fn energies(&self) -> &[f32] {
        &self.energies
    }

    /// The complete frames plus the final partial frame if it holds at
    /// least half a frame's samples (a shorter tail would be a noisy
    /// estimate of a frame nobody can hear).
    pub fn into_energies(mut self) -> Vec<f32> {
        let partial = self.samples_seen - self.frame_start;
        let length = self.frame_end - self.frame_start;
        if partial > 0 && partial * 2 >= length {
            self.energies.push(rms(self.sum_squares, partial));
        }
        self.energies
    }
}

fn rms(sum_squares: f64, samples: u64) -> f32 {
    if samples == 0 {
        return 0.0;
    }
    (sum_squares / samples as f64).sqrt() as f32
}

/// A stretch of speech, in ms from the start of the recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeechSpan {
    pub start_ms: u32,
    pub end_ms: u32,
}

/// What [`analyse`] found in one recording. All times are whole ms.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DeliveryReport {
    /// The whole recording.
    pub duration_ms: u32,
    /// Time to the first word; None if there was no speech at all.
    pub first_word_ms: Option<u32>,
    /// From the first word's start to the last word's end.
    pub talk_ms: u32,
    /// The sum of the speech spans.
    pub speaking_ms: u32,
    /// Pauses strictly longer than [`LONG_PAUSE_MS`] between the first and
    /// the last word.
    pub long_pauses: u32,
    /// The longest pause between the first and the last word (0 if none).
    pub longest_pause_ms: u32,
    /// Syllable nuclei counted in the energy envelope.
    pub syllables: u32,
    /// The merged speech spans, in order, for a timeline picture.
    pub speech: Vec<SpeechSpan>,
}

impl DeliveryReport {
    /// The share of the recording spent speaking, 0 when it is empty.
    pub fn speaking_share(&self) -> f32 {
        if self.duration_ms == 0 {
            return 0.0;
        }
        self.speaking_ms as f32 / self.duration_ms as f32
    }

    /// Words per minute over the talk time, pauses included: that is the
    /// pace a listener hears, and the true rate (words over the time from
    /// the first word to the last) the fixtures measure. Estimated as
    /// syllables per minute over [`SYLLABLES_PER_WORD`]. None with under
    /// [`MIN_RATE_SPEECH_MS`] of speech, where a handful of syllables more
    /// or less swings the figure.
    pub fn estimated_wpm(&self) -> Option<u32> {
        if self.speaking_ms < MIN_RATE_SPEECH_MS || self.talk_ms == 0 {
            return None;
        }
        let syllables_per_minute = f64::from(self.syllables) * 60_000.0 / f64::from(self.talk_ms);
        let words_per_minute = syllables_per_minute / SYLLABLES_PER_WORD;
        Some(words_per_minute.round().min(f64::from(u32::MAX)) as u32)
    }
}

/// A pause longer than this is one a listener notices as a stall rather
/// than a breath.
pub const LONG_PAUSE_MS: u32 = 1000;

/// Below this much speech [`DeliveryReport::estimated_wpm`] gives no figure.
pub const MIN_RATE_SPEECH_MS: u32 = 3000;

/// Syllable nuclei found per spoken word. English speech averages about
/// 1.4 to 1.5 syllables a word (the speech fixtures' passage has about 83
/// in 60 words, 1.38). The envelope merges nuclei in connected speech, more
/// the faster it is, so the low end fits conversational rates best; racing
/// speech reads somewhat slow (13% at 230 wpm on the fixtures).
pub const SYLLABLES_PER_WORD: f64 = 1.4;

// Voice activity. Levels are in dB relative to full scale (RMS 1.0).

/// The level given to a frame of digital silence, so log(0) never appears.
const FLOOR_DB: f32 = -100.0;
/// The room's noise floor: speech rarely fills more than nine tenths of a
/// recording, so the 10th percentile is between words.
const NOISE_PERCENTILE: f32 = 0.10;
/// The speech level: the 99th percentile, as de Jong & Wempe use, so a
/// single click cannot set it but 1% of the recording being speech can.
const LOUD_PERCENTILE: f32 = 0.99;
/// A recording whose loud level is below this is silence (a muted or
/// unplugged microphone); real speech sits far above it.
const SILENCE_DB: f32 = -70.0;
/// With less spread than this between floor and loud level, the recording
/// is constant noise (a fan, hiss) rather than speech and pauses.
const MIN_RANGE_DB: f32 = 12.0;
/// A frame starts speech when it is within this of the loud level ...
const SPEECH_BELOW_LOUD_DB: f32 = 30.0;
/// ... and in the upper part of the range between floor and loud level,
/// which decides in noisy rooms where the range is narrow.
const SPEECH_RANGE_SHARE: f32 = 0.5;
/// Hysteresis: once speaking, quieter frames down to this far below the
/// start threshold still count, so soft word endings are kept.
const HYSTERESIS_DB: f32 = 8.0;
/// ... but never closer to the floor than this, so noise cannot hold it
/// open.
const ABOVE_FLOOR_DB: f32 = 6.0;
/// Gaps shorter than this (stop consonants, breaths between words) are
/// bridged so words are not split into pauses.
const BRIDGE_MS: u32 = 200;
/// Spans shorter than this after bridging are clicks, not words.
const MIN_SPEECH_MS: u32 = 50;

// Syllable nuclei.

/// The envelope is smoothed over this many frames (a 70 ms Hann window,
/// about 40 ms at half height), like Praat's intensity analysis, so a
/// vowel's ripple and a consonant's burst next to it are not extra peaks.
/// On the espeak fixtures 5 to 11 frames all keep both rates within 20%;
/// at 7 the slow reading's count is closest to the passage's 83.
const SMOOTH_FRAMES: usize = 7;
/// A nucleus is within this of the loud level (de Jong & Wempe's 25 dB).
/// Tied to the loud level, not to the speech threshold (which rises with
/// the noise floor), so the count stays put when the room is noisier.
const NUCLEUS_BELOW_LOUD_DB: f32 = 25.0;
/// A nucleus must stand this far above the dip that separates it from its
/// neighbours (de Jong & Wempe's 2 dB).
const MIN_DIP_DB: f32 = 2.0;
/// Nuclei closer than this are one syllable: nobody says more than ten a
/// second.
const MIN_SYLLABLE_GAP_MS: u32 = 100;

const fn frames(ms: u32) -> usize {
    (ms / FRAME_MS) as usize
}

fn frame_ms(frame: usize) -> u32 {
    u32::try_from(frame)
        .unwrap_or(u32::MAX)
        .saturating_mul(FRAME_MS)
}

/// The voice-activity thresholds for one recording, in dB.
#[derive(Debug, Clone, Copy)]
struct Thresholds {
    /// A span of speech needs a frame at least this loud ...
    start_db: f32,
    /// ... and lasts while frames stay at least this loud.
    hold_db: f32,
    /// A syllable nucleus reaches at least this level.
    nucleus_db: f32,
}

impl Thresholds {
    /// None when the recording holds no speech at all: silence, or noise
    /// without the contrast of speech against pauses.
    fn from_levels(levels: &[f32]) -> Option<Thresholds> {
        if levels.is_empty() {
            return None;
        }
        let mut sorted = levels.to_vec();
        sorted.sort_unstable_by(f32::total_cmp);
        let floor = percentile(&sorted, NOISE_PERCENTILE);
        let loud = percentile(&sorted, LOUD_PERCENTILE);
        let range = loud - floor;
        if loud < SILENCE_DB || range < MIN_RANGE_DB {
            return None;
        }
        let start_db = (loud - SPEECH_BELOW_LOUD_DB).max(floor + SPEECH_RANGE_SHARE * range);
        let hold_db = (start_db - HYSTERESIS_DB).max(floor + ABOVE_FLOOR_DB);
        let nucleus_db = (loud - NUCLEUS_BELOW_LOUD_DB).max(hold_db);
        Some(Thresholds {
            start_db,
            hold_db,
            nucleus_db,
        })
    }
}

/// The value at quantile `q` of `sorted` (the floor level if it is empty).
fn percentile(sorted: &[f32], q: f32) -> f32 {
    let last = sorted.len().saturating_sub(1);
    let index = ((last as f32 * q).round() as usize).min(last);
    sorted.get(index).copied().unwrap_or(FLOOR_DB)
}

/// The level of a frame in dBFS; broken or negative energies are silence.
fn level_db(energy: f32) -> f32 {
    let power = power(energy);
    if power <= 0.0 {
        return FLOOR_DB;
    }
    (10.0 * power.log10()).max(FLOOR_DB)
}

fn power(energy: f32) -> f32 {
    if energy.is_finite() && energy > 0.0 {
        energy * energy
    } else {
        0.0
    }
}

/// Speech spans as half-open frame ranges, merged and filtered.
fn speech_frames(levels: &[f32], thresholds: Thresholds) -> Vec<(usize, usize)> {
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut frame = 0;
    while frame < levels.len() {
        if levels[frame] < thresholds.hold_db {
            frame += 1;
            continue;
        }
        let start = frame;
        let mut started = false;
        while frame < levels.len() && levels[frame] >= thresholds.hold_db {
            started |= levels[frame] >= thresholds.start_db;
            frame += 1;
        }
        if started {
            raw.push((start, frame));
        }
    }

    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    for (start, end) in raw {
        match merged.last_mut() {
            Some(last) if start.saturating_sub(last.1) < frames(BRIDGE_MS) => last.1 = end,
            _ => merged.push((start, end)),
        }
    }
    merged.retain(|&(start, end)| end.saturating_sub(start) >= frames(MIN_SPEECH_MS));
    merged
}

/// The energy envelope in dB, smoothed with a Hann window over power so a
/// loud frame weighs as it sounds.
fn smoothed_levels(energies: &[f32]) -> Vec<f32> {
    let half = SMOOTH_FRAMES / 2;
    let weights: Vec<f32> = (0..SMOOTH_FRAMES)
        .map(|i| {
            let phase = (i + 1) as f32 / (SMOOTH_FRAMES + 1) as f32;
            (std::f32::consts::PI * phase).sin().powi(2)
        })
        .collect();
    let powers: Vec<f32> = energies.iter().map(|&e| power(e)).collect();
    (0..powers.len())
        .map(|centre| {
            let mut sum = 0.0;
            let mut weight_sum = 0.0;
            for (offset, &weight) in weights.iter().enumerate() {
                let Some(index) = (centre + offset).checked_sub(half) else {
                    continue;
                };
                if let Some(&power) = powers.get(index) {
                    sum += weight * power;
                    weight_sum += weight;
                }
            }
            if weight_sum > 0.0 && sum > 0.0 {
                (10.0 * (sum / weight_sum).log10()).max(FLOOR_DB)
            } else {
                FLOOR_DB
            }
        })
        .collect()
}

/// Counts syllable nuclei: peaks of the smoothed envelope inside speech
/// spans that rise at least [`MIN_DIP_DB`] above the dips either side
/// (a span's edges count as deep dips), come within
/// [`NUCLEUS_BELOW_LOUD_DB`] of the loud level and are at least
/// [`MIN_SYLLABLE_GAP_MS`] apart (the louder of two closer ones is kept).
fn count_syllables(envelope: &[f32], speech: &[(usize, usize)], thresholds: Thresholds) -> u32 {
    let mut peaks: Vec<(usize, f32)> = Vec::new();
    for &(start, end) in speech {
        let Some(span) = envelope.get(start..end) else {
            continue;
        };
        // Delta peak detection (Billauer): a maximum counts once the
        // envelope has fallen MIN_DIP_DB below it; then a new rise of
        // MIN_DIP_DB above the lowest point since starts the next one.
        let mut looking_for_peak = true;
        let mut peak = (start, f32::NEG_INFINITY);
        let mut dip = f32::INFINITY;
        for (offset, &level) in span.iter().enumerate() {
            if looking_for_peak {
                if level > peak.1 {
                    peak = (start + offset, level);
                } else if level < peak.1 - MIN_DIP_DB {
                    peaks.push(peak);
                    looking_for_peak = false;
                    dip = level;
                }
            } else if level < dip {
                dip = level;
            } else if level > dip + MIN_DIP_DB {
                looking_for_peak = true;
                peak = (start + offset, level);
            }
        }
        if looking_for_peak && peak.1.is_finite() {
            peaks.push(peak);
        }
    }

    let mut nuclei: Vec<(usize, f32)> = Vec::with_capacity(peaks.len());
    for peak in peaks
        .into_iter()
        .filter(|peak| peak.1 >= thresholds.nucleus_db)
    {
        match nuclei.last_mut() {
            Some(last) if peak.0.saturating_sub(last.0) < frames(MIN_SYLLABLE_GAP_MS) => {
                if peak.1 > last.1 {
                    *last = peak;
                }
            }
            _ => nuclei.push(peak),
        }
    }
    u32::try_from(nuclei.len()).unwrap_or(u32::MAX)
}

/// Analyses a recording from its energies at [`FRAME_MS`] (as an
/// [`EnergyMeter`] gives them). Never panics; deterministic.
pub fn analyse(energies: &[f32]) -> DeliveryReport {
    let duration_ms = frame_ms(energies.len());
    let no_speech = DeliveryReport {
        duration_ms,
        ..DeliveryReport::default()
    };
    let levels: Vec<f32> = energies.iter().map(|&e| level_db(e)).collect();
    let Some(thresholds) = Thresholds::from_levels(&levels) else {
        return no_speech;
    };
    let spans = speech_frames(&levels, thresholds);
    let (Some(&(first_start, _)), Some(&(_, last_end))) = (spans.first(), spans.last()) else {
        return no_speech;
    };

    let speaking_frames: usize = spans.iter().map(|&(start, end)| end - start).sum();
    let pauses: Vec<usize> = spans
        .windows(2)
        .map(|pair| pair[1].0.saturating_sub(pair[0].1))
        .collect();
    let long_pauses = pauses
        .iter()
        .filter(|&&pause| frame_ms(pause) > LONG_PAUSE_MS)
        .count();
    let envelope = smoothed_levels(energies);

    DeliveryReport {
        duration_ms,
        first_word_ms: Some(frame_ms(first_start)),
        talk_ms: frame_ms(last_end - first_start),
        speaking_ms: frame_ms(speaking_frames),
        long_pauses: u32::try_from(long_pauses).unwrap_or(u32::MAX),
        longest_pause_ms: frame_ms(pauses.iter().copied().max().unwrap_or(0)),
        syllables: count_syllables(&envelope, &spans, thresholds),
        speech: spans
            .iter()
            .map(|&(start, end)| SpeechSpan {
                start_ms: frame_ms(start),
                end_ms: frame_ms(end),
            })
            .collect(),
    }
}

/// How long an answer should run, by question style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TalkTarget {
    pub min_ms: u32,
    pub max_ms: u32,
}

/// Talk-time targets per question style, in one table.
pub fn target(style: Style) -> TalkTarget {
    let (min_s, max_s) = match style {
        // A story needs context, action and result, but past ~2.5 min the
        // interviewer stops listening and wants to ask a follow-up.
        Style::Story | Style::Star => (90, 150),
        // A concept explained well is short; more than 2 min is a lecture.
        Style::Explain => (60, 120),
        // Design is a discussion that covers requirements, a sketch and
        // trade-offs, so it legitimately runs longest.
        Style::Design => (180, 360),
        // A question for the interviewer, with why you ask it: brief.
        Style::Ask => (30, 90),
        // Reading evidence aloud and reasoning to a next step.
        Style::Lab => (60, 180),
    };
    TalkTarget {
        min_ms: min_s * 1000,
        max_ms: max_s * 1000,
    }
}

/// Whether a talk time fell short of, within or beyond a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetFit {
    Short,
    Within,
    Long,
}

/// Where `talk_ms` falls against `target`; both ends are within.
pub fn fit(talk_ms: u32, target: TalkTarget) -> TargetFit {
    if talk_ms < target.min_ms {
        TargetFit::Short
    } else if talk_ms > target.max_ms {
        TargetFit::Long
    } else {
        TargetFit::Within
    }
}

/// A summary across many recordings for a "Speaking" panel.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SpeakingSummary {
    /// Every report given, with speech or without.
    pub recordings: u32,
    pub total_talk_ms: u64,
    /// The median of the reports that have an estimate; a median so one
    /// garbled recording does not drag it.
    pub median_wpm: Option<u32>,
    /// Long pauses per recording.
    pub mean_long_pauses: f32,
}

pub fn summary<'a>(reports: impl IntoIterator<Item = &'a DeliveryReport>) -> SpeakingSummary {
    let mut recordings: u32 = 0;
    let mut total_talk_ms: u64 = 0;
    let mut long_pauses: u64 = 0;
    let mut rates: Vec<u32> = Vec::new();
    for report in reports {
        recordings = recordings.saturating_add(1);
        total_talk_ms += u64::from(report.talk_ms);
        long_pauses += u64::from(report.long_pauses);
        rates.extend(report.estimated_wpm());
    }
    rates.sort_unstable();
    let middle = rates.len() / 2;
    let median_wpm = match rates.len() {
        0 => None,
        n if n % 2 == 1 => Some(rates[middle]),
        // The mean of the middle two, rounded half up.
        _ => Some((u64::from(rates[middle - 1]) + u64::from(rates[middle])).div_ceil(2) as u32),
    };
    let mean_long_pauses = if recordings == 0 {
        0.0
    } else {
        (long_pauses as f64 / f64::from(recordings)) as f32
    };
    SpeakingSummary {
        recordings,
        total_talk_ms,
        median_wpm,
        mean_long_pauses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const RATE: u32 = 48_000;

    /// A deterministic noise source (a 32-bit LCG), uniform in [-1, 1).
    struct Lcg(u32);

    impl Lcg {
        fn next(&mut self) -> f32 {
            self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (self.0 >> 8) as f32 / (1u32 << 23) as f32 - 1.0
        }
    }

    /// Alternating noise and tone segments, starting with noise: each
    /// length in ms, the tone at 220 Hz with the given amplitude (clipped
    /// to full scale, so a loud one is a square wave) over noise at 0.003.
    fn bursts(segments_ms: &[u32], amplitude: f32) -> Vec<f32> {
        let mut noise = Lcg(12345);
        let mut samples = Vec::new();
        for (index, &ms) in segments_ms.iter().enumerate() {
            let tone = index % 2 == 1;
            for _ in 0..(ms as usize * RATE as usize / 1000) {
                let t = samples.len() as f32 / RATE as f32;
                let mut sample = 0.003 * noise.next();
                if tone {
                    sample += amplitude * (2.0 * std::f32::consts::PI * 220.0 * t).sin();
                }
                samples.push(sample.clamp(-1.0, 1.0));
            }
        }
        samples
    }

    fn energies_in_chunks(samples: &[f32], rate: u32, chunk: usize) -> Vec<f32> {
        let mut meter = EnergyMeter::new(rate);
        for piece in samples.chunks(chunk) {
            meter.push(piece);
        }
        meter.into_energies()
    }

    fn assert_near(what: &str, got: u32, truth: u32) {
        assert!(
            got.abs_diff(truth) <= 50,
            "{what}: {got} ms, truth {truth} ms"
        );
    }

    /// 700 ms before the first word; spans of 1500, 800 and 2000 ms with
    /// pauses of 1300 ms (long) and 400 ms between them.
    const SEGMENTS: [u32; 7] = [700, 1500, 1300, 800, 400, 2000, 500];

    fn assert_segments_found(report: &DeliveryReport) {
        assert_eq!(report.duration_ms, 7200);
        assert_near(
            "first word",
            report.first_word_ms.expect("speech found"),
            700,
        );
        assert_near("talk", report.talk_ms, 6000);
        assert_near("speaking", report.speaking_ms, 4300);
        assert_eq!(report.long_pauses, 1);
        assert_near("longest pause", report.longest_pause_ms, 1300);
        assert_eq!(report.speech.len(), 3, "{:?}", report.speech);
    }

    #[test]
    fn tone_bursts_give_their_times_in_any_chunking() {
        let samples = bursts(&SEGMENTS, 0.3);
        for chunk in [4096, 1000] {
            let report = analyse(&energies_in_chunks(&samples, RATE, chunk));
            eprintln!("chunks of {chunk}: {report:?}");
            assert_segments_found(&report);
            // A steady tone has no syllables to speak of.
            assert!(report.syllables <= 6, "{} syllables", report.syllables);
        }
    }

    #[test]
    fn a_clipping_loud_recording_is_read_the_same() {
        let report = analyse(&energies_in_chunks(&bursts(&SEGMENTS, 4.0), RATE, 4096));
        assert_segments_found(&report);
    }

    #[test]
    fn a_quiet_recording_is_read_the_same() {
        // The tone 30 dB down, the noise as before: the thresholds follow
        // the recording's own levels, not fixed ones.
        let report = analyse(&energies_in_chunks(&bursts(&SEGMENTS, 0.01), RATE, 4096));
        assert_segments_found(&report);
    }

    #[test]
    fn silence_and_constant_noise_have_no_speech() {
        let silence = vec![0.0f32; RATE as usize * 5];
        let mut noise = Lcg(7);
        let hiss: Vec<f32> = (0..RATE * 5).map(|_| 0.05 * noise.next()).collect();
        for samples in [silence, hiss] {
            let report = analyse(&energies_in_chunks(&samples, RATE, 4096));
            assert_eq!(report.duration_ms, 5000);
            assert_eq!(report.first_word_ms, None);
            assert_eq!(report.talk_ms, 0);
            assert_eq!(report.speaking_ms, 0);
            assert_eq!(report.syllables, 0);
            assert!(report.speech.is_empty());
            assert_eq!(report.estimated_wpm(), None);
            assert_eq!(report.speaking_share(), 0.0);
        }
    }

    #[test]
    fn clicks_are_dropped_and_short_gaps_bridged() {
        // A 30 ms click, then two bursts 150 ms apart, which are one word.
        let report = analyse(&energies_in_chunks(
            &bursts(&[1000, 30, 1000, 600, 150, 600, 1000], 0.3),
            RATE,
            4096,
        ));
        assert_eq!(report.speech.len(), 1, "{:?}", report.speech);
        assert_near("first word", report.first_word_ms.unwrap_or(0), 2030);
        assert_near("talk", report.talk_ms, 1350);
        assert_eq!(report.long_pauses, 0);
        assert_eq!(report.longest_pause_ms, 0);
    }

    #[test]
    fn chunking_does_not_change_the_energies() {
        let samples = bursts(&SEGMENTS, 0.3);
        let mut whole = EnergyMeter::new(RATE);
        whole.push(&samples);
        assert_eq!(whole.energies().len(), 720);
        let whole = whole.into_energies();
        for chunk in [1, 7, 479, 480, 481, 1000, 4096] {
            assert_eq!(
                energies_in_chunks(&samples, RATE, chunk),
                whole,
                "chunk {chunk}"
            );
        }
    }

    #[test]
    fn frames_follow_the_sample_rate_without_drift() {
        // 22050 Hz is 220.5 samples a frame: one second is still 100.
        let mut meter = EnergyMeter::new(22_050);
        meter.push(&vec![0.5; 22_050]);
        assert_eq!(meter.energies().len(), 100);
        assert!(meter.energies().iter().all(|&e| (e - 0.5).abs() < 1e-6));

        // The last partial frame counts from half a frame.
        for (extra, frames) in [(239, 100), (240, 101)] {
            let mut meter = EnergyMeter::new(RATE);
            meter.push(&vec![0.25; 48_000 + extra]);
            assert_eq!(meter.into_energies().len(), frames, "{extra} extra samples");
        }

        // Nonsense rates and samples do not panic or poison a frame.
        let mut meter = EnergyMeter::new(0);
        meter.push(&[f32::NAN, f32::INFINITY, 1.0, -1.0]);
        assert_eq!(meter.energies(), &[0.0, 0.0, 1.0, 1.0]);
        assert!(EnergyMeter::new(RATE).into_energies().is_empty());
    }

    #[test]
    fn rates_need_three_seconds_of_speech() {
        let mut report = DeliveryReport {
            duration_ms: 10_000,
            talk_ms: 6000,
            speaking_ms: 2990,
            syllables: 20,
            ..DeliveryReport::default()
        };
        assert_eq!(report.estimated_wpm(), None);
        report.speaking_ms = 3000;
        // 20 syllables in 6 s is 200 a minute, over 1.4 a word.
        assert_eq!(report.estimated_wpm(), Some(143));
        assert!((report.speaking_share() - 0.3).abs() < 1e-6);
    }

    #[test]
    fn reports_decode_from_partial_records() {
        let report = analyse(&energies_in_chunks(&bursts(&SEGMENTS, 0.3), RATE, 4096));
        let json = serde_json::to_string(&report).expect("encodes");
        let back: DeliveryReport = serde_json::from_str(&json).expect("decodes");
        assert_eq!(back, report);
        let partial: DeliveryReport = serde_json::from_str(r#"{"talk_ms": 5}"#).expect("decodes");
        assert_eq!(partial.talk_ms, 5);
        assert_eq!(partial.first_word_ms, None);
    }

    #[test]
    fn targets_are_sane_and_fit_includes_both_ends() {
        for style in Style::ALL {
            let range = target(style);
            assert!(range.min_ms < range.max_ms, "{style:?}");
            assert_eq!(fit(range.min_ms, range), TargetFit::Within);
            assert_eq!(fit(range.max_ms, range), TargetFit::Within);
            assert_eq!(fit(range.min_ms - 1, range), TargetFit::Short);
            assert_eq!(fit(range.max_ms + 1, range), TargetFit::Long);
        }
        assert!(Style::ALL
            .iter()
            .all(|&style| target(style).max_ms <= target(Style::Design).max_ms));
        assert_eq!(target(Style::Star), target(Style::Story));
    }

    fn rated(wpm_syllables: u32, long_pauses: u32) -> DeliveryReport {
        // One minute of talk, so the estimate is syllables / 1.4.
        DeliveryReport {
            duration_ms: 60_000,
            talk_ms: 60_000,
            speaking_ms: 50_000,
            syllables: wpm_syllables,
            long_pauses,
            ..DeliveryReport::default()
        }
    }

    #[test]
    fn summary_takes_the_median_of_the_estimates() {
        assert_eq!(summary([]), SpeakingSummary::default());

        let silent = DeliveryReport {
            duration_ms: 5000,
            ..DeliveryReport::default()
        };
        let reports = [rated(140, 1), rated(280, 0), silent.clone(), rated(210, 4)];
        let all = summary(&reports);
        assert_eq!(all.recordings, 4);
        assert_eq!(all.total_talk_ms, 180_000);
        assert_eq!(all.median_wpm, Some(150));
        assert!((all.mean_long_pauses - 1.25).abs() < 1e-6);

        // An even count takes the middle two's mean.
        let two = summary(&reports[..2]);
        assert_eq!(two.median_wpm, Some(150));
        assert_eq!(summary([&silent]).median_wpm, None);
    }

    #[test]
    fn analyse_is_cheap() {
        // A minute of speech-like envelope: 200 ms syllables, pauses.
        let energies: Vec<f32> = (0..6000)
            .map(|frame| {
                let syllable = (frame % 20) as f32 / 20.0;
                let talking = frame % 700 < 600;
                if talking {
                    0.2 * (std::f32::consts::PI * syllable).sin() + 0.01
                } else {
                    0.001
                }
            })
            .collect();
        let start = std::time::Instant::now();
        let report = analyse(&energies);
        let elapsed = start.elapsed();
        eprintln!("analyse over 6000 frames: {elapsed:?}");
        assert!(report.syllables > 200, "{} syllables", report.syllables);
        // Generous, since tests build unoptimised; natively optimised it
        // is well under a millisecond.
        let limit_ms = if cfg!(debug_assertions) { 100 } else { 5 };
        assert!(elapsed.as_millis() < limit_ms, "{elapsed:?}");
    }

    fn check_invariants(report: &DeliveryReport, frames: usize) {
        assert_eq!(report.duration_ms as usize, frames * FRAME_MS as usize);
        assert!(report.speaking_ms <= report.talk_ms);
        assert!(report.talk_ms <= report.duration_ms);
        assert_eq!(report.first_word_ms.is_some(), !report.speech.is_empty());
        assert!(report
            .speech
            .windows(2)
            .all(|p| p[0].end_ms < p[1].start_ms));
        assert!(report.speech.iter().all(|s| s.start_ms < s.end_ms));
        assert!(report.longest_pause_ms <= report.talk_ms);
    }

    #[test]
    fn empty_and_broken_input_do_not_panic() {
        assert_eq!(analyse(&[]), DeliveryReport::default());
        let broken = [
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            -1.0,
            0.0,
            1.0,
            f32::MAX,
        ];
        let report = analyse(&broken);
        check_invariants(&report, broken.len());
    }

    proptest! {
        #[test]
        fn analyse_never_panics(energies in prop::collection::vec(any::<f32>(), 0..800)) {
            check_invariants(&analyse(&energies), energies.len());
        }

        #[test]
        fn analyse_never_panics_on_plausible_levels(
            energies in prop::collection::vec(0.0f32..1.0, 0..3000),
        ) {
            check_invariants(&analyse(&energies), energies.len());
        }
    }
}
