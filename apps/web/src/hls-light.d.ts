// hls.js ships types for its full build only; the light build (no subtitles, alternate audio, DRM or
// CMCD, which lessons do not use; ~35 % smaller for learners on slow connections) has the same API.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
