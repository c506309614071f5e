/**
 * The audio thread's code. It runs as an `eval` worker so that it needs no compiled file of
 * its own (the server runs from sources in tests and from dist in production alike); the
 * libraries it loads are resolved by the main thread and passed in as URLs.
 *
 * Two jobs cost enough to leave the API's event loop: speech and MP3 encoding.
 * - `speak`: eSpeak-NG is compiled as its command-line program, so each phrase instantiates
 *   it with the text in a file of its in-memory file system (never as an argument, where a
 *   leading "-" would be an option) and reads the WAV it wrote; WaveFile resamples it.
 * - `mp3`: LAME (lamejs) encodes one or two channels of 16-bit PCM.
 */
export const AUDIO_THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = Promise.all([
  import(workerData.espeakUrl),
  import(workerData.wavefileUrl),
  import(workerData.lameUrl),
]);

async function speak(job) {
  const [{ default: ESpeakNg }, wavefile] = await loaded;
  const espeak = await ESpeakNg({
    arguments: ['-w', 'out.wav', '-v', job.voice, '-f', 'in.txt'],
    preRun: [(module) => module.FS.writeFile('in.txt', job.text)],
    print: () => {},
    printErr: () => {},
  });
  const WaveFile = wavefile.WaveFile ?? wavefile.default.WaveFile;
  const wav = new WaveFile(espeak.FS.readFile('out.wav'));
  wav.toSampleRate(job.rate);
  return wav.getSamples(false, Int16Array);
}

async function mp3(job) {
  const [, , lame] = await loaded;
  const encoder = new lame.Mp3Encoder(job.channels.length, job.rate, job.kbps);
  const [left, right] = job.channels;
  const parts = [];
  for (let i = 0; i < left.length; i += 1152) {
    const l = left.subarray(i, i + 1152);
    parts.push(right === undefined ? encoder.encodeBuffer(l) : encoder.encodeBuffer(l, right.subarray(i, i + 1152)));
  }
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) { out.set(part, offset); offset += part.length; }
  return out;
}

parentPort.on('message', async (job) => {
  try {
    const result = job.type === 'speak' ? await speak(job) : await mp3(job);
    parentPort.postMessage({ id: job.id, result }, [result.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String((error && error.message) || error) });
  }
});
`;
