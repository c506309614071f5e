/**
 * The speech thread's code. It runs as an `eval` worker so that it needs no compiled file of
 * its own (the server runs from sources in tests and from dist in production alike); the
 * libraries it loads are resolved by the main thread and passed in as URLs.
 *
 * eSpeak-NG is compiled as its command-line program: each phrase instantiates it with the text
 * in a file of its in-memory file system (never as an argument, where a leading "-" would be an
 * option), and reads the WAV it wrote. WaveFile resamples it to the call's rate.
 */
export const SPEECH_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = Promise.all([import(workerData.espeakUrl), import(workerData.wavefileUrl)]);
parentPort.on('message', async (job) => {
  try {
    const [{ default: ESpeakNg }, wavefile] = await loaded;
    const espeak = await ESpeakNg({
      arguments: ['-w', 'out.wav', '-v', job.voice, '-f', 'in.txt'],
      preRun: [(module) => module.FS.writeFile('in.txt', job.text)],
      print: () => {},
      printErr: () => {},
    });
    const wav = new (wavefile.WaveFile ?? wavefile.default.WaveFile)(espeak.FS.readFile('out.wav'));
    wav.toSampleRate(job.rate);
    const samples = wav.getSamples(false, Int16Array);
    parentPort.postMessage({ id: job.id, samples }, [samples.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
  }
});
`;
