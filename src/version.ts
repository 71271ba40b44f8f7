/** The engine's version, stamped into every result (kept equal to package.json by a test). */
export const ENGINE_VERSION = '0.1.0';
