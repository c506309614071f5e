// The softphone's microphone tap: an AudioWorklet processor that hands each block of the first
// input channel to the page, which frames it and sends it into the call. Plain JavaScript,
// because worklets load as scripts of their own (same origin, as the dashboard's CSP requires).
/* global AudioWorkletProcessor, registerProcessor */
class MicCapture extends AudioWorkletProcessor {
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (channel) this.port.postMessage(channel.slice(0));
    return true;
  }
}
registerProcessor('mic-capture', MicCapture);
