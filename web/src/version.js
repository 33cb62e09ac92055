// version.js — the version of the widget. The bundle gets CMake's project version (one number for
// the element, the npm package, `versus --version` and the .deb) through esbuild's `define`.
/* global VERSUS_VERSION */
export const VERSION = typeof VERSUS_VERSION === 'string' ? VERSUS_VERSION : '0.0.0-dev';
