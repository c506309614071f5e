/**
 * Tiny silent recordings the server serves at the URLs in `call.recording.saved`. The emulator
 * has no audio, so every recording is one second of silence in the format asked for.
 */

const SAMPLE_RATE = 8000;

/** One second of 8 kHz, 16-bit mono PCM silence in a RIFF/WAVE container. */
export function silentWav(): Buffer {
  const dataBytes = SAMPLE_RATE * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return Buffer.concat([header, Buffer.alloc(dataBytes)]);
}

// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, mono, no CRC: 417-byte frames of 1152 samples each.
const MP3_FRAME_HEADER = [0xff, 0xfb, 0x90, 0xc4];
const MP3_FRAME_BYTES = 417;
const MP3_FRAMES_PER_SECOND = 39;

/** About one second of silent MP3 frames: zeroed side info and main data decode to silence. */
export function silentMp3(): Buffer {
  const frame = Buffer.alloc(MP3_FRAME_BYTES);
  Buffer.from(MP3_FRAME_HEADER).copy(frame);
  return Buffer.concat(Array.from({ length: MP3_FRAMES_PER_SECOND }, () => frame));
}
