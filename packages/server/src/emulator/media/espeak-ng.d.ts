// eSpeak-NG's npm build ships no types; the speech thread only uses it untyped.
declare module 'espeak-ng';
