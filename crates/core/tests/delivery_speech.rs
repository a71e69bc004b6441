//! The delivery analysis on real speech: one passage spoken by espeak-ng at
//! two rates (tests/speech/make.sh regenerates the files). The true rate is
//! measured from the audio, words over the time from the first sound to
//! the last, not taken from espeak's rate flag.

use std::path::PathBuf;

use opsdrill_core::delivery::{analyse, DeliveryReport, EnergyMeter};

/// Mono samples in [-1, 1] and their rate.
struct Wav {
    sample_rate: u32,
    samples: Vec<f32>,
}

fn u16_at(bytes: &[u8], at: usize) -> Result<u16, String> {
    bytes
        .get(at..at + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("truncated at byte {at}"))
}

fn u32_at(bytes: &[u8], at: usize) -> Result<u32, String> {
    bytes
        .get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| format!("truncated at byte {at}"))
}

/// A minimal RIFF/WAVE reader for 16-bit PCM: walks the chunks to find
/// "fmt " and "data" wherever they are (sox and others add LIST chunks, so
/// the header is not always 44 bytes) and mixes channels down to mono.
fn parse_wav(bytes: &[u8]) -> Result<Wav, String> {
    if bytes.get(0..4) != Some(b"RIFF") || bytes.get(8..12) != Some(b"WAVE") {
        return Err("not a RIFF/WAVE file".into());
    }
    let mut format: Option<(u16, u16, u32, u16)> = None;
    let mut data: Option<&[u8]> = None;
    let mut at = 12;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let size = u32_at(bytes, at + 4)? as usize;
        let body_start = at + 8;
        // A truncated last chunk (a recorder killed mid-write) keeps what
        // is there.
        let body = &bytes[body_start..(body_start + size).min(bytes.len())];
        match id {
            b"fmt " => {
                let tag = u16_at(body, 0)?;
                let channels = u16_at(body, 2)?;
                let rate = u32_at(body, 4)?;
                let bits = u16_at(body, 14)?;
                format = Some((tag, channels, rate, bits));
            }
            b"data" => data = Some(body),
            _ => {}
        }
        // Chunks are padded to an even length.
        at = body_start + size + (size & 1);
    }
    let (tag, channels, sample_rate, bits) = format.ok_or("no fmt chunk")?;
    let data = data.ok_or("no data chunk")?;
    // 1 is PCM; 0xFFFE (extensible) wraps PCM with extra fields.
    if !(tag == 1 || tag == 0xFFFE) || bits != 16 || channels == 0 {
        return Err(format!(
            "unsupported format: tag {tag}, {bits} bits, {channels} channels"
        ));
    }
    let channels = usize::from(channels);
    let samples = data
        .chunks_exact(2 * channels)
        .map(|frame| {
            let sum: f32 = frame
                .chunks_exact(2)
                .map(|s| f32::from(i16::from_le_bytes([s[0], s[1]])) / 32768.0)
                .sum();
            sum / channels as f32
        })
        .collect();
    Ok(Wav {
        sample_rate,
        samples,
    })
}

fn speech_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/speech")
}

