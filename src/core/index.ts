export * from './span.js';
export * from './provenance.js';
export * from './diagnostic.js';
export * from './errors.js';
export * from './vocabulary.js';
export * from './layers.js';
export * from './annotation.js';
export * from './document.js';
