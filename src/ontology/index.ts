export * from './plover.js';
export * from './cameo.js';