fn load(name: &str) -> Wav {
    let path = speech_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    parse_wav(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Feeds the samples in the chunk size a browser's audio worklet might
/// use, then analyses.
fn analyse_wav(wav: &Wav) -> DeliveryReport {
    let mut meter = EnergyMeter::new(wav.sample_rate);
    for chunk in wav.samples.chunks(4096) {
        meter.push(chunk);
    }
    analyse(&meter.into_energies())
}

/// The first and last audible sample (above 1% of the peak, which the
/// room noise below stays under). espeak's pauses are near-digital
/// silence, so this is exact for its output and independent of the
/// analysis under test.
fn audible_range(wav: &Wav) -> (usize, usize) {
    let peak = wav.samples.iter().fold(0.0f32, |m, s| m.max(s.abs()));
    let audible = |s: &f32| s.abs() > peak * 0.01;
    let first = wav.samples.iter().position(audible).unwrap_or(0);
    let last = wav.samples.iter().rposition(audible).unwrap_or(0);
    (first, last)
}

/// The true talk time in ms, first audible sample to last.
fn true_talk_ms(wav: &Wav) -> f64 {
    let (first, last) = audible_range(wav);
    last.saturating_sub(first) as f64 * 1000.0 / f64::from(wav.sample_rate)
}

fn first_audible_ms(wav: &Wav) -> f64 {
    audible_range(wav).0 as f64 * 1000.0 / f64::from(wav.sample_rate)
}

/// The recording with faint deterministic noise (an LCG, amplitude 0.003)
/// added throughout and padded before and after.
fn with_room_noise(wav: &Wav, before_ms: u32, after_ms: u32) -> Wav {
    let samples_in = |ms: u32| (u64::from(ms) * u64::from(wav.sample_rate) / 1000) as usize;
    let mut state: u32 = 2024;
    let mut noise = move || {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        0.003 * ((state >> 8) as f32 / (1u32 << 23) as f32 - 1.0)
    };
    let speech = std::iter::repeat_n(0.0, samples_in(before_ms))
        .chain(wav.samples.iter().copied())
        .chain(std::iter::repeat_n(0.0, samples_in(after_ms)));
    Wav {
        sample_rate: wav.sample_rate,
        samples: speech.map(|s| s + noise()).collect(),
    }
}

fn passage_words() -> usize {
    let path = speech_dir().join("passage.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.split_whitespace().count()
}

struct Measured {
    true_wpm: f64,
    estimated_wpm: u32,
}

fn measure(name: &str, words: usize) -> Measured {
    let wav = load(name);
    let talk_ms = true_talk_ms(&wav);
    let true_wpm = words as f64 / (talk_ms / 60_000.0);
    let report = analyse_wav(&wav);
    let estimated_wpm = report
        .estimated_wpm()
        .unwrap_or_else(|| panic!("{name}: no rate estimate from {report:?}"));
    eprintln!(
        "{name}: true talk {talk_ms:.0} ms, measured talk {} ms, speaking {} ms, \
         {} spans, longest pause {} ms, {} syllables for {words} words; \
         true {true_wpm:.1} wpm, estimated {estimated_wpm} wpm ({:+.1}%)",
        report.talk_ms,
        report.speaking_ms,
        report.speech.len(),
        report.longest_pause_ms,
        report.syllables,
        (f64::from(estimated_wpm) / true_wpm - 1.0) * 100.0,
    );
    assert!(
        (f64::from(report.talk_ms) - talk_ms).abs() < 100.0,
        "{name}: talk time {} ms, truth {talk_ms:.0} ms",
        report.talk_ms
    );

    // The same speech in a room: faint noise for 1.2 s before the first
    // word and 0.8 s after the last. Only the start moves.
    let padded = with_room_noise(&wav, 1200, 800);
    let in_room = analyse_wav(&padded);
    let first_sound_ms = first_audible_ms(&padded);
    let first_word_ms = in_room.first_word_ms.unwrap_or(0);
    eprintln!(
        "{name} in a room: first word at {first_word_ms} ms (truth {first_sound_ms:.0} ms), \
         talk {} ms, estimated {:?} wpm",
        in_room.talk_ms,
        in_room.estimated_wpm()
    );
    assert!((f64::from(first_word_ms) - first_sound_ms).abs() <= 50.0);
    assert!(in_room.talk_ms.abs_diff(report.talk_ms) <= 50);
    assert!(in_room
        .estimated_wpm()
        .is_some_and(|wpm| wpm.abs_diff(estimated_wpm) <= 5));
    Measured {
        true_wpm,
        estimated_wpm,
    }
}

#[test]
fn speaking_rate_is_estimated_within_a_quarter_on_espeak_speech() {
    let words = passage_words();
    assert!((55..=85).contains(&words), "{words} words");
    let slow = measure("handover-130.wav", words);
    let fast = measure("handover-210.wav", words);

    assert!(slow.true_wpm < fast.true_wpm);
    assert!(
        slow.estimated_wpm < fast.estimated_wpm,
        "slow {} wpm, fast {} wpm",
        slow.estimated_wpm,
        fast.estimated_wpm
    );
    for (name, measured) in [("slow", &slow), ("fast", &fast)] {
        let error = (f64::from(measured.estimated_wpm) / measured.true_wpm - 1.0).abs();
        assert!(
            error <= 0.25,
            "{name}: estimated {} wpm, true {:.1} wpm",
            measured.estimated_wpm,
            measured.true_wpm
        );
    }
}

#[test]
fn wav_reader_finds_chunks_after_extra_ones() {
    // A LIST chunk with an odd length (padded) before fmt, as some tools
    // write, then two stereo frames.
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"RIFF\0\0\0\0WAVE");
    bytes.extend_from_slice(b"LIST");
    bytes.extend_from_slice(&3u32.to_le_bytes());
    bytes.extend_from_slice(b"abc\0");
    bytes.extend_from_slice(b"fmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    for field in [1u16, 2] {
        bytes.extend_from_slice(&field.to_le_bytes());
    }
    bytes.extend_from_slice(&8000u32.to_le_bytes());
    bytes.extend_from_slice(&32000u32.to_le_bytes());
    for field in [4u16, 16] {
        bytes.extend_from_slice(&field.to_le_bytes());
    }
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&8u32.to_le_bytes());
    for sample in [16384i16, 0, -32768, -32768] {
        bytes.extend_from_slice(&sample.to_le_bytes());
    }
    let wav = parse_wav(&bytes).expect("valid");
    assert_eq!(wav.sample_rate, 8000);
    assert_eq!(wav.samples, vec![0.25, -1.0]);
    assert!(parse_wav(b"RIFF\0\0\0\0WAVE").is_err());
    assert!(parse_wav(b"nonsense").is_err());
}
